import type { INodeProperties } from 'n8n-workflow';

import { opportunityInfoFields } from '../../shared/descriptions';
import type { RedirectOperation } from '../../shared/redirectOperation';
import { compact, opportunityInfoFromParameters } from '../../shared/requestBodies';
import { createQuoteRequestSchema } from '../../shared/schemas';

const show = { resource: ['quote'], operation: ['create'] };

export const description: INodeProperties[] = [
	...opportunityInfoFields(show),
	{
		displayName: 'Version ID',
		name: 'versionId',
		type: 'string',
		default: '',
		displayOptions: { show },
		description: 'Admins only: the DealHub version to create the quote in. Empty means the active version.',
	},
];

export const operation: RedirectOperation = {
	api: 'crm',
	path: '/api/v1.1/quote/create',
	schema: createQuoteRequestSchema,
	buildBody(itemIndex) {
		return compact({
			external_opportunity_id: this.getNodeParameter('externalOpportunityId', itemIndex, '') as string,
			version_id: this.getNodeParameter('versionId', itemIndex, '') as string,
			...opportunityInfoFromParameters(this, itemIndex),
		});
	},
};

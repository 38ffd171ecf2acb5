import type { INodeProperties } from 'n8n-workflow';

import type { RedirectOperation } from '../../shared/redirectOperation';
import { compact, opportunityInfoFromParameters } from '../../shared/requestBodies';
import { openQuoteRequestSchema } from '../../shared/schemas';

export const description: INodeProperties[] = [
	{
		displayName: 'DealHub Quote ID',
		name: 'dealHubQuoteId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { resource: ['quote'], operation: ['open'] } },
	},
];

export const operation: RedirectOperation = {
	api: 'crm',
	path: '/api/v2/quote/open',
	schema: openQuoteRequestSchema,
	buildBody(itemIndex) {
		const update = this.getNodeParameter('updateOpportunityInfo', itemIndex, false) as boolean;
		return compact({
			dealhub_quote_id: this.getNodeParameter('dealHubQuoteId', itemIndex, '') as string,
			external_opportunity_id: this.getNodeParameter('externalOpportunityId', itemIndex, '') as string,
			opportunity_info: update ? opportunityInfoFromParameters(this, itemIndex) : undefined,
		});
	},
};

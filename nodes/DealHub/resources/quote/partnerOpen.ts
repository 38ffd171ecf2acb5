import type { INodeProperties } from 'n8n-workflow';

import type { RedirectOperation } from '../../shared/redirectOperation';
import { partnerOpenQuoteRequestSchema } from '../../shared/schemas';

export const description: INodeProperties[] = [
	{
		displayName: 'CRM Quote ID',
		name: 'quoteId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { resource: ['quote'], operation: ['partnerOpen'] } },
		description: 'The quote’s ID in your CRM',
	},
];

export const operation: RedirectOperation = {
	api: 'partner',
	path: '/api/v1/open/quote',
	schema: partnerOpenQuoteRequestSchema,
	buildBody(itemIndex) {
		return {
			opportunity_id: this.getNodeParameter('opportunityId', itemIndex, '') as string,
			quote_id: this.getNodeParameter('quoteId', itemIndex, '') as string,
		};
	},
};

import type { INodeProperties } from 'n8n-workflow';

import type { RedirectOperation } from '../../shared/redirectOperation';
import { quotePageBody } from '../../shared/requestBodies';
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
		return quotePageBody(this, itemIndex, this.getNodeParameter('dealHubQuoteId', itemIndex, '') as string);
	},
};

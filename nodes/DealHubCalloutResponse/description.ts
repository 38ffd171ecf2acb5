import type { INodeProperties } from 'n8n-workflow';

import { priceFieldProperty } from '../DealHubCallout/priceFieldProperty';

export const responseProperties: INodeProperties[] = [
	{
		displayName: 'Respond With',
		name: 'respondWith',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Error',
				value: 'error',
				description: 'Refuse the callout with HTTP 400 and a message DealHub shows the rep',
			},
			{ name: 'JSON', value: 'json', description: 'Send a JSON body you build' },
			{
				name: 'Priced Line Items',
				value: 'pricedItems',
				description: 'Rebuild DealHub’s answer from the input items, each with the line item ID and a price',
			},
		],
		default: 'pricedItems',
	},
	{
		displayName:
			'Each input item needs its line item ID and a price; the fields DealHub names in returned_attributes are sent too',
		name: 'pricedItemsNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { respondWith: ['pricedItems'] } },
	},
	priceFieldProperty({ show: { respondWith: ['pricedItems'] } }),
	{
		displayName: 'Error Message',
		name: 'errorMessage',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'This customer cannot be priced online. Please contact the pricing desk.',
		displayOptions: { show: { respondWith: ['error'] } },
		description: 'DealHub shows this message to the sales rep',
	},
	{
		displayName: 'Response Body',
		name: 'responseBody',
		type: 'json',
		default: '{\n  "items": []\n}',
		displayOptions: { show: { respondWith: ['json'] } },
	},
	{
		displayName: 'Response Code',
		name: 'responseCode',
		type: 'number',
		typeOptions: { minValue: 100, maxValue: 599 },
		default: 200,
		displayOptions: { show: { respondWith: ['json'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { respondWith: ['pricedItems'] } },
		options: [
			{
				displayName: 'Additional Attributes',
				name: 'additionalAttributes',
				type: 'string',
				default: '',
				placeholder: 'MSRP, partner_discount1',
				description:
					'Comma-separated fields of the input items to send although DealHub did not ask for them in returned_attributes',
			},
		],
	},
];

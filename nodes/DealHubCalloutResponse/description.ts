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
			{
				name: 'Prices From Rows',
				value: 'priceRows',
				description:
					'Price every line item from price rows (one per SKU) that a lookup step output: a sheet, a database, an ERP. Fastest for large quotes.',
			},
		],
		default: 'pricedItems',
	},
	{
		displayName:
			'Each input item is a price row: a SKU and its price. The line items come from the DealHub Callout Trigger; each is priced from the row of its SKU.',
		name: 'priceRowsNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { respondWith: ['priceRows'] } },
	},
	{
		displayName: 'Rows In',
		name: 'rowsIn',
		type: 'options',
		options: [
			{ name: 'Input Items', value: 'items', description: 'One input item per row, as Google Sheets, Postgres or Data Tables output them' },
			{
				name: 'An Array Field',
				value: 'field',
				description: 'The rows are an array in one field of the input, as an HTTP Request to an ERP may answer them',
			},
		],
		default: 'items',
		displayOptions: { show: { respondWith: ['priceRows'] } },
	},
	{
		displayName: 'Rows Field',
		name: 'rowsField',
		type: 'string',
		default: 'rows',
		required: true,
		placeholder: 'data.prices',
		displayOptions: { show: { respondWith: ['priceRows'], rowsIn: ['field'] } },
		description: 'The field that holds the array of rows; dots reach nested fields',
	},
	{
		displayName: 'SKU Column',
		name: 'skuColumn',
		type: 'string',
		default: 'sku',
		required: true,
		displayOptions: { show: { respondWith: ['priceRows'] } },
		description: 'The field of a row that holds the SKU as DealHub sends it (letter case does not matter)',
	},
	{
		displayName: 'Price Column',
		name: 'priceColumn',
		type: 'string',
		default: 'price',
		required: true,
		displayOptions: { show: { respondWith: ['priceRows'] } },
		description: 'The field of a row that holds the price (a number or numeric text)',
	},
	{
		displayName: 'Price Basis',
		name: 'basis',
		type: 'options',
		options: [
			{ name: 'Flat', value: 'flat', description: 'Send the price as it is' },
			{ name: 'Per Unit', value: 'perUnit', description: 'Multiply the price (and MSRP) by the line item’s quantity' },
		],
		default: 'flat',
		displayOptions: { show: { respondWith: ['priceRows'] } },
	},
	{
		displayName: 'Attribute Columns',
		name: 'attributeColumns',
		type: 'string',
		default: '',
		placeholder: 'MSRP, partner_discount1, start_date',
		displayOptions: { show: { respondWith: ['priceRows'] } },
		description:
			'Comma-separated fields of a row to send with the price, converted to the types DealHub asks for in returned_attributes',
	},
	{
		displayName:
			'Each input item needs its line item ID and a price; the fields DealHub names in returned_attributes are sent too',
		name: 'pricedItemsNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { respondWith: ['pricedItems'] } },
	},
	priceFieldProperty({ show: { respondWith: ['pricedItems', 'priceRows'] } }),
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

import type { INodeProperties } from 'n8n-workflow';

import { priceFieldProperty } from '../DealHubCallout/priceFieldProperty';

const fromPriceList = { show: { pricingSource: ['priceList'] } };
const priceListAs = (format: string) => ({ show: { pricingSource: ['priceList'], priceListFormat: [format] } });

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: 'dealhub-callout',
		required: true,
		placeholder: 'dealhub-callout',
		description:
			'The end of the webhook URL. Paste the production URL into DealHub under Version Settings > Advanced Settings > Callouts.',
	},
	{
		displayName: 'Prices From',
		name: 'pricingSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'DealHub Callout Response Node',
				value: 'workflow',
				description: 'The workflow prices the items and a DealHub Callout Response node answers DealHub',
			},
			{
				name: 'Price List in This Node',
				value: 'priceList',
				description: 'This node answers DealHub at once from the price list below, without waiting for the workflow',
			},
		],
		default: 'workflow',
	},
	{
		displayName:
			'Answer the callout with a DealHub Callout Response node: DealHub waits for it, so keep the workflow fast',
		name: 'responseNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { pricingSource: ['workflow'] } },
	},
	{
		displayName: 'Price List Format',
		name: 'priceListFormat',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'CSV Text',
				value: 'csv',
				description: 'Paste the list as a spreadsheet exports it; fastest for long lists',
			},
			{
				name: 'JSON Text',
				value: 'json',
				description: 'An array of objects, one per SKU; fastest for long lists',
			},
			{
				name: 'Table',
				value: 'table',
				description: 'One row per product, edited in the node; for short lists',
			},
		],
		default: 'table',
		displayOptions: fromPriceList,
	},
	{
		displayName: 'Price List (CSV)',
		name: 'priceListCsv',
		type: 'string',
		typeOptions: { rows: 10 },
		default: '',
		required: true,
		placeholder: 'sku,list_price,basis,MSRP\nA-1,10,per unit,20\nB-111,100,flat,',
		displayOptions: priceListAs('csv'),
		description:
			'A header row, then one row per SKU, separated by commas, semicolons or tabs. Columns: sku and list_price (or price), optionally basis (flat or per unit), MSRP and any attribute DealHub may ask for.',
	},
	{
		displayName: 'Price List (JSON)',
		name: 'priceListJson',
		type: 'json',
		default: '[\n  {"sku": "A-1", "list_price": 10, "basis": "per unit", "MSRP": 20}\n]',
		required: true,
		displayOptions: priceListAs('json'),
		description:
			'An array with one object per SKU. Keys: sku and list_price (or price), optionally basis (flat or per unit), MSRP and any attribute DealHub may ask for.',
	},
	{
		displayName: 'Price List',
		name: 'priceList',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Product',
		default: {},
		displayOptions: priceListAs('table'),
		options: [
			{
				displayName: 'Product',
				name: 'rows',
				values: [
					{
						displayName: 'List Price',
						name: 'listPrice',
						type: 'number',
						typeOptions: { numberPrecision: 4 },
						default: 0,
					},
					{
						displayName: 'MSRP',
						name: 'msrp',
						type: 'string',
						default: '',
						placeholder: '200',
						description: 'Manufacturer’s suggested retail price; leave empty to send none',
					},
					{
						displayName: 'Other Attributes',
						name: 'otherAttributes',
						type: 'string',
						default: '',
						placeholder: '{"partner_discount1": 10, "start_date": "2025-09-01"}',
						description:
							'A JSON object of further attributes to send. Values take the type DealHub asks for in returned_attributes.',
					},
					{
						displayName: 'Price Basis',
						name: 'basis',
						type: 'options',
						options: [
							{ name: 'Flat', value: 'flat', description: 'Send the list price as it is' },
							{
								name: 'Per Unit',
								value: 'perUnit',
								description: 'Multiply the list price (and MSRP) by the line item’s quantity',
							},
						],
						default: 'flat',
					},
					{
						displayName: 'SKU',
						name: 'sku',
						type: 'string',
						default: '',
						required: true,
						description: 'The SKU as DealHub sends it',
					},
				],
			},
		],
	},
	priceFieldProperty(fromPriceList),
	{
		displayName: 'Start Workflow',
		name: 'startWorkflow',
		type: 'boolean',
		default: false,
		displayOptions: fromPriceList,
		description: 'Whether to also run the workflow with the request after answering, e.g. to log callouts',
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{
				name: 'One Item per Line Item',
				value: 'lineItems',
				description: 'Products and bundles, bundle children after their bundle with its ID in bundle_id',
			},
			{
				name: 'One Item for the Whole Request',
				value: 'request',
				description: 'The request as DealHub sent it, without the secret',
			},
			{
				name: 'One Item With the SKUs to Price',
				value: 'skus',
				description:
					'The distinct SKUs of the callout in one list, for a lookup step that fetches their price rows (for a Response with Prices From Rows)',
			},
		],
		default: 'lineItems',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Playbook Answers',
				name: 'includePlaybookAnswers',
				type: 'boolean',
				default: true,
				description: 'Whether each output item carries the playbook answers DealHub sent',
			},
		],
	},
];

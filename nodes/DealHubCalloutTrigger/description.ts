import type { INodeProperties } from 'n8n-workflow';

import { priceFieldProperty } from '../DealHubCallout/priceFieldProperty';

const fromPriceList = { show: { pricingSource: ['priceList'] } };

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
		displayName: 'Price List',
		name: 'priceList',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Product',
		default: {},
		displayOptions: fromPriceList,
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

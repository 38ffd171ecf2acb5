import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** The Price Field Name setting, the same in the trigger's price list and in the Response. */
export const priceFieldProperty = (displayOptions: IDisplayOptions): INodeProperties => ({
	displayName: 'Price Field Name',
	name: 'priceField',
	type: 'options',
	options: [
		{ name: 'List Price (OpenAPI File 1.0.1)', value: 'list_price', description: 'Each priced item carries list_price' },
		{ name: 'Price (Callouts API Reference)', value: 'price', description: 'Each priced item carries price' },
	],
	default: 'price',
	displayOptions,
	description: 'The name of the price in the answer. DealHub’s two published documents disagree; use the one your DealHub reads.',
});

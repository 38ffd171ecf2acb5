import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { BID_TYPES } from './schemas';

const BID_TYPE_NAMES: Record<(typeof BID_TYPES)[number], string> = {
	FixedBid: 'Fixed Bid',
	PerHour: 'Per Hour',
	PerDay: 'Per Day',
	PerWeek: 'Per Week',
	PerMonth: 'Per Month',
	PerYear: 'Per Year',
};

export const bidTypeOptions: INodePropertyOptions[] = BID_TYPES.map((type, index) => ({
	name: BID_TYPE_NAMES[type],
	value: index,
}));

/** The currencies ONLYOFFICE CRM knows; an expression can send any other code the portal accepts. */
const CURRENCIES: Array<[string, string]> = [
	['AED', 'UAE Dirham'],
	['ARS', 'Argentine Peso'],
	['AUD', 'Australian Dollar'],
	['BGN', 'Bulgarian Lev'],
	['BRL', 'Brazilian Real'],
	['BYN', 'Belarusian Ruble'],
	['CAD', 'Canadian Dollar'],
	['CHF', 'Swiss Franc'],
	['CLP', 'Chilean Peso'],
	['CNY', 'Chinese Yuan'],
	['COP', 'Colombian Peso'],
	['CZK', 'Czech Koruna'],
	['DKK', 'Danish Krone'],
	['EUR', 'Euro'],
	['GBP', 'Pound Sterling'],
	['HKD', 'Hong Kong Dollar'],
	['HUF', 'Hungarian Forint'],
	['IDR', 'Indonesian Rupiah'],
	['ILS', 'Israeli New Shekel'],
	['INR', 'Indian Rupee'],
	['JPY', 'Japanese Yen'],
	['KRW', 'South Korean Won'],
	['KZT', 'Kazakhstani Tenge'],
	['MXN', 'Mexican Peso'],
	['NOK', 'Norwegian Krone'],
	['NZD', 'New Zealand Dollar'],
	['PLN', 'Polish Zloty'],
	['RON', 'Romanian Leu'],
	['RUB', 'Russian Ruble'],
	['SEK', 'Swedish Krona'],
	['SGD', 'Singapore Dollar'],
	['TRY', 'Turkish Lira'],
	['UAH', 'Ukrainian Hryvnia'],
	['USD', 'US Dollar'],
	['ZAR', 'South African Rand'],
];

export const currencyOptions: INodePropertyOptions[] = CURRENCIES.map(([code, title]) => ({
	name: `${code} (${title})`,
	value: code,
}));

export const titleField: INodeProperties = {
	displayName: 'Title',
	name: 'title',
	type: 'string',
	default: '',
	description: 'Opportunity title',
};

/** Node version 1's responsible user: a plain pick list (version 2 has a resource locator). */
export const responsibleField: INodeProperties = {
	displayName: 'Responsible Name or ID',
	name: 'responsibleId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getUsers' },
	default: '',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

export const stageField: INodeProperties = {
	displayName: 'Stage Name or ID',
	name: 'stageId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getStages' },
	default: '',
	description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

/** The optional body fields of the reference page, as collection entries (sorted as n8n lists them). */
export const opportunityFieldOptions: INodeProperties[] = [
	{
		displayName: 'Access List Names or IDs',
		name: 'accessList',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getUsers' },
		default: [],
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Actual Close Date',
		name: 'actualCloseDate',
		type: 'dateTime',
		default: '',
		description: 'When the opportunity was closed (ISO 8601)',
	},
	{
		displayName: 'Bid Type',
		name: 'bidType',
		type: 'options',
		options: bidTypeOptions,
		default: 0,
		description: 'Whether the bid is a fixed amount or an amount per period',
	},
	{
		displayName: 'Bid Value',
		name: 'bidValue',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'Amount of the deal',
	},
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		description: 'ID of the opportunity’s primary contact (a person or a company)',
	},
	{
		displayName: 'Currency',
		name: 'bidCurrency',
		type: 'options',
		options: currencyOptions,
		default: 'USD',
		description: 'Currency of the bid value',
	},
	{
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Custom Field',
		description: 'Values of the opportunity custom fields defined in CRM settings; an empty value clears the field',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field ID',
						name: 'fieldId',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 1,
						description: 'ID of the custom field',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
					},
				],
			},
		],
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Free text about the deal, shown on the opportunity page',
	},
	{
		displayName: 'Expected Close Date',
		name: 'expectedCloseDate',
		type: 'dateTime',
		default: '',
		description: 'When the opportunity is expected to close (ISO 8601)',
	},
	{
		displayName: 'Member Contact IDs',
		name: 'memberIds',
		type: 'string',
		default: '',
		placeholder: '12, 15',
		description: 'IDs of the contacts taking part, separated by commas (or an array from an expression)',
	},
	{
		displayName: 'Notify Access List',
		name: 'notify',
		type: 'boolean',
		default: false,
		description: 'Whether to notify the users of the access list about the opportunity',
	},
	{
		displayName: 'Per-Period Value',
		name: 'perPeriodValue',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Number of periods, for bids per hour, day, week, month or year',
	},
	{
		displayName: 'Private',
		name: 'isPrivate',
		type: 'boolean',
		default: false,
		description: 'Whether only the users of the access list may see the opportunity',
	},
	responsibleField,
	{
		displayName: 'Success Probability (%)',
		name: 'successProbability',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 100 },
		default: 0,
		description: 'Chance of winning, from 0 to 100',
	},
];

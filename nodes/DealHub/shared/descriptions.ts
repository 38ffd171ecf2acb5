import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';
import { itemsInParallelOption } from '../../shared/descriptionParts';

type Show = NonNullable<IDisplayOptions['show']>;

const text = (displayName: string, name: string, description?: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
});

/** The optional user_information fields shared by CRM sign-in and the opportunity owner. */
const crmUserOptionalFields: INodeProperties[] = [
	text('Login', 'login', 'Login of the user. DealHub uses the email when a new user has none.'),
	text('Position', 'position', 'Job title'),
	text('Phone', 'phone'),
	text('Mobile', 'mobile'),
	text('Fax', 'fax'),
	text('Company', 'company'),
	text('Street', 'street'),
	text('City', 'city'),
	text('State', 'state'),
	text('Country', 'country'),
	text('Postal Code', 'postal_code'),
	text('Manager Login', 'user_manager_login', 'Login of the user’s manager'),
];

const partnerUserOptionalFields: INodeProperties[] = [
	...crmUserOptionalFields.filter((field) => !['login', 'user_manager_login'].includes(field.name)),
	text('Profile Image URL', 'profile_img'),
];

const addressFields: INodeProperties[] = [
	text('Street', 'street'),
	text('City', 'city'),
	text('State', 'state'),
	text('Country', 'country'),
	text('Postal Code', 'postal_code'),
];

/** The CRM user to sign in: the 15 user_information fields of POST /api/v1/user/authenticate. */
export function crmUserFields(show: Show): INodeProperties[] {
	return [
		{
			...text('User External ID', 'userExternalId', 'The user’s ID in your CRM (external_user_id)'),
			required: true,
			displayOptions: { show },
		},
		{
			...text('User Email', 'userEmail'),
			placeholder: 'name@email.com',
			required: true,
			displayOptions: { show },
		},
		{ ...text('User Name', 'userName', 'Full name'), required: true, displayOptions: { show } },
		{
			displayName: 'Additional User Fields',
			name: 'userAdditionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show },
			options: crmUserOptionalFields,
		},
	];
}

/** The partner user to sign in (POST /api/v1/authenticate/user). */
export function partnerUserFields(show: Show): INodeProperties[] {
	return [
		{
			...text('Partner User ID', 'partnerUserId', 'The user’s ID in your PRM or partner portal'),
			required: true,
			displayOptions: { show },
		},
		{ ...text('Partner Login', 'partnerLogin'), required: true, displayOptions: { show } },
		{
			...text('Partner Email', 'partnerEmail'),
			placeholder: 'name@email.com',
			required: true,
			displayOptions: { show },
		},
		{ ...text('Partner Name', 'partnerName', 'Full name'), required: true, displayOptions: { show } },
		{
			displayName: 'Additional Partner Fields',
			name: 'partnerAdditionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show },
			options: partnerUserOptionalFields,
		},
	];
}

/** How a quote/opportunity operation gets its one-time access token. */
export function signInFields(show: Show, api: 'crm' | 'partner'): INodeProperties[] {
	const fromStep = { ...show, signIn: ['accessToken'] };
	const fields: INodeProperties[] = [
		{
			displayName: 'Sign In',
			name: 'signIn',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show },
			options: [
				{
					name: 'Sign In Automatically',
					value: 'auto',
					description: 'Get a fresh one-time access token right before the call',
				},
				{
					name: 'Use Access Token From Earlier Step',
					value: 'accessToken',
					description: 'The token is single-use and expires after 60 seconds',
				},
			],
			default: 'auto',
		},
		...(api === 'crm' ? crmUserFields({ ...show, signIn: ['auto'] }) : partnerUserFields({ ...show, signIn: ['auto'] })),
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: fromStep },
			description: 'The one-time access_token returned by an Authenticate operation',
		},
	];
	if (api === 'crm') {
		fields.push({
			...text('DealHub User ID', 'dealHubUserId', 'The dealhub_user_id returned with the access token'),
			required: true,
			displayOptions: { show: fromStep },
		});
	}
	return fields;
}

export function deliveryField(show: Show): INodeProperties {
	return {
		displayName: 'Deliver To',
		name: 'delivery',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{
				name: 'Server Call',
				value: 'server',
				description: 'This workflow calls DealHub and outputs the URL to send the user to',
			},
			{
				name: 'Browser (Hand-Off Page)',
				value: 'browser',
				description:
					'Outputs an HTML page that makes the call from the user’s browser, so DealHub can set its login cookie, then opens DealHub. Send it with Respond to Webhook.',
			},
		],
		default: 'server',
	};
}

export function timeoutOption(show: Show): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Timeout',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 10000,
				description: 'How many milliseconds to wait for each DealHub answer before failing the item',
			},
			itemsInParallelOption,
		],
	};
}

/** opportunity_info: the same fields for create (top level) and open/view (nested, optional). */
export function opportunityInfoFields(show: Show): INodeProperties[] {
	return [
		{
			...text('Opportunity Name', 'externalOpportunityName', 'The opportunity name in your CRM'),
			required: true,
			displayOptions: { show },
		},
		{
			...text('Customer ID', 'externalCustomerId', 'The buyer account’s ID in your CRM'),
			required: true,
			displayOptions: { show },
		},
		{ ...text('Customer Name', 'customerName'), required: true, displayOptions: { show } },
		{ ...text('Geo Code', 'geoCode', 'Geographic code as configured in DealHub'), required: true, displayOptions: { show } },
		{
			...text('Currency', 'currency', 'ISO currency code, e.g. USD. Fixed once the opportunity has a quote.'),
			required: true,
			displayOptions: { show },
		},
		{
			displayName: 'Opportunity Fields',
			name: 'opportunityFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show },
			options: [
				{
					displayName: 'Billing Address',
					name: 'customer_billing_address',
					type: 'fixedCollection',
					default: {},
					options: [{ displayName: 'Address', name: 'address', values: addressFields }],
				},
				{
					displayName: 'Custom Fields',
					name: 'custom_fields',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true },
					default: {},
					description: 'External data fields your DealHub admin defined in the version (names are case-insensitive)',
					options: [
						{
							displayName: 'Field',
							name: 'field',
							values: [
								{ ...text('Name', 'name'), required: true },
								{
									displayName: 'Type',
									name: 'type',
									type: 'options',
									options: [
										{ name: 'Date (UTC)', value: 'date', description: 'Sent as yyyy-mm-dd; empty means none' },
										{ name: 'Numeric', value: 'numeric', description: 'Sent as a number; empty means none' },
										{ name: 'Text', value: 'text', description: 'Sent as a one-element list' },
										{ name: 'Text List', value: 'textList', description: 'The selected values, sent as a list' },
									],
									default: 'text',
								},
								text('Value', 'value', 'For Text List: the selected values separated by commas, or an array from an expression'),
							],
						},
					],
				},
				{
					displayName: 'Customer Contacts',
					name: 'customer_contacts',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true },
					default: {},
					options: [
						{
							displayName: 'Contact',
							name: 'contact',
							values: [
								{ ...text('First Name', 'first_name'), required: true },
								{ ...text('Last Name', 'last_name'), required: true },
								{ ...text('Email', 'email'), placeholder: 'name@email.com', required: true },
								text('Salutation', 'salutation', 'Mr., Ms. etc.'),
								text('Title', 'title', 'Job title'),
								text('Phone', 'phone'),
								text('Account Name', 'account_name', 'The contact’s company'),
								text('Mailing Address', 'mailing_address'),
								{
									displayName: 'Primary Contact',
									name: 'primary_contact',
									type: 'boolean',
									default: false,
									description: 'Whether this is the primary contact',
								},
							],
						},
					],
				},
				text('External Quote ID', 'external_quote_id', 'The quote’s ID in your CRM'),
				{
					displayName: 'Opportunity Owner',
					name: 'opportunity_owner',
					type: 'fixedCollection',
					default: {},
					description: 'Set when the quote is created by someone other than the opportunity owner',
					options: [
						{
							displayName: 'Owner',
							name: 'owner',
							values: [
								{ ...text('External User ID', 'external_user_id'), required: true },
								{ ...text('Email', 'email'), placeholder: 'name@email.com', required: true },
								{ ...text('Name', 'name'), required: true },
								...crmUserOptionalFields,
							],
						},
					],
				},
				{
					displayName: 'Repeatable Groups',
					name: 'repeatable_groups',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true },
					default: {},
					description: 'Line items for subscription renewals; DealHub ignores the ones it cannot render',
					options: [
						{
							displayName: 'Group',
							name: 'group',
							values: [
								{ ...text('Group ID', 'group_id'), required: true },
								{
									displayName: 'Questions (JSON)',
									name: 'questions',
									type: 'json',
									default: '[]',
									description: 'An array of objects, one per line item, mapping question IDs to answers',
								},
							],
						},
					],
				},

				{
					displayName: 'Shipping Address',
					name: 'customer_shipping_address',
					type: 'fixedCollection',
					default: {},
					options: [{ displayName: 'Address', name: 'address', values: addressFields }],
				},
			],
		},
	];
}

import type { INodeProperties } from 'n8n-workflow';

/**
 * Node version 2 picks the opportunity, the stage and the responsible user with resource locators
 * (From List, By URL, By ID); version 1 keeps its plain parameters, so saved workflows run as before.
 */
export const VERSION_1 = { '@version': [1] };
export const VERSION_2_ON = { '@version': [{ _cnd: { gte: 2 } }] };

/** The property, shown only in the given node versions (on top of its own display rules). */
export function shownIn(versions: typeof VERSION_1 | typeof VERSION_2_ON, property: INodeProperties): INodeProperties {
	return {
		...property,
		displayOptions: { ...property.displayOptions, show: { ...property.displayOptions?.show, ...versions } },
	};
}

/** `Deals.aspx` -> `[Dd][Ee][Aa][Ll][Ss]\.[Aa][Ss][Pp][Xx]`: n8n's validation regex takes no flags. */
function anyCase(text: string): string {
	return text.replace(/[a-z]/gi, (letter) => `[${letter.toUpperCase()}${letter.toLowerCase()}]`).replace(/\./g, '\\.');
}

/**
 * The page of an opportunity in ONLYOFFICE Workspace CRM: `<portal>/Products/CRM/Deals.aspx?id=42`,
 * perhaps with other query parameters (`&action=manage`) or an anchor (`#profile`). The only group
 * is the ID, as n8n's extractValue wants.
 */
const OPPORTUNITY_URL_PATTERN =
	`\\s*https?://[^/?#\\s]+(?:/[^?#\\s]*)?/${anyCase('Products/CRM/Deals.aspx')}\\?(?:[^#\\s]*&)?${anyCase('id')}=(\\d+)(?:[&#]\\S*)?\\s*`;

/** The rule of By URL, for the editor's check of a typed address and the node's of a mapped one. */
export const OPPORTUNITY_URL_RULE =
	'Opportunity must be the address of an opportunity page, such as https://yourportal.onlyoffice.com/Products/CRM/Deals.aspx?id=42';

export function opportunityPageUrl(portalUrl: string, id: number | string): string {
	return `${portalUrl}/Products/CRM/Deals.aspx?id=${id}`;
}

const DIGITS = '\\s*\\d+\\s*';
const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

export function opportunityLocator(operations: string[]): INodeProperties {
	return {
		displayName: 'Opportunity',
		name: 'opportunityId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The opportunity: pick it from the list, paste the address of its page, or give its ID',
		displayOptions: { show: { resource: ['opportunity'], operation: operations, ...VERSION_2_ON } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an opportunity...',
				typeOptions: { searchListMethod: 'searchOpportunities', searchable: true },
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://yourportal.onlyoffice.com/Products/CRM/Deals.aspx?id=42',
				extractValue: { type: 'regex', regex: `^${OPPORTUNITY_URL_PATTERN}$` },
				validation: [
					{
						type: 'regex',
						properties: {
							regex: OPPORTUNITY_URL_PATTERN,
							errorMessage: OPPORTUNITY_URL_RULE,
						},
					},
				],
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 42',
				validation: [
					{
						type: 'regex',
						properties: { regex: DIGITS, errorMessage: 'Opportunity must be a positive whole number, such as 42' },
					},
				],
			},
		],
	};
}

export const stageLocator: INodeProperties = {
	displayName: 'Stage',
	name: 'stageId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: 'The opportunity stage: pick it from the list or give its ID',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a stage...',
			typeOptions: { searchListMethod: 'searchStages', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 12',
			validation: [
				{ type: 'regex', properties: { regex: DIGITS, errorMessage: 'Stage must be a positive whole number, such as 12' } },
			],
		},
	],
};

export const responsibleLocator: INodeProperties = {
	displayName: 'Responsible',
	name: 'responsibleId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: 'The portal user responsible for the opportunity: pick them from the list or give their user ID',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a user...',
			typeOptions: { searchListMethod: 'searchUsers', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 93f4b6d2-1c1c-469f-9308-51dafefe7436',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: GUID,
						errorMessage: 'Responsible must be a portal user ID (a GUID such as 93f4b6d2-1c1c-469f-9308-51dafefe7436)',
					},
				},
			],
		},
	],
};

/** A collection's options for version 2: the stage and responsible pickers become locators. */
export function withLocators(options: INodeProperties[]): INodeProperties[] {
	return options.map((option) => {
		if (option.name === 'stageId') return stageLocator;
		if (option.name === 'responsibleId') return responsibleLocator;
		return option;
	});
}

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CALENDAR_DATE_RULE, toUtcDay } from '../../shared/calendarDate';
import { commaList, toFiniteNumber } from '../../shared/values';

/** Drops fields left empty in the UI: DealHub treats a sent "" as a value, not as "not set". */
export function compact(record: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		if (value === '' || value === undefined || value === null) continue;
		if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) continue;
		out[key] = value;
	}
	return out;
}

function param<T>(ctx: IExecuteFunctions, name: string, itemIndex: number, fallback: T): T {
	return ctx.getNodeParameter(name, itemIndex, fallback) as T;
}

export function crmUserFromParameters(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return compact({
		external_user_id: param(ctx, 'userExternalId', itemIndex, ''),
		email: param(ctx, 'userEmail', itemIndex, ''),
		name: param(ctx, 'userName', itemIndex, ''),
		...param<IDataObject>(ctx, 'userAdditionalFields', itemIndex, {}),
	});
}

export function partnerUserFromParameters(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return compact({
		type: 'partner',
		user_id: param(ctx, 'partnerUserId', itemIndex, ''),
		login: param(ctx, 'partnerLogin', itemIndex, ''),
		email: param(ctx, 'partnerEmail', itemIndex, ''),
		name: param(ctx, 'partnerName', itemIndex, ''),
		...param<IDataObject>(ctx, 'partnerAdditionalFields', itemIndex, {}),
	});
}

type CustomFieldInput = { name?: string; type?: string; value?: unknown };

function customFieldValue(field: CustomFieldInput): unknown {
	const value = field.value ?? '';
	switch (field.type) {
		case 'numeric': {
			if (value === '') return '';
			const number = toFiniteNumber(value);
			if (number === undefined) {
				throw new Error(`Custom field ${field.name}: "${String(value)}" is not a number (type Numeric)`);
			}
			return number;
		}
		case 'date': {
			if (value === '') return '';
			const day = toUtcDay(value);
			if (day === undefined) {
				throw new Error(`Custom field ${field.name} (type Date) ${CALENDAR_DATE_RULE} (got ${JSON.stringify(value)})`);
			}
			return day;
		}
		case 'textList':
			return Array.isArray(value) ? value.map(String) : commaList(value);
		default:
			return Array.isArray(value) ? value.map(String) : [String(value)];
	}
}

function parseQuestions(groupId: unknown, questions: unknown): unknown {
	const parsed = typeof questions === 'string' ? JSON.parse(questions || '[]') : questions;
	if (!Array.isArray(parsed) || parsed.some((q) => typeof q !== 'object' || q === null || Array.isArray(q))) {
		throw new Error(`Repeatable group ${String(groupId)}: Questions must be a JSON array of objects`);
	}
	return parsed;
}

/** The nested opportunity fields collection, in DealHub's body shape. */
function opportunityFieldsToBody(fields: IDataObject): IDataObject {
	const owner = (fields.opportunity_owner as IDataObject | undefined)?.owner as IDataObject | undefined;
	const shipping = (fields.customer_shipping_address as IDataObject | undefined)?.address as IDataObject | undefined;
	const billing = (fields.customer_billing_address as IDataObject | undefined)?.address as IDataObject | undefined;
	const contacts = (fields.customer_contacts as IDataObject | undefined)?.contact as IDataObject[] | undefined;
	const customFields = (fields.custom_fields as IDataObject | undefined)?.field as CustomFieldInput[] | undefined;
	const groups = (fields.repeatable_groups as IDataObject | undefined)?.group as IDataObject[] | undefined;
	return compact({
		external_quote_id: fields.external_quote_id,
		opportunity_owner: owner ? compact(owner) : undefined,
		customer_shipping_address: shipping ? compact(shipping) : undefined,
		customer_billing_address: billing ? compact(billing) : undefined,
		customer_contacts: contacts?.map((contact) => compact(contact)),
		custom_fields: customFields?.map((field) => ({ name: field.name ?? '', value: customFieldValue(field) })),
		repeatable_groups: groups?.map((group) => ({
			group_id: group.group_id ?? '',
			questions: parseQuestions(group.group_id, group.questions),
		})),
	});
}

/** external_opportunity_name ... repeatable_groups, as read from the node's opportunity fields. */
export function opportunityInfoFromParameters(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	try {
		return compact({
			external_opportunity_name: param(ctx, 'externalOpportunityName', itemIndex, ''),
			external_customer_id: param(ctx, 'externalCustomerId', itemIndex, ''),
			customer_name: param(ctx, 'customerName', itemIndex, ''),
			geo_code: param(ctx, 'geoCode', itemIndex, ''),
			currency: param(ctx, 'currency', itemIndex, ''),
			...opportunityFieldsToBody(param<IDataObject>(ctx, 'opportunityFields', itemIndex, {})),
		});
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), (error as Error).message, { itemIndex });
	}
}

/**
 * The body of the quote pages that open on an opportunity (Quote > Open, Quote > View All): the
 * CRM opportunity id, the quote id where one is opened, and the opportunity info when asked to update it.
 */
export function quotePageBody(ctx: IExecuteFunctions, itemIndex: number, dealHubQuoteId?: string): IDataObject {
	const update = param(ctx, 'updateOpportunityInfo', itemIndex, false);
	return compact({
		dealhub_quote_id: dealHubQuoteId,
		external_opportunity_id: param(ctx, 'externalOpportunityId', itemIndex, ''),
		opportunity_info: update ? opportunityInfoFromParameters(ctx, itemIndex) : undefined,
	});
}

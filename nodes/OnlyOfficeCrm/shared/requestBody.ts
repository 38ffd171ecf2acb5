import type { IDataObject } from 'n8n-workflow';

import { commaList, isBlank, toFiniteNumber } from '../../shared/values';
import type { OpportunityBodyKey, OpportunityRecord } from './schemas';
import { BID_TYPES } from './schemas';

/**
 * Body fields before validation. A key that is present with the value `undefined` means "clear
 * it": the PUT replaces the whole record, so leaving a field out is how it is emptied.
 */
export type BodyDraft = Partial<Record<OpportunityBodyKey, unknown>>;

type CustomFieldEntry = { Key: unknown; Value: string };

/** Numbers from number fields, or from expressions that produced numeric text. */
function numeric(value: unknown): unknown {
	if (isBlank(value)) return undefined;
	return toFiniteNumber(value) ?? value;
}

function text(value: unknown): string | undefined {
	return isBlank(value) ? undefined : String(value);
}

function list(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	if (isBlank(value)) return [];
	return commaList(value);
}

/** Dates from date fields (strings) or from expressions (Luxon DateTime or Date). */
function date(value: unknown): unknown {
	if (isBlank(value)) return undefined;
	if (value instanceof Date) return value.toISOString();
	const luxon = value as { toISO?: () => string };
	if (typeof luxon?.toISO === 'function') return luxon.toISO();
	return typeof value === 'string' ? value.trim() : value;
}

export function bidTypeIndex(value: unknown): unknown {
	if (typeof value === 'string') {
		const byName = BID_TYPES.findIndex((name) => name.toLowerCase() === value.trim().toLowerCase());
		if (byName >= 0) return byName;
	}
	return numeric(value);
}

function customFields(value: unknown): CustomFieldEntry[] {
	const entries = ((value as IDataObject | undefined)?.field ?? []) as IDataObject[];
	return entries.map((entry) => ({ Key: numeric(entry.fieldId), Value: entry.value === undefined || entry.value === null ? '' : String(entry.value) }));
}

/** The fields a user set in the node (create: Additional Fields, update: Update Fields), as body keys. */
export function draftFromFields(fields: IDataObject): BodyDraft {
	const draft: BodyDraft = {};
	for (const [name, value] of Object.entries(fields)) {
		switch (name) {
			case 'title':
				draft.title = value === undefined || value === null ? '' : String(value);
				break;
			case 'stageId':
				draft.stageid = numeric(value);
				break;
			case 'contactId':
				draft.contactid = numeric(value);
				break;
			case 'memberIds':
				draft.members = list(value).map(numeric);
				break;
			case 'description':
				draft.description = text(value);
				break;
			case 'responsibleId':
				draft.responsibleid = text(value);
				break;
			case 'bidType':
				draft.bidType = bidTypeIndex(value);
				break;
			case 'bidValue':
				draft.bidValue = numeric(value);
				break;
			case 'bidCurrency':
				draft.bidCurrencyAbbr = text(value)?.trim().toUpperCase();
				break;
			case 'perPeriodValue':
				draft.perPeriodValue = numeric(value);
				break;
			case 'successProbability':
				draft.successProbability = numeric(value);
				break;
			case 'actualCloseDate':
				draft.actualCloseDate = date(value);
				break;
			case 'expectedCloseDate':
				draft.expectedCloseDate = date(value);
				break;
			case 'customFields':
				draft.customFieldList = customFields(value);
				break;
			case 'isPrivate':
				draft.isPrivate = value;
				break;
			case 'accessList':
				draft.accessList = list(value).map((entry) => (typeof entry === 'string' ? entry.trim() : entry));
				break;
			case 'notify':
				draft.isNotify = value;
				break;
		}
	}
	return draft;
}

/** Every field of a stored opportunity, as the PUT body that would write it back unchanged. */
export function draftFromRecord(record: OpportunityRecord): BodyDraft {
	const memberIds = (record.members ?? []).map((member) => member.id).filter((id) => id !== undefined);
	const accessIds = (record.accessList ?? []).map((user) => user.id).filter((id) => id !== undefined && id !== '');
	return {
		contactid: record.contact?.id ?? undefined,
		members: memberIds,
		title: record.title ?? '',
		description: record.description ?? undefined,
		responsibleid: record.responsible?.id || undefined,
		bidType: bidTypeIndex(record.bidType ?? 0),
		bidValue: record.bidValue ?? 0,
		bidCurrencyAbbr: record.bidCurrency?.abbreviation?.toUpperCase() || undefined,
		perPeriodValue: record.perPeriodValue ?? 0,
		stageid: record.stage?.id,
		successProbability: record.successProbability ?? 0,
		actualCloseDate: record.actualCloseDate || undefined,
		expectedCloseDate: record.expectedCloseDate || undefined,
		customFieldList: (record.customFields ?? []).map((field) => ({ Key: field.id, Value: field.fieldValue ?? '' })),
		isPrivate: record.isPrivate ?? false,
		accessList: accessIds,
		isNotify: false,
	};
}

function mergeCustomFields(current: unknown, changes: unknown): CustomFieldEntry[] {
	const merged = new Map<unknown, CustomFieldEntry>();
	for (const entry of [...((current ?? []) as CustomFieldEntry[]), ...((changes ?? []) as CustomFieldEntry[])]) {
		merged.set(entry.Key, entry);
	}
	return [...merged.values()];
}

/** The stored record with the user's changes on top; custom fields are merged by field ID. */
export function mergeDrafts(current: BodyDraft, changes: BodyDraft): BodyDraft {
	const merged: BodyDraft = { ...current, ...changes };
	if ('customFieldList' in changes) {
		merged.customFieldList = mergeCustomFields(current.customFieldList, changes.customFieldList);
	}
	return merged;
}

/** Leaves out cleared fields and empty custom field values, which the portal would skip anyway. */
export function finalizeDraft(draft: BodyDraft): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(draft)) {
		if (value === undefined) continue;
		if (key === 'customFieldList') {
			const filled = (value as CustomFieldEntry[]).filter((entry) => entry.Value !== '');
			if (filled.length > 0) body[key] = filled;
			continue;
		}
		body[key] = value as IDataObject[keyof IDataObject];
	}
	return body;
}

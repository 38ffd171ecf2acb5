import { CALENDAR_DATE_RULE, toUtcIsoString } from '../shared/calendarDate';
import { shownValue, toFiniteNumber } from '../shared/values';
import type { AttributeType } from './requestSchema';

export type Coerced = { ok: true; value: number | string } | { ok: false; problem: string };

/** `2025-09-01T15:39:25.000Z` from ISO strings, epoch milliseconds, Date or Luxon values; '' stays ''. */
export function toIsoDate(value: unknown): Coerced {
	if (value === '') return { ok: true, value: '' };
	const iso = toUtcIsoString(value);
	if (iso === undefined) {
		return { ok: false, problem: `${CALENDAR_DATE_RULE}, epoch milliseconds, a Date or a DateTime, got ${shownValue(value)}` };
	}
	return { ok: true, value: iso };
}

export function coerceAttribute(type: AttributeType, value: unknown): Coerced {
	if (type === 'date') return toIsoDate(value);
	const number = toFiniteNumber(value);
	if (number === undefined) return { ok: false, problem: `must be a ${type === 'percentage' ? 'percentage (a number)' : 'number'}, got ${shownValue(value)}` };
	return { ok: true, value: number };
}

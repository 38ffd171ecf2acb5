import type { AttributeType } from './requestSchema';

export type Coerced = { ok: true; value: number | string } | { ok: false; problem: string };

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

// Date-times without an offset are read as UTC, not as the n8n server's local time.
const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?))?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** `Z`, `+02`, `+0200` and `+02:00` as the `Z` / `+02:00` that Date.parse reads everywhere. */
function normaliseZone(zone: string | undefined): string {
	if (zone === undefined || zone.toUpperCase() === 'Z') return 'Z';
	const digits = zone.slice(1).replace(':', '');
	return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2) || '00'}`;
}

// Already UTC, the usual case: checked field by field, so no Date is built for it.
const UTC = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(\.\d{3})?Z)?$/;

const daysIn = (year: number, month: number): number =>
	month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** `2025-09-01`, `2025-09-01T15:39:25Z` and `...25.000Z` as `2025-09-01T15:39:25.000Z`; else undefined. */
function canonicalUtc(text: string): string | undefined {
	const match = UTC.exec(text);
	if (match === null) return undefined;
	const [, year, month, day, hours, minutes, seconds, millis] = match;
	const monthNumber = Number(month);
	if (monthNumber < 1 || monthNumber > 12) return undefined;
	const dayNumber = Number(day);
	if (dayNumber < 1 || dayNumber > daysIn(Number(year), monthNumber)) return undefined;
	if (hours === undefined) return `${text}T00:00:00.000Z`;
	if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return undefined;
	return millis === undefined ? `${text.slice(0, 19)}.000Z` : text;
}

/** A finite number, or a string holding one; anything else is undefined. */
export function toFiniteNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (!NUMERIC.test(text)) return undefined;
	const number = Number(text);
	return Number.isFinite(number) ? number : undefined;
}

function millisOf(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (value instanceof Date) return value.getTime();
	if (typeof value === 'string') {
		const match = ISO_DATE.exec(value.trim());
		if (match === null) return undefined;
		const [, date, time, zone] = match;
		return Date.parse(`${date}T${time === undefined ? '00:00' : time.replace(',', '.')}${normaliseZone(zone)}`);
	}
	// Luxon DateTime, without importing Luxon: n8n's expressions and Code node hand these out.
	if (value !== null && typeof value === 'object' && typeof (value as { toMillis?: unknown }).toMillis === 'function') {
		return (value as { toMillis: () => number }).toMillis();
	}
	return undefined;
}

const shown = (value: unknown): string => {
	const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
	return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

/** `2025-09-01T15:39:25.000Z` from ISO strings, epoch milliseconds, Date or Luxon values; '' stays ''. */
export function toIsoDate(value: unknown): Coerced {
	if (value === '') return { ok: true, value: '' };
	if (typeof value === 'string') {
		const canonical = canonicalUtc(value);
		if (canonical !== undefined) return { ok: true, value: canonical };
	}
	const millis = millisOf(value);
	if (millis === undefined || Number.isNaN(millis) || Math.abs(millis) > 8.64e15) {
		return { ok: false, problem: `must be a date (ISO 8601, epoch milliseconds, Date or DateTime), got ${shown(value)}` };
	}
	return { ok: true, value: new Date(millis).toISOString() };
}

export function coerceAttribute(type: AttributeType, value: unknown): Coerced {
	if (type === 'date') return toIsoDate(value);
	const number = toFiniteNumber(value);
	if (number === undefined) return { ok: false, problem: `must be a ${type === 'percentage' ? 'percentage (a number)' : 'number'}, got ${shown(value)}` };
	return { ok: true, value: number };
}

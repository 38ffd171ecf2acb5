/**
 * The pack's one date rule, used wherever a node takes a date (ONLYOFFICE close dates and filters,
 * DealHub custom fields of type Date, callout attributes of type date): a date is ISO 8601,
 * `yyyy-mm-dd` with an optional time of day and zone, and it must be a real day of the calendar.
 * `Date.parse` alone is not enough: it reads 2024-02-30 as March 1st.
 */
export const CALENDAR_DATE_RULE =
	'must be a real calendar date, yyyy-mm-dd with an optional ISO 8601 time (e.g. 2024-06-30 or 2024-06-30T12:00:00Z)';

// Date-times without a zone are read as UTC, not as the n8n server's local time.
const ISO_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

// Already UTC, the usual case in callouts: recognised without building a Date.
const CANONICAL_UTC = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(\.\d{3})?Z)?$/;

const MAX_EPOCH_MILLIS = 8.64e15;

function daysInMonth(year: number, month: number): number {
	if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isCalendarDay(year: number, month: number, day: number): boolean {
	return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Minutes east of UTC for `Z`, `+02`, `+0200` or `+02:00`; undefined when out of range. */
function zoneOffsetMinutes(zone: string | undefined): number | undefined {
	if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
	const digits = zone.slice(1).replace(':', '');
	const hours = Number(digits.slice(0, 2));
	const minutes = Number(digits.slice(2) || '0');
	if (hours > 23 || minutes > 59) return undefined;
	return (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** Epoch milliseconds of an ISO 8601 date or date-time string that obeys the rule; else undefined. */
export function parseIsoDate(text: string): number | undefined {
	const match = ISO_DATE_TIME.exec(text.trim());
	if (match === null) return undefined;
	const [, yearText, monthText, dayText, hoursText, minutesText, secondsText, fraction, zone] = match;
	const [year, month, day] = [Number(yearText), Number(monthText), Number(dayText)];
	if (!isCalendarDay(year, month, day)) return undefined;
	const hours = Number(hoursText ?? 0);
	const minutes = Number(minutesText ?? 0);
	const seconds = Number(secondsText ?? 0);
	if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
	const offset = zoneOffsetMinutes(zone);
	if (offset === undefined) return undefined;
	const millis = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
	return Date.UTC(year, month - 1, day, hours, minutes, seconds, millis) - offset * 60_000;
}

/**
 * Epoch milliseconds of a date as nodes receive one: an ISO 8601 string (by the rule), epoch
 * milliseconds, a Date, or a Luxon DateTime (what n8n's expressions and Code node hand out; read
 * without importing Luxon). Undefined for anything else, and for impossible dates.
 */
export function epochMillisOf(value: unknown): number | undefined {
	let millis: number | undefined;
	if (typeof value === 'string') millis = parseIsoDate(value);
	else if (typeof value === 'number') millis = value;
	else if (value instanceof Date) millis = value.getTime();
	else if (value !== null && typeof value === 'object' && typeof (value as { toMillis?: unknown }).toMillis === 'function') {
		millis = (value as { toMillis: () => number }).toMillis();
	}
	if (millis === undefined || !Number.isFinite(millis) || Math.abs(millis) > MAX_EPOCH_MILLIS) return undefined;
	return millis;
}

/** `2025-09-01T15:39:25.000Z` for any date `epochMillisOf` reads; undefined for anything else. */
export function toUtcIsoString(value: unknown): string | undefined {
	if (typeof value === 'string') {
		const match = CANONICAL_UTC.exec(value);
		if (match !== null) {
			const [, year, month, day, hours, minutes, seconds, millis] = match;
			if (!isCalendarDay(Number(year), Number(month), Number(day))) return undefined;
			if (hours === undefined) return `${value}T00:00:00.000Z`;
			if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return undefined;
			return millis === undefined ? `${value.slice(0, 19)}.000Z` : value;
		}
	}
	const millis = epochMillisOf(value);
	return millis === undefined ? undefined : new Date(millis).toISOString();
}

/** The UTC day `yyyy-mm-dd` of any date `epochMillisOf` reads; undefined for anything else. */
export function toUtcDay(value: unknown): string | undefined {
	return toUtcIsoString(value)?.slice(0, 10);
}

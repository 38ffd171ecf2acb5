/** The pack's rules for plain values that users type or map, and for the records APIs answer. */

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** A finite number, or a string holding one (`"12.5"`, `" 1e3 "`); anything else is undefined. */
export function toFiniteNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (!NUMERIC.test(text)) return undefined;
	const number = Number(text);
	return Number.isFinite(number) ? number : undefined;
}

/** Nothing to send: undefined, null, or text that is empty or only spaces. */
export function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A value as a message shows it: text quoted, at most 40 characters. */
export function shownValue(value: unknown): string {
	const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
	return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** `"vip, renewal,, "` -> `["vip", "renewal"]`: entries trimmed, empty ones dropped. */
export function commaList(value: unknown): string[] {
	if (value === undefined || value === null) return [];
	return String(value)
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
}

/** A JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `record[key]`, matching the key in any letter case: ONLYOFFICE answers camelCase where its
 * reference shows PascalCase, and DealHub writes `DealRoom_URL` next to `dealhub_quote_id`.
 */
export function getKey(record: unknown, key: string): unknown {
	if (!isRecord(record)) return undefined;
	// Own keys only: a column called `constructor` is not the object's.
	if (Object.prototype.hasOwnProperty.call(record, key)) return record[key];
	const lower = key.toLowerCase();
	const match = Object.keys(record).find((candidate) => candidate.toLowerCase() === lower);
	return match === undefined ? undefined : record[match];
}

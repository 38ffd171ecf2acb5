/** The pack's rules for plain values that users type or map: numbers and comma-separated lists. */

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

/** `"vip, renewal,, "` -> `["vip", "renewal"]`: entries trimmed, empty ones dropped. */
export function commaList(value: unknown): string[] {
	if (value === undefined || value === null) return [];
	return String(value)
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
}

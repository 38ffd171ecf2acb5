import { z } from 'zod';

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `record[key]`, matching the key whatever its case: real portals answer camelCase, the reference shows PascalCase. */
export function getKey(record: unknown, key: string): unknown {
	if (!isRecord(record)) return undefined;
	if (key in record) return record[key];
	const lower = key.toLowerCase();
	const match = Object.keys(record).find((candidate) => candidate.toLowerCase() === lower);
	return match === undefined ? undefined : record[match];
}

/**
 * A zod object whose keys are matched case-insensitively: known keys are renamed to the spelling of
 * the shape before parsing, other keys pass through untouched.
 */
export function caseInsensitiveObject<T extends z.ZodRawShape>(shape: T) {
	const canonical = new Map(Object.keys(shape).map((key) => [key.toLowerCase(), key]));
	return z.preprocess((value) => {
		if (!isRecord(value)) return value;
		const renamed: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value)) {
			const name = canonical.get(key.toLowerCase()) ?? key;
			// The exact spelling wins over a differently cased duplicate.
			if (!(name in renamed) || name === key) renamed[name] = entry;
		}
		return renamed;
	}, z.object(shape).passthrough());
}

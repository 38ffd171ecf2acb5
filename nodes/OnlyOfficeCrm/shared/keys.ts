import { z } from 'zod';

import { isRecord } from '../../shared/values';


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

import type { ZodIssue, ZodType, ZodTypeDef } from 'zod';

import { describeIssues, formatPath } from '../../shared/zodIssues';

export type Validated<T> = { ok: true; data: T } | { ok: false; message: string };

function maxLengthOf(issue: ZodIssue): number | undefined {
	if (issue.code === 'too_big' && issue.type === 'string') return Number(issue.maximum);
	if (issue.code === 'custom' && typeof issue.params?.maxLength === 'number') return issue.params.maxLength;
	return undefined;
}

/** Words each problem the way DealHub's Errors table does, so users meet one vocabulary. */
export function describeDealHubIssues(zodIssues: ZodIssue[]): string {
	return describeIssues(zodIssues, {
		missingLead: 'Request payload missing mandatory field(s):',
		entry: (issue) => {
			const maxLength = maxLengthOf(issue);
			if (maxLength !== undefined) {
				return `The request parameter ${formatPath(issue.path)} exceeds its limits. Allowed maximum length: ${maxLength}`;
			}
			if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `Unrecognized parameter: ${formatPath([...issue.path, key])}`);
			if (issue.code === 'custom') return issue.message;
			return `${formatPath(issue.path)}: ${issue.message}`;
		},
	});
}

export function validateRequest<T>(schema: ZodType<T, ZodTypeDef, unknown>, body: unknown): Validated<T> {
	const result = schema.safeParse(body);
	if (result.success) return { ok: true, data: result.data };
	return { ok: false, message: describeDealHubIssues(result.error.issues) };
}

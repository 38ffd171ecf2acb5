import type { ZodIssue, ZodType, ZodTypeDef } from 'zod';

import { flattenUnionIssues, formatPath, isMissingValueIssue } from '../../shared/zodIssues';

export type Validated<T> = { ok: true; data: T } | { ok: false; message: string };

function maxLengthOf(issue: ZodIssue): number | undefined {
	if (issue.code === 'too_big' && issue.type === 'string') return Number(issue.maximum);
	if (issue.code === 'custom' && typeof issue.params?.maxLength === 'number') return issue.params.maxLength;
	return undefined;
}

/** Words each problem the way DealHub's Errors table does, so users meet one vocabulary. */
export function describeDealHubIssues(zodIssues: ZodIssue[]): string {
	const missing: string[] = [];
	const problems: string[] = [];
	for (const issue of flattenUnionIssues(zodIssues)) {
		const path = formatPath(issue.path);
		const maxLength = maxLengthOf(issue);
		if (isMissingValueIssue(issue)) {
			missing.push(path);
		} else if (maxLength !== undefined) {
			problems.push(
				`The request parameter ${path} exceeds its limits. Allowed maximum length: ${maxLength}`,
			);
		} else if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) problems.push(`Unrecognized parameter: ${formatPath([...issue.path, key])}`);
		} else if (issue.code === 'custom') {
			problems.push(issue.message);
		} else {
			problems.push(`${path}: ${issue.message}`);
		}
	}
	if (missing.length > 0) {
		problems.unshift(`Request payload missing mandatory field(s): ${missing.join(', ')}`);
	}
	return problems.join('; ');
}

export function validateRequest<T>(schema: ZodType<T, ZodTypeDef, unknown>, body: unknown): Validated<T> {
	const result = schema.safeParse(body);
	if (result.success) return { ok: true, data: result.data };
	return { ok: false, message: describeDealHubIssues(result.error.issues) };
}

import type { ZodIssue } from 'zod';

/** `['items', 3, 'sku']` -> `items[3].sku`, the way users read a path in JSON. */
export function formatPath(path: ReadonlyArray<string | number>): string {
	let out = '';
	for (const segment of path) {
		if (typeof segment === 'number') out += `[${segment}]`;
		else out += out === '' ? segment : `.${segment}`;
	}
	return out === '' ? '(body)' : out;
}

export function isMissingValueIssue(issue: ZodIssue): boolean {
	if (issue.code === 'invalid_type') return issue.received === 'undefined' || issue.received === 'null';
	return issue.code === 'too_small' && issue.type === 'string' && issue.minimum === 1;
}

/**
 * A union reports one error per branch. Pick the branch the value was meant for (the one that did
 * not fail on the type itself), so users read "too long" rather than "expected number".
 */
export function flattenUnionIssues(issues: ZodIssue[]): ZodIssue[] {
	const flat: ZodIssue[] = [];
	for (const issue of issues) {
		if (issue.code !== 'invalid_union') {
			flat.push(issue);
			continue;
		}
		const branches = issue.unionErrors.map((error) => flattenUnionIssues(error.issues));
		if (branches.every((branch) => branch.some(isMissingValueIssue))) {
			flat.push(branches[0].find(isMissingValueIssue)!);
			continue;
		}
		const meant = branches.find((branch) => branch.every((i) => i.code !== 'invalid_type'));
		flat.push(...(meant ?? branches[0]));
	}
	return flat;
}

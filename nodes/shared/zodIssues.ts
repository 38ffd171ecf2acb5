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

/** What an issue breaks, in plain words: `required`, `expected number, got string`, ... */
export function ruleOf(issue: ZodIssue): string {
	if (isMissingValueIssue(issue)) return 'required';
	switch (issue.code) {
		case 'invalid_type':
			return `expected ${issue.expected}, got ${issue.received}`;
		case 'invalid_enum_value':
			return `expected one of ${issue.options.join(', ')}`;
		case 'not_finite':
			return 'expected a finite number';
		case 'invalid_literal':
			return `expected ${JSON.stringify(issue.expected)}`;
		case 'unrecognized_keys':
			return `unknown field(s): ${issue.keys.join(', ')}`;
		default:
			return issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
	}
}

/** How one contract words its validation errors; every part has a default. */
export interface IssueWording {
	/** One issue's entry (default `items[3].sku: required`). */
	entry?: (issue: ZodIssue) => string | string[];
	/** Missing values are gathered into one leading entry, `<lead> a, b` (DealHub's wording). */
	missingLead?: string;
	/** The most entries listed; the rest are counted (default: all). */
	limit?: number;
}

/** `a, b, c, and 3 more` once there are more than `limit` entries. */
export function listWithLimit(entries: string[], limit: number, separator = ', '): string {
	if (entries.length <= limit) return entries.join(separator);
	return `${entries.slice(0, limit).join(separator)}${separator}and ${entries.length - limit} more`;
}

/** The one formatter of validation errors for the pack: each contract passes its wording. */
export function describeIssues(issues: ZodIssue[], wording: IssueWording = {}): string {
	const entryOf = wording.entry ?? ((issue: ZodIssue) => `${formatPath(issue.path)}: ${ruleOf(issue)}`);
	const missing: string[] = [];
	const entries: string[] = [];
	for (const issue of flattenUnionIssues(issues)) {
		if (wording.missingLead !== undefined && isMissingValueIssue(issue)) missing.push(formatPath(issue.path));
		else entries.push(...([] as string[]).concat(entryOf(issue)));
	}
	if (missing.length > 0) entries.unshift(`${wording.missingLead} ${missing.join(', ')}`);
	return listWithLimit(entries, wording.limit ?? Number.POSITIVE_INFINITY, '; ');
}

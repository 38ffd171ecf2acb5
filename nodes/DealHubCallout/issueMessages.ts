import type { ZodIssue } from 'zod';

import { flattenUnionIssues, formatPath, isMissingValueIssue } from '../shared/zodIssues';

/** A rep reads the message in DealHub's quote screen: the first problems are enough. */
const MAX_LISTED = 10;

function describeIssue(issue: ZodIssue): string {
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
		default:
			return issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
	}
}

/** `items[3].sku: required; items[4].type: expected one of product, bundle` */
export function describeRequestIssues(issues: ZodIssue[]): string {
	const flat = flattenUnionIssues(issues);
	const listed = flat.slice(0, MAX_LISTED).map((issue) => `${formatPath(issue.path)}: ${describeIssue(issue)}`);
	if (flat.length > MAX_LISTED) listed.push(`and ${flat.length - MAX_LISTED} more`);
	return listed.join('; ');
}

/** `SKU A-1 (item 1), SKU B-1 (item 2), and 3 more` */
export function listWithLimit(entries: string[], separator = ', '): string {
	if (entries.length <= MAX_LISTED) return entries.join(separator);
	return `${entries.slice(0, MAX_LISTED).join(separator)}${separator}and ${entries.length - MAX_LISTED} more`;
}

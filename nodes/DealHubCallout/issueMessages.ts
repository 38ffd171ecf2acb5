import type { ZodIssue } from 'zod';

import { describeIssues, listWithLimit as listUpTo } from '../shared/zodIssues';

/** A rep reads the message in DealHub's quote screen: the first problems are enough. */
const MAX_LISTED = 10;

/** `items[3].sku: required; items[4].type: expected one of product, bundle` */
export function describeRequestIssues(issues: ZodIssue[]): string {
	return describeIssues(issues, { limit: MAX_LISTED });
}

/** `SKU A-1 (item 1), SKU B-1 (item 2), and 3 more` */
export function listWithLimit(entries: string[], separator = ', '): string {
	return listUpTo(entries, MAX_LISTED, separator);
}

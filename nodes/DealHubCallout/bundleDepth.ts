import { formatPath } from '../shared/zodIssues';

/** DealHub nests a bundle in a bundle at most a level or two; far more is a hostile body. */
export const MAX_BUNDLE_DEPTH = 16;

/**
 * The request schema is recursive, so a body nested thousands of levels deep would exhaust the
 * stack inside zod. This walk is iterative and runs first; it returns the path of the first
 * `bundle_items` nested too deep, or undefined.
 */
export function findTooDeepBundle(body: unknown): string | undefined {
	if (body === null || typeof body !== 'object') return undefined;
	const items = (body as { items?: unknown }).items;
	if (!Array.isArray(items)) return undefined;
	const pending: Array<{ items: unknown[]; path: Array<string | number>; depth: number }> = [
		{ items, path: ['items'], depth: 0 },
	];
	while (pending.length > 0) {
		const { items: level, path, depth } = pending.pop()!;
		for (let index = 0; index < level.length; index++) {
			const item = level[index];
			if (item === null || typeof item !== 'object') continue;
			const children = (item as { bundle_items?: unknown }).bundle_items;
			if (!Array.isArray(children)) continue;
			const childPath = [...path, index, 'bundle_items'];
			if (depth + 1 > MAX_BUNDLE_DEPTH) return formatPath(childPath);
			pending.push({ items: children, path: childPath, depth: depth + 1 });
		}
	}
	return undefined;
}

import type { Envelope } from './envelope';
import { responseList } from './envelope';
import { getKey, isRecord } from '../../shared/values';

/** What the node asks for per page. A portal may answer fewer (its own page size, 25 by default). */
export const PAGE_SIZE = 100;

function recordId(record: unknown): unknown {
	return isRecord(record) ? getKey(record, 'id') : undefined;
}

/**
 * Reads pages over `startIndex`/`count` until `limit` records (all when undefined), in the portal's
 * order and each record once. `startIndex` advances by what a page held, not by what was asked:
 * portals cap a page at their own size. Reading ends when `total` records have been read (when the
 * envelope says), on an empty page, or on a page with no record not read before (a portal that
 * repeats itself), so a wrong `total` cannot make it loop forever.
 */
export async function collectPages(
	fetchPage: (startIndex: number, count: number) => Promise<Envelope>,
	limit?: number,
): Promise<unknown[]> {
	const records: unknown[] = [];
	const seenIds = new Set<unknown>();
	let startIndex = 0;
	for (;;) {
		const wanted = limit === undefined ? PAGE_SIZE : Math.min(PAGE_SIZE, limit - records.length);
		if (wanted <= 0) break;
		const envelope = await fetchPage(startIndex, wanted);
		const page = responseList(envelope);
		if (page.length === 0) break;
		startIndex += page.length;
		let added = 0;
		for (const record of page) {
			if (limit !== undefined && records.length >= limit) break;
			const id = recordId(record);
			if (id !== undefined) {
				if (seenIds.has(id)) continue;
				seenIds.add(id);
			}
			records.push(record);
			added++;
		}
		if (added === 0) break;
		if (envelope.total !== undefined && startIndex >= envelope.total) break;
	}
	return records;
}

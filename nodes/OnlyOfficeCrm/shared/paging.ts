import type { Envelope } from './envelope';
import { responseList } from './envelope';

export const PAGE_SIZE = 100;

/**
 * Reads pages over `startIndex`/`count` until `limit` records (all when undefined), a short page,
 * or the envelope's `total` says there are no more.
 */
export async function collectPages(
	fetchPage: (startIndex: number, count: number) => Promise<Envelope>,
	limit?: number,
): Promise<unknown[]> {
	const records: unknown[] = [];
	for (;;) {
		const wanted = limit === undefined ? PAGE_SIZE : Math.min(PAGE_SIZE, limit - records.length);
		if (wanted <= 0) break;
		const envelope = await fetchPage(records.length, wanted);
		const page = responseList(envelope);
		records.push(...page.slice(0, wanted));
		if (page.length < wanted) break;
		if (envelope.total !== undefined && records.length >= envelope.total) break;
	}
	return records;
}

import type { OnlyOfficeStandInOptions } from '../standins/onlyoffice';
import { OnlyOfficeStandIn } from '../standins/onlyoffice';
import { calls, passwordCredential, runCrm } from './fixtures';

// Get Many against portals that page as real ones do: ONLYOFFICE answers at most its own page size
// (25 by default) whatever `count` asks, and says in `total` how many match; some portals' `total`
// is wrong or missing, and a broken one may repeat a page.

const PORTALS: Array<[string, OnlyOfficeStandInOptions['paging']]> = [
	['caps pages at 25, with total', { pageCap: 25 }],
	['honours count, with total', {}],
	['caps pages at 25 and overstates total', { pageCap: 25, total: 'overstated' }],
	['caps pages at 25 and sends no total', { pageCap: 25, total: 'absent' }],
	['honours count and sends no total', { total: 'absent' }],
];

describe.each(PORTALS)('ONLYOFFICE CRM Get Many on a portal that %s', (_name, paging) => {
	let standIn: OnlyOfficeStandIn;
	let titles: string[];
	beforeEach(async () => {
		standIn = await new OnlyOfficeStandIn({ paging }).start();
		titles = Array.from({ length: 130 }, (_, index) => standIn.seed({ title: `Deal ${String(index).padStart(3, '0')}` }).title);
	});
	afterEach(async () => await standIn.stop());

	test('Return All outputs every match once, in the portal’s order, and stops', async () => {
		const run = await runCrm(passwordCredential(standIn), { operation: 'getMany', returnAll: true });
		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.json.title)).toEqual(titles);
		const cap = paging?.pageCap ?? 100;
		// One call per page, plus one empty page where nothing says that the last page was the last.
		const pages = Math.ceil(130 / cap) + (paging?.total === 'exact' || paging?.total === undefined ? 0 : 1);
		expect(calls(standIn)).toHaveLength(pages);
		// startIndex advances by what each page held.
		expect(calls(standIn)[1]).toContain(`startIndex=${cap}&`);
	});

	test.each([1, 25, 26, 60, 130])('Limit %i gives exactly that many', async (limit) => {
		const run = await runCrm(passwordCredential(standIn), { operation: 'getMany', returnAll: false, limit });
		expect(run.items.map((item) => item.json.title)).toEqual(titles.slice(0, limit));
	});

	test('Limit above the number of matches gives all of them', async () => {
		const run = await runCrm(passwordCredential(standIn), { operation: 'getMany', returnAll: false, limit: 500 });
		expect(run.items).toHaveLength(130);
	});
});

test('a portal that repeats its first page ends the reading after one page, with no duplicates', async () => {
	const standIn = await new OnlyOfficeStandIn({ paging: { pageCap: 25, total: 'overstated', ignoreStartIndex: true } }).start();
	try {
		const titles = Array.from({ length: 60 }, (_, index) => standIn.seed({ title: `Deal ${index}` }).title);
		const run = await runCrm(passwordCredential(standIn), { operation: 'getMany', returnAll: true });
		expect(run.items.map((item) => item.json.title)).toEqual(titles.slice(0, 25));
		expect(calls(standIn)).toHaveLength(2);
	} finally {
		await standIn.stop();
	}
});

import type { INodeListSearchItems } from 'n8n-workflow';

import type { OnlyOfficeStandInOptions } from '../standins/onlyoffice';
import { OnlyOfficeStandIn } from '../standins/onlyoffice';
import { calls, listSearch, passwordCredential, runCrm } from './fixtures';

// The From List mode of node version 2's locators, as the editor calls it: the search text typed,
// then the token each page gave, until a page gives none. Portals cap a page at 25 whatever
// `count` asks; some send no `total`.

type Method = Parameters<typeof listSearch>[1];

async function everyPage(standIn: OnlyOfficeStandIn, method: Method, filter?: string): Promise<{ items: INodeListSearchItems[]; pages: number }> {
	const items: INodeListSearchItems[] = [];
	let token: string | undefined;
	let pages = 0;
	do {
		const page = await listSearch(passwordCredential(standIn), method, filter, token);
		items.push(...page.results);
		token = page.paginationToken as string | undefined;
		pages++;
	} while (token !== undefined && pages < 20);
	return { items, pages };
}

const query = (request: string) => Object.fromEntries(new URL(request.split(' ')[1], 'http://x').searchParams);

const PORTALS: Array<[string, OnlyOfficeStandInOptions['paging'], number]> = [
	['caps pages at 25, with total', { pageCap: 25 }, 3],
	// Without total, only an empty page says that the one before was the last.
	['caps pages at 25 and sends no total', { pageCap: 25, total: 'absent' }, 4],
];

describe.each(PORTALS)('ONLYOFFICE CRM list searches on a portal that %s', (_name, paging, pagesFor60) => {
	let standIn: OnlyOfficeStandIn;
	beforeEach(async () => (standIn = await new OnlyOfficeStandIn({ paging }).start()));
	afterEach(async () => await standIn.stop());

	test('opportunities: the portal searches the text, sorted by title, a page at a time, each with its page address', async () => {
		const deals = Array.from({ length: 60 }, (_, index) => standIn.seed({ title: `Renewal ${String(59 - index).padStart(2, '0')}` }));
		standIn.seed({ title: 'Pilot' });

		const { items, pages } = await everyPage(standIn, 'searchOpportunities', ' renewal ');

		const byTitle = [...deals].sort((a, b) => a.title.localeCompare(b.title));
		expect(items).toEqual(
			byTitle.map((deal) => ({ name: deal.title, value: String(deal.id), url: `${standIn.baseUrl}/Products/CRM/Deals.aspx?id=${deal.id}` })),
		);
		expect(pages).toBe(pagesFor60);
		const filterCalls = calls(standIn).filter((call) => call.includes('crm/opportunity/filter'));
		expect(filterCalls.map(query)).toEqual(
			Array.from({ length: pagesFor60 }, (_, page) => ({
				sortBy: 'title',
				sortOrder: 'ascending',
				filterValue: 'renewal',
				startIndex: String(Math.min(page * 25, 60)),
				count: '100',
			})),
		);
	});

	test('opportunities: no search text lists every opportunity', async () => {
		for (let index = 0; index < 30; index++) standIn.seed({ title: `Deal ${index}` });
		const { items } = await everyPage(standIn, 'searchOpportunities');
		expect(items).toHaveLength(30);
		expect(query(calls(standIn)[0])).not.toHaveProperty('filterValue');
	});

	test('users: active users whose name or email contain the text, by name, a page at a time', async () => {
		const team = Array.from({ length: 40 }, (_, index) =>
			standIn.addUser({ displayName: `Team Member ${String(index).padStart(2, '0')}`, email: `member${index}@team.example` }),
		);
		standIn.addUser({ displayName: 'Team Member Gone', email: 'gone@team.example', terminated: true });

		const byName = await everyPage(standIn, 'searchUsers', 'team member');
		expect(byName.items).toEqual(team.map((user) => ({ name: `${user.displayName} (${user.email})`, value: user.id })));
		const byEmail = await everyPage(standIn, 'searchUsers', 'MEMBER3');
		expect(byEmail.items.map((item) => item.name)).toEqual([
			'Team Member 03 (member3@team.example)',
			...Array.from({ length: 10 }, (_, index) => `Team Member ${30 + index} (member${30 + index}@team.example)`),
		]);
		expect(calls(standIn).every((call) => call.startsWith('GET /api/2.0/people/filter?employeeStatus=1&'))).toBe(true);
	});
});

describe('ONLYOFFICE CRM stage list search', () => {
	let standIn: OnlyOfficeStandIn;
	beforeEach(async () => (standIn = await new OnlyOfficeStandIn().start()));
	afterEach(async () => await standIn.stop());

	test('stages come in the portal’s order, searched here by title whatever the case; one call, no pages', async () => {
		const all = await listSearch(passwordCredential(standIn), 'searchStages');
		expect(all).toEqual({
			results: [
				{ name: 'Initial contact', value: '11' },
				{ name: 'Proposal', value: '12' },
				{ name: 'Negotiation', value: '14' },
				{ name: 'Won', value: '13' },
				{ name: 'Lost', value: '15' },
			],
		});
		expect((await listSearch(passwordCredential(standIn), 'searchStages', 'O')).results.map((stage) => stage.name)).toEqual([
			'Initial contact',
			'Proposal',
			'Negotiation',
			'Won',
			'Lost',
		]);
		expect((await listSearch(passwordCredential(standIn), 'searchStages', 'PRO')).results).toEqual([{ name: 'Proposal', value: '12' }]);
		expect((await listSearch(passwordCredential(standIn), 'searchStages', 'nothing like it')).results).toEqual([]);
		expect(calls(standIn)).toEqual(Array.from({ length: 4 }, () => 'GET /api/2.0/crm/opportunity/stage'));
	});

	test('a value the list gave works in the operation it was picked for', async () => {
		const { id } = standIn.seed({ title: 'Picked' });
		const [opportunity] = (await listSearch(passwordCredential(standIn), 'searchOpportunities', 'Picked')).results;
		const [won] = (await listSearch(passwordCredential(standIn), 'searchStages', 'won')).results;
		const run = await runCrm(
			passwordCredential(standIn),
			{
				operation: 'setStage',
				opportunityId: { __rl: true, mode: 'list', value: opportunity.value, cachedResultName: opportunity.name },
				stageId: { __rl: true, mode: 'list', value: won.value, cachedResultName: won.name },
			},
			{ typeVersion: 2 },
		);
		expect(run.error).toBeUndefined();
		expect(standIn.opportunities.get(id)?.stageId).toBe(13);
	});
});

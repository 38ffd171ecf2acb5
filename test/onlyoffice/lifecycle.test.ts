import { CALENDAR_DATE_RULE } from '../../nodes/shared/calendarDate';
import type { OnlyOfficeStandIn } from '../standins/onlyoffice';
import { calls, passwordCredential, runCrm, startStandIn } from './fixtures';

describe('ONLYOFFICE CRM node: Get, Get Many, Set Stage, Delete', () => {
	let standIn: OnlyOfficeStandIn;
	beforeEach(async () => (standIn = await startStandIn()));
	afterEach(async () => {
		expect(standIn.batchDeleteCalls).toEqual([]);
		await standIn.stop();
	});

	describe('Get', () => {
		test('answers the record as the portal sent it, or simplified', async () => {
			const sam = standIn.users[1];
			const { id } = standIn.seed({ title: 'Acme', bidValue: 900, bidCurrency: 'GBP', responsibleId: sam.id, stageId: 12, expectedCloseDate: '2024-09-30T00:00:00.0000000Z' });
			const run = await runCrm(passwordCredential(standIn), { operation: 'get', opportunityId: String(id) });
			expect(run.items).toHaveLength(1);
			expect(run.items[0].json).toEqual(standIn.serialize(standIn.opportunities.get(id)!));

			const simple = await runCrm(passwordCredential(standIn), { operation: 'get', opportunityId: id, options: { simplify: true } });
			expect(simple.items[0].json).toEqual({
				id,
				title: 'Acme',
				stage: 'Proposal',
				bidValue: 900,
				bidCurrency: 'GBP',
				responsible: 'Sam Sales',
				expectedCloseDate: '2024-09-30T00:00:00.0000000Z',
				actualCloseDate: null,
				created: '2024-05-02T09:30:00.0000000Z',
			});
		});

		test('an unknown id is the portal’s 404 message; a malformed one is refused before sending', async () => {
			const missing = standIn.unusedId();
			const run = await runCrm(passwordCredential(standIn), { operation: 'get', opportunityId: String(missing) });
			expect(run.error?.message).toBe('The opportunity was not found');
			expect((run.error as { description?: string }).description).toBe(`ONLYOFFICE found nothing for GET crm/opportunity/${missing}: check the ID.`);

			const bad = await runCrm(passwordCredential(standIn), { operation: 'get', opportunityId: '12; DROP' });
			expect(bad.error?.message).toBe('Opportunity ID must be a positive whole number (got "12; DROP")');
			expect(calls(standIn)).toEqual([`GET /api/2.0/crm/opportunity/${missing}`]);
		});
	});

	describe('Get Many', () => {
		const seedMany = (count: number) =>
			Array.from({ length: count }, (_, index) => standIn.seed({ title: `Deal ${String(index).padStart(3, '0')}` }));

		test('Return All pages over startIndex/count until every match is read', async () => {
			seedMany(230);
			const run = await runCrm(passwordCredential(standIn), { operation: 'getMany', returnAll: true });
			expect(run.items).toHaveLength(230);
			expect(new Set(run.items.map((item) => item.json.id)).size).toBe(230);
			expect(run.items.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
			expect(calls(standIn)).toEqual([
				'GET /api/2.0/crm/opportunity/filter?startIndex=0&count=100',
				'GET /api/2.0/crm/opportunity/filter?startIndex=100&count=100',
				'GET /api/2.0/crm/opportunity/filter?startIndex=200&count=100',
			]);
		});

		test('Limit asks for no more than it needs', async () => {
			seedMany(230);
			const run = await runCrm(passwordCredential(standIn), { operation: 'getMany', returnAll: false, limit: 120 });
			expect(run.items).toHaveLength(120);
			expect(calls(standIn)).toEqual([
				'GET /api/2.0/crm/opportunity/filter?startIndex=0&count=100',
				'GET /api/2.0/crm/opportunity/filter?startIndex=100&count=20',
			]);
			const few = await runCrm(passwordCredential(standIn), { operation: 'getMany', limit: 5, options: { simplify: true } });
			expect(few.items.map((item) => Object.keys(item.json))).toEqual(Array(5).fill(['id', 'title', 'stage', 'bidValue', 'bidCurrency', 'responsible', 'expectedCloseDate', 'actualCloseDate', 'created']));
		});

		test('filters, free-text search and sort become the filter endpoint’s parameters', async () => {
			const [olga, sam] = standIn.users;
			standIn.seed({ title: 'Acme small', responsibleId: sam.id, stageId: 12, bidValue: 10, contactId: 5, tags: ['vip'], expectedCloseDate: '2024-06-15T00:00:00.0000000Z' });
			standIn.seed({ title: 'Acme big', responsibleId: sam.id, stageId: 12, bidValue: 500, members: [5], tags: ['vip', 'renewal'], expectedCloseDate: '2024-06-20T00:00:00.0000000Z' });
			standIn.seed({ title: 'Acme other owner', responsibleId: olga.id, stageId: 12, contactId: 5, tags: ['vip'], expectedCloseDate: '2024-06-20T00:00:00.0000000Z' });
			standIn.seed({ title: 'Acme lost', responsibleId: sam.id, stageId: 15, contactId: 5, tags: ['vip'], expectedCloseDate: '2024-06-20T00:00:00.0000000Z' });
			standIn.seed({ title: 'Globex', responsibleId: sam.id, stageId: 12, contactId: 5, tags: ['vip'], expectedCloseDate: '2024-06-20T00:00:00.0000000Z' });
			const run = await runCrm(passwordCredential(standIn), {
				operation: 'getMany',
				returnAll: true,
				filters: {
					search: 'acme',
					responsibleId: sam.id,
					stageId: 12,
					stageType: 'Open',
					contactId: 5,
					contactAlsoIsParticipant: true,
					tags: 'vip, ',
					fromDate: '2024-06-01T00:00:00',
					toDate: '2024-06-30T23:59:59',
				},
				options: { sortBy: 'bidvalue', sortOrder: 'descending', simplify: true },
			});
			expect(run.error).toBeUndefined();
			expect(run.items.map((item) => item.json.title)).toEqual(['Acme big', 'Acme small']);
			expect(calls(standIn)).toEqual([
				'GET /api/2.0/crm/opportunity/filter?filterValue=acme&responsibleid=' +
					`${sam.id}&opportunityStagesid=12&stageType=Open&contactid=5&contactAlsoIsParticipant=true&tags[]=vip` +
					'&fromDate=2024-06-01T00:00:00&toDate=2024-06-30T23:59:59&sortBy=bidvalue&sortOrder=descending&startIndex=0&count=100',
			]);
		});

		test('no match is no item; a bad filter is refused before sending', async () => {
			const none = await runCrm(passwordCredential(standIn), { operation: 'getMany', returnAll: true, filters: { search: 'nothing' } });
			expect(none.error).toBeUndefined();
			expect(none.items).toEqual([]);
			const bad = await runCrm(passwordCredential(standIn), { operation: 'getMany', filters: { fromDate: 'yesterday' } });
			expect(bad.error?.message).toBe(`Filters: Expected Close From ${CALENDAR_DATE_RULE} (got "yesterday")`);
			for (const date of ['2023-02-29', '2024-02-30', '2024-13-01', '31/12/2024']) {
				const impossible = await runCrm(passwordCredential(standIn), { operation: 'getMany', filters: { toDate: date } });
				expect(impossible.error?.message).toBe(`Filters: Expected Close To ${CALENDAR_DATE_RULE} (got "${date}")`);
			}
			const leapDay = await runCrm(passwordCredential(standIn), { operation: 'getMany', filters: { toDate: '2024-02-29' } });
			expect(leapDay.error).toBeUndefined();
			expect(calls(standIn)).toHaveLength(2);
			expect(calls(standIn)[1]).toContain('toDate=2024-02-29&');
		});
	});

	describe('Set Stage', () => {
		test('moves the opportunity with PUT crm/opportunity/{id}/stage/{stageid}, the stage also in the body', async () => {
			const { id } = standIn.seed({ title: 'Moving', stageId: 11, description: 'kept' });
			const run = await runCrm(passwordCredential(standIn), { operation: 'setStage', opportunityId: String(id), stageId: 13, options: { simplify: true } });
			expect(run.error).toBeUndefined();
			const put = standIn.requests.find((request) => request.method === 'PUT');
			expect(put?.path).toBe(`/api/2.0/crm/opportunity/${id}/stage/13`);
			expect(put?.body).toEqual({ stageid: 13 });
			expect(run.items[0].json).toMatchObject({ id, stage: 'Won', title: 'Moving' });
			expect(standIn.opportunities.get(id)).toMatchObject({ stageId: 13, successProbability: 100, description: 'kept' });
		});

		test('an unknown stage is the portal’s message', async () => {
			const { id } = standIn.seed();
			const run = await runCrm(passwordCredential(standIn), { operation: 'setStage', opportunityId: String(id), stageId: 98 });
			expect(run.error?.message).toBe('The stage 98 was not found');
		});
	});

	describe('Delete', () => {
		test('deletes exactly one opportunity by id and outputs the deleted record', async () => {
			const keep = standIn.seed({ title: 'Keep me' });
			const doomed = standIn.seed({ title: 'Delete me' });
			const run = await runCrm(passwordCredential(standIn), { operation: 'delete', opportunityId: String(doomed.id) });
			expect(run.error).toBeUndefined();
			expect(run.items[0].json).toMatchObject({ id: doomed.id, title: 'Delete me' });
			expect([...standIn.opportunities.keys()]).toEqual([keep.id]);
			expect(calls(standIn)).toEqual([`DELETE /api/2.0/crm/opportunity/${doomed.id}`]);
		});

		test('an empty or malformed id never reaches the portal (so never a batch endpoint)', async () => {
			standIn.seed();
			for (const opportunityId of ['={{ "" }}', ' ', '0', '-3', '1.5', '={{ undefined }}', 'filter']) {
				const run = await runCrm(passwordCredential(standIn), { operation: 'delete', opportunityId });
				expect(run.error?.message).toMatch(/^Opportunity ID must be a positive whole number/);
			}
			expect(standIn.requests).toEqual([]);
			expect(standIn.opportunities.size).toBe(1);
		});

		test('with Continue On Fail a missing opportunity is an error item and the others are deleted', async () => {
			const a = standIn.seed();
			const b = standIn.seed();
			const input = [{ json: { id: a.id } }, { json: { id: standIn.unusedId() } }, { json: { id: b.id } }];
			const run = await runCrm(passwordCredential(standIn), { operation: 'delete', opportunityId: '={{ $json.id }}' }, { input, continueOnFail: true });
			expect(run.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(run.items[1].json.error).toBe('The opportunity was not found');
			expect(standIn.opportunities.size).toBe(0);
		});
	});
});

import type { IDataObject } from 'n8n-workflow';

import { CALENDAR_DATE_RULE } from '../../nodes/shared/calendarDate';
import type { OnlyOfficeStandIn } from '../standins/onlyoffice';
import { createParameters, passwordCredential, runCrm, startStandIn } from './fixtures';

describe('ONLYOFFICE CRM node: Create', () => {
	let standIn: OnlyOfficeStandIn;
	beforeEach(async () => (standIn = await startStandIn()));
	afterEach(async () => {
		expect(standIn.batchDeleteCalls).toEqual([]);
		await standIn.stop();
	});

	const posts = () => standIn.requests.filter((request) => request.method === 'POST' && request.path === '/api/2.0/crm/opportunity');

	test('sends every body field of the reference page, with its documented name and type', async () => {
		const [olga, sam, ann] = standIn.users;
		const run = await runCrm(
			passwordCredential(standIn),
			createParameters({
				contactId: 5,
				memberIds: '6, 7',
				description: 'Three-year renewal',
				responsibleId: sam.id,
				bidType: 4,
				bidValue: 1250.5,
				bidCurrency: 'eur',
				perPeriodValue: 36,
				successProbability: 40,
				actualCloseDate: '2024-07-01T00:00:00',
				expectedCloseDate: '2024-06-30',
				customFields: { field: [{ fieldId: 7, value: 'EMEA' }, { fieldId: 8, value: 'Partner' }, { fieldId: 9, value: '' }] },
				isPrivate: true,
				accessList: [olga.id, ann.id],
				notify: true,
			}),
		);
		expect(run.error).toBeUndefined();
		expect(posts()).toHaveLength(1);
		expect(posts()[0].headers['content-type']).toMatch(/^application\/json/);
		expect(posts()[0].body).toEqual({
			title: 'Acme renewal',
			stageid: 11,
			contactid: 5,
			members: [6, 7],
			description: 'Three-year renewal',
			responsibleid: sam.id,
			bidType: 4,
			bidValue: 1250.5,
			bidCurrencyAbbr: 'EUR',
			perPeriodValue: 36,
			successProbability: 40,
			actualCloseDate: '2024-07-01T00:00:00',
			expectedCloseDate: '2024-06-30',
			customFieldList: [
				{ Key: 7, Value: 'EMEA' },
				{ Key: 8, Value: 'Partner' },
			],
			isPrivate: true,
			accessList: [olga.id, ann.id],
			isNotify: true,
		});
		const [item] = run.items;
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({
			title: 'Acme renewal',
			contact: { id: 5 },
			responsible: { id: sam.id, displayName: 'Sam Sales' },
			bidType: 4,
			bidCurrency: { abbreviation: 'EUR' },
			stage: { id: 11, title: 'Initial contact' },
			expectedCloseDate: '2024-06-30T00:00:00.0000000Z',
			isPrivate: true,
		});
		expect(standIn.opportunities.get(item.json.id as number)?.customFields).toEqual(
			new Map([
				[7, 'EMEA'],
				[8, 'Partner'],
			]),
		);
	});

	test('the minimum is a title and a stage; Simplify returns the flat record', async () => {
		const run = await runCrm(passwordCredential(standIn), createParameters({}, { options: { simplify: true } }));
		expect(posts()[0].body).toEqual({ title: 'Acme renewal', stageid: 11 });
		expect(run.items[0].json).toEqual({
			id: expect.any(Number),
			title: 'Acme renewal',
			stage: 'Initial contact',
			bidValue: 0,
			bidCurrency: 'USD',
			responsible: null,
			expectedCloseDate: null,
			actualCloseDate: null,
			created: '2024-05-02T09:30:00.0000000Z',
		});
	});

	test('bid types and members also come from expressions, by name or as arrays', async () => {
		const run = await runCrm(
			passwordCredential(standIn),
			createParameters({ bidType: '={{ "PerMonth" }}', memberIds: '={{ [3, 4] }}', contactId: '={{ "9" }}' }),
		);
		expect(run.error).toBeUndefined();
		expect(posts()[0].body).toMatchObject({ bidType: 4, members: [3, 4], contactid: 9 });
	});

	test('a leap day is a real date: 2024-02-29 is sent as given', async () => {
		const run = await runCrm(passwordCredential(standIn), createParameters({ expectedCloseDate: '2024-02-29', actualCloseDate: '2024-02-29T18:00:00Z' }));
		expect(run.error).toBeUndefined();
		expect(posts()[0].body).toMatchObject({ expectedCloseDate: '2024-02-29', actualCloseDate: '2024-02-29T18:00:00Z' });
	});

	test.each([
		[{ title: '  ' }, 'Title must not be empty (got "  ")'],
		[{ stageId: '={{ "" }}' }, 'Stage is required'],
		[{ additionalFields: { successProbability: 150 } }, 'Success Probability (%) must be from 0 to 100 (got 150)'],
		[{ additionalFields: { successProbability: 12.5 } }, 'Success Probability (%) must be a whole number (got 12.5)'],
		[{ additionalFields: { responsibleId: 'sam' } }, 'Responsible must be a portal user ID (a GUID such as 93f4b6d2-1c1c-469f-9308-51dafefe7436) (got "sam")'],
		[{ additionalFields: { expectedCloseDate: 'next Tuesday' } }, `Expected Close Date ${CALENDAR_DATE_RULE} (got "next Tuesday")`],
		...['2023-02-29', '2024-02-30', '2024-13-01', '31/12/2024'].flatMap((date): Array<[IDataObject, string]> => [
			[{ additionalFields: { actualCloseDate: date } }, `Actual Close Date ${CALENDAR_DATE_RULE} (got "${date}")`],
			[{ additionalFields: { expectedCloseDate: date } }, `Expected Close Date ${CALENDAR_DATE_RULE} (got "${date}")`],
		]),
		[{ additionalFields: { memberIds: '6, seven' } }, 'Member Contact IDs (entry 2) must be a number (got "seven")'],
		[{ additionalFields: { bidCurrency: 'EURO' } }, 'Currency must be a three-letter currency code such as USD (got "EURO")'],
		[{ additionalFields: { bidValue: -5 } }, 'Bid Value must not be negative (got -5)'],
		[{ additionalFields: { customFields: { field: [{ fieldId: 0, value: 'x' }] } } }, 'Custom Fields (entry 1) Field ID must be a positive whole number (got 0)'],
	])('bad input %j is refused before sending, naming the field and the rule', async (change, message) => {
		const { additionalFields, ...overrides } = change as { additionalFields?: IDataObject };
		const run = await runCrm(passwordCredential(standIn), createParameters(additionalFields ?? {}, overrides));
		expect(run.error?.message).toBe(message);
		expect((run.error as { description?: string }).description).toBe(
			'Checked by n8n before sending, with the rules of the ONLYOFFICE API; nothing was sent.',
		);
		expect(standIn.requests).toHaveLength(0);
	});

	test('an error envelope becomes a NodeApiError with the portal’s message', async () => {
		const run = await runCrm(passwordCredential(standIn), createParameters({}, { stageId: 99 }));
		expect(run.error?.name).toBe('NodeApiError');
		expect(run.error?.message).toBe('The stage 99 was not found');
		expect((run.error as { httpCode?: string }).httpCode).toBe('404');

		const currency = await runCrm(passwordCredential(standIn), createParameters({ bidCurrency: 'XYZ' }));
		expect(currency.error?.message).toBe('The currency XYZ is not supported');
		expect((currency.error as { description?: string }).description).toBe('ONLYOFFICE refused POST crm/opportunity (HTTP 400).');
	});

	test('one item per input item, paired; with Continue On Fail a failing item becomes an error item', async () => {
		const input = [{ json: { title: 'First' } }, { json: { title: '' } }, { json: { title: 'Third', stage: 99 } }, { json: { title: 'Fourth' } }];
		const run = await runCrm(
			passwordCredential(standIn),
			createParameters({}, { title: '={{ $json.title }}', stageId: '={{ $json.stage ?? 12 }}' }),
			{ input, continueOnFail: true },
		);
		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(run.items[0].json.title).toBe('First');
		expect(run.items[1].json).toEqual({ error: 'Title must not be empty (got "")' });
		expect(run.items[1].error?.description).toBe(
			'Checked by n8n before sending, with the rules of the ONLYOFFICE API; nothing was sent.',
		);
		expect(run.items[2].json).toEqual({ error: 'The stage 99 was not found' });
		expect(run.items[2].error?.description).toBe('ONLYOFFICE found nothing for POST crm/opportunity: check the ID.');
		expect(run.items[3].json.title).toBe('Fourth');
		expect([...standIn.opportunities.values()].map((record) => record.title)).toEqual(['First', 'Fourth']);
		expect(JSON.stringify(run.items)).not.toMatch(/dummy-password-olga|sessionToken/);
	});

	test('without Continue On Fail the run stops at the failing item', async () => {
		const input = [{ json: { title: 'First' } }, { json: { title: '' } }, { json: { title: 'Third' } }];
		const run = await runCrm(passwordCredential(standIn), createParameters({}, { title: '={{ $json.title }}' }), { input });
		expect(run.error?.message).toBe('Title must not be empty (got "")');
		expect((run.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(1);
		expect([...standIn.opportunities.values()].map((record) => record.title)).toEqual(['First']);
	});
});

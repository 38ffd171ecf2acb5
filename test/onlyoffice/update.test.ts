import type { OnlyOfficeStandIn, StoredOpportunity } from '../standins/onlyoffice';
import { calls, passwordCredential, runCrm, startStandIn } from './fixtures';

function toPascalCase(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(toPascalCase);
	if (typeof value !== 'object' || value === null) return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, entry]) => [key === 'id' ? 'ID' : key.charAt(0).toUpperCase() + key.slice(1), toPascalCase(entry)]),
	);
}

describe('ONLYOFFICE CRM node: Update (read, merge, write the full record)', () => {
	let standIn: OnlyOfficeStandIn;
	let full: StoredOpportunity;
	beforeEach(async () => {
		standIn = await startStandIn();
		const [olga, sam, ann] = standIn.users;
		full = standIn.seed({
			title: 'Acme renewal',
			description: 'Three-year renewal',
			contactId: 5,
			members: [6, 7],
			responsibleId: sam.id,
			bidType: 4,
			bidValue: 1250.5,
			bidCurrency: 'EUR',
			perPeriodValue: 36,
			stageId: 12,
			successProbability: 40,
			actualCloseDate: '2024-07-01T00:00:00.0000000Z',
			expectedCloseDate: '2024-06-30T00:00:00.0000000Z',
			customFields: new Map([
				[7, 'EMEA'],
				[8, 'Partner'],
			]),
			isPrivate: true,
			accessList: [olga.id, ann.id],
			tags: ['vip'],
		});
	});
	afterEach(async () => {
		expect(standIn.batchDeleteCalls).toEqual([]);
		await standIn.stop();
	});

	const stored = () => standIn.opportunities.get(full.id)!;
	const snapshot = () => ({ ...stored(), customFields: new Map(stored().customFields) });

	test('changing the title leaves every other field as it was', async () => {
		const before = snapshot();
		const run = await runCrm(passwordCredential(standIn), { operation: 'update', opportunityId: String(full.id), updateFields: { title: 'Acme renewal 2025' } });
		expect(run.error).toBeUndefined();
		expect(calls(standIn)).toEqual([`GET /api/2.0/crm/opportunity/${full.id}`, `PUT /api/2.0/crm/opportunity/${full.id}`]);
		expect(snapshot()).toEqual({ ...before, title: 'Acme renewal 2025' });
		expect(run.items[0].json).toMatchObject({ id: full.id, title: 'Acme renewal 2025', description: 'Three-year renewal' });

		const put = standIn.requests.find((request) => request.method === 'PUT')!;
		expect(put.body).toEqual({
			contactid: 5,
			members: [6, 7],
			title: 'Acme renewal 2025',
			description: 'Three-year renewal',
			responsibleid: standIn.users[1].id,
			bidType: 4,
			bidValue: 1250.5,
			bidCurrencyAbbr: 'EUR',
			perPeriodValue: 36,
			stageid: 12,
			successProbability: 40,
			actualCloseDate: '2024-07-01T00:00:00.0000000Z',
			expectedCloseDate: '2024-06-30T00:00:00.0000000Z',
			customFieldList: [
				{ Key: 7, Value: 'EMEA' },
				{ Key: 8, Value: 'Partner' },
			],
			isPrivate: true,
			accessList: [standIn.users[0].id, standIn.users[2].id],
			isNotify: false,
		});
	});

	test('several fields change together; custom fields merge by ID and an empty value clears one', async () => {
		const before = snapshot();
		const run = await runCrm(passwordCredential(standIn), {
			operation: 'update',
			opportunityId: full.id,
			updateFields: {
				bidValue: 2000,
				stageId: 14,
				description: '',
				customFields: { field: [{ fieldId: 8, value: 'Web' }, { fieldId: 7, value: '' }, { fieldId: 9, value: 'Call back in May' }] },
				notify: true,
			},
		});
		expect(run.error).toBeUndefined();
		expect(snapshot()).toEqual({
			...before,
			bidValue: 2000,
			stageId: 14,
			description: '',
			customFields: new Map([
				[8, 'Web'],
				[9, 'Call back in May'],
			]),
		});
		expect(standIn.requests.find((request) => request.method === 'PUT')?.body).toMatchObject({ isNotify: true });
	});

	test('a record answered in PascalCase (as the reference page shows it) is merged the same way', async () => {
		const before = snapshot();
		standIn.overrides.set(`GET /api/2.0/crm/opportunity/${full.id}`, {
			status: 200,
			body: toPascalCase({ status: 0, statusCode: 200, response: standIn.serialize(stored()) }),
		});
		const run = await runCrm(passwordCredential(standIn), { operation: 'update', opportunityId: String(full.id), updateFields: { successProbability: 90 } });
		expect(run.error).toBeUndefined();
		expect(snapshot()).toEqual({ ...before, successProbability: 90 });
	});

	test('without the merge the same PUT would wipe the record: the stand-in replaces in full', async () => {
		const token = standIn.registerToken();
		const response = await fetch(`${standIn.baseUrl}/api/2.0/crm/opportunity/${full.id}`, {
			method: 'PUT',
			headers: { Authorization: token, 'Content-Type': 'application/json' },
			body: JSON.stringify({ title: 'Only the title', stageid: 12 }),
		});
		expect(response.status).toBe(200);
		expect(stored()).toMatchObject({ title: 'Only the title', description: '', bidValue: 0, responsibleId: '', members: [], isPrivate: false, contactId: 0 });
		expect(stored().customFields.size).toBe(0);
	});

	test('no field to change, or a bad one, is refused before anything is read or written', async () => {
		const none = await runCrm(passwordCredential(standIn), { operation: 'update', opportunityId: String(full.id), updateFields: { notify: true } });
		expect(none.error?.message).toBe('Update Fields: add at least one field to change');
		const bad = await runCrm(passwordCredential(standIn), { operation: 'update', opportunityId: String(full.id), updateFields: { successProbability: 101, title: '' } });
		expect(bad.error?.message).toBe('Title must not be empty (got ""); Success Probability (%) must be from 0 to 100 (got 101)');
		expect(standIn.requests).toEqual([]);
	});

	test('an unknown opportunity fails on the read, so nothing is written', async () => {
		const missing = standIn.unusedId();
		const run = await runCrm(passwordCredential(standIn), { operation: 'update', opportunityId: String(missing), updateFields: { title: 'x' } });
		expect(run.error?.message).toBe('The opportunity was not found');
		expect(calls(standIn)).toEqual([`GET /api/2.0/crm/opportunity/${missing}`]);
	});

	test('the portal refusing the write is reported with its message (Simplify on)', async () => {
		const run = await runCrm(passwordCredential(standIn), {
			operation: 'update',
			opportunityId: String(full.id),
			updateFields: { bidCurrency: 'XYZ' },
			options: { simplify: true },
		});
		expect(run.error?.message).toBe('The currency XYZ is not supported');
		expect(stored().bidCurrency).toBe('EUR');
		const ok = await runCrm(passwordCredential(standIn), { operation: 'update', opportunityId: String(full.id), updateFields: { bidCurrency: 'GBP' }, options: { simplify: true } });
		expect(ok.items[0].json).toMatchObject({ id: full.id, bidCurrency: 'GBP', bidValue: 1250.5, stage: 'Proposal', responsible: 'Sam Sales' });
	});
});

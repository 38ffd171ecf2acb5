import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { OnlyOfficeCrm } from '../../nodes/OnlyOfficeCrm/OnlyOfficeCrm.node';
import type { OnlyOfficeStandIn } from '../standins/onlyoffice';
import { calls, passwordCredential, runCrm, startStandIn } from './fixtures';

const description = new OnlyOfficeCrm().description;
const rl = (mode: string, value: unknown) => ({ __rl: true, mode, value });
const URL_RULE = 'Opportunity must be the address of an opportunity page, such as https://yourportal.onlyoffice.com/Products/CRM/Deals.aspx?id=42';

/** The properties the editor shows for these parameters in this node version. */
function shown(typeVersion: number, parameters: IDataObject): INodeProperties[] {
	const node = { typeVersion } as INode;
	return description.properties.filter((property) => NodeHelpers.displayParameter(parameters as never, property, node, description));
}

describe('ONLYOFFICE CRM node versions', () => {
	test('version 2 is the default; version 1 keeps its plain parameters, version 2 has locators', () => {
		expect([description.version, description.defaultVersion]).toEqual([[1, 2], 2]);
		for (const operation of ['create', 'get', 'update', 'delete', 'setStage', 'getMany']) {
			const parameters = { resource: 'opportunity', operation };
			const v1 = shown(1, parameters);
			const v2 = shown(2, parameters);
			expect(v1.map((property) => property.name)).toEqual(v2.map((property) => property.name));
			const collectionOptions = (properties: INodeProperties[]) =>
				properties.flatMap((property) => (property.type === 'collection' ? (property.options as INodeProperties[]) : [property]));
			expect(collectionOptions(v1).filter((property) => property.type === 'resourceLocator')).toEqual([]);
			const locators = collectionOptions(v2)
				.filter((property) => property.type === 'resourceLocator')
				.map((property) => property.name);
			const expected: Record<string, string[]> = {
				create: ['stageId', 'responsibleId'],
				get: ['opportunityId'],
				update: ['opportunityId', 'responsibleId', 'stageId'],
				delete: ['opportunityId'],
				setStage: ['opportunityId', 'stageId'],
				getMany: ['responsibleId', 'stageId'],
			};
			expect(locators).toEqual(expected[operation]);
		}
	});

	describe('the editor’s checks of the Opportunity locator (n8n’s own parameter issues)', () => {
		const issues = (mode: string, value: string) => {
			const node = { typeVersion: 2, parameters: {} } as unknown as INode;
			const property = shown(2, { resource: 'opportunity', operation: 'get' }).find((entry) => entry.name === 'opportunityId')!;
			const values = { resource: 'opportunity', operation: 'get', opportunityId: rl(mode, value) };
			return NodeHelpers.getParameterIssues(property, values as never, '', node, description).parameters?.opportunityId ?? [];
		};

		test.each([
			'https://acme.onlyoffice.com/Products/CRM/Deals.aspx?id=42',
			'https://acme.onlyoffice.com/products/crm/deals.aspx?id=42#profile',
			'http://10.0.0.5:8080/Products/CRM/Deals.aspx?action=manage&id=42',
			'https://office.example.com/workspace/Products/CRM/Deals.aspx?id=42&action=manage',
		])('By URL accepts %s', (url) => expect(issues('url', url)).toEqual([]));

		test.each([
			'https://acme.onlyoffice.com/Products/CRM/Default.aspx?id=42',
			'https://acme.onlyoffice.com/Products/CRM/Deals.aspx?contactid=42',
			'https://acme.onlyoffice.com/Products/CRM/Deals.aspx?id=42abc',
			'acme.onlyoffice.com/Products/CRM/Deals.aspx?id=42',
		])('By URL refuses %s', (url) => {
			expect(issues('url', url)).toEqual([URL_RULE]);
		});

		test('By ID takes digits only', () => {
			expect(issues('id', '42')).toEqual([]);
			expect(issues('id', '42a')).toEqual(['Opportunity must be a positive whole number, such as 42']);
		});
	});
});

describe('ONLYOFFICE CRM node version 2: the opportunity, stage and responsible locators at run time', () => {
	let standIn: OnlyOfficeStandIn;
	beforeEach(async () => (standIn = await startStandIn()));
	afterEach(async () => {
		expect(standIn.batchDeleteCalls).toEqual([]);
		await standIn.stop();
	});
	const run = async (parameters: IDataObject | IDataObject[], input?: Array<{ json: IDataObject }>) =>
		await runCrm(passwordCredential(standIn), parameters, { typeVersion: 2, input });

	test('Get reads the ID from the list, from an address (expression or not) and by ID', async () => {
		const { id } = standIn.seed({ title: 'Acme' });
		const url = `https://acme.onlyoffice.com/Products/CRM/Deals.aspx?id=${id}#profile`;
		const ways = [rl('list', String(id)), rl('url', url), rl('url', '={{ $json.url }}'), rl('id', '={{ $json.id }}'), rl('id', ` ${id} `)];
		for (const opportunityId of ways) {
			const got = await run({ operation: 'get', opportunityId, options: { simplify: true } }, [{ json: { id, url } }]);
			expect({ error: got.error?.message, title: got.items[0]?.json.title }).toEqual({ error: undefined, title: 'Acme' });
		}
		expect(calls(standIn)).toEqual(ways.map(() => `GET /api/2.0/crm/opportunity/${id}`));
	});

	test.each([
		['another CRM page', 'https://acme.onlyoffice.com/Products/CRM/Default.aspx?id=42'],
		['an address without the ID', 'https://acme.onlyoffice.com/Products/CRM/Deals.aspx'],
		['an ID with letters', 'https://acme.onlyoffice.com/Products/CRM/Deals.aspx?id=42abc'],
		['no address at all', '42'],
	])('By URL with %s is refused, naming the field and the rule; nothing is sent', async (_name, url) => {
		for (const operation of ['get', 'delete', 'update', 'setStage']) {
			const parameters = { operation, stageId: rl('id', '12'), updateFields: { title: 'New' } };
			// Typed in: n8n's check of the parameters refuses the workflow before it runs.
			await expect(run({ ...parameters, opportunityId: rl('url', url) })).rejects.toThrow(
				`The 'ONLYOFFICE CRM 1' node has issues:\n- ${URL_RULE}`,
			);
			// Mapped by an expression: the node refuses the item.
			const mapped = await run({ ...parameters, opportunityId: rl('url', '={{ $json.url }}') }, [{ json: { url } }]);
			expect(mapped.error?.message).toBe(`${URL_RULE} (got ${JSON.stringify(url)})`);
		}
		expect(calls(standIn)).toEqual([]);
	});

	test('an expression giving By URL a number is refused the same way', async () => {
		const refused = await run({ operation: 'get', opportunityId: rl('url', '={{ 42 }}') });
		expect(refused.error?.message).toBe(`${URL_RULE} (got 42)`);
	});

	test('By ID that is not a positive whole number is refused before sending, naming the field', async () => {
		const refused = await run({ operation: 'get', opportunityId: rl('id', '={{ "12; DROP" }}') });
		expect(refused.error?.message).toBe('Opportunity must be a positive whole number (got "12; DROP")');
		const empty = await run({ operation: 'delete', opportunityId: rl('list', '={{ "" }}') });
		expect(empty.error?.message).toBe('Opportunity must be a positive whole number (got "")');
		expect(calls(standIn)).toEqual([]);
	});

	test('Create takes the stage and the responsible user from locators', async () => {
		const sam = standIn.users[1];
		const created = await run({
			operation: 'create',
			title: 'Acme renewal',
			stageId: rl('list', '12'),
			additionalFields: { responsibleId: rl('id', sam.id), bidValue: 500 },
		});
		expect(created.error).toBeUndefined();
		const stored = standIn.opportunities.get(created.items[0].json.id as number);
		expect(stored).toMatchObject({ title: 'Acme renewal', stageId: 12, responsibleId: sam.id, bidValue: 500 });

		const badResponsible = await run({ operation: 'create', title: 'X', stageId: rl('id', '12'), additionalFields: { responsibleId: rl('id', 'sam') } });
		expect(badResponsible.error?.message).toBe(
			'Responsible must be a portal user ID (a GUID such as 93f4b6d2-1c1c-469f-9308-51dafefe7436) (got "sam")',
		);
		const noStage = await run({ operation: 'create', title: 'X', stageId: rl('list', '={{ "" }}') });
		expect(noStage.error?.message).toBe('Stage is required');
	});

	test('Update changes the stage and responsible from locators and keeps the other fields', async () => {
		const [olga, sam] = standIn.users;
		const { id } = standIn.seed({ title: 'Acme', bidValue: 900, stageId: 11, responsibleId: olga.id });
		const url = `https://acme.onlyoffice.com/Products/CRM/Deals.aspx?id=${id}`;
		const updated = await run({
			operation: 'update',
			opportunityId: rl('url', url),
			updateFields: { stageId: rl('list', '14'), responsibleId: rl('list', sam.id) },
		});
		expect(updated.error).toBeUndefined();
		expect(standIn.opportunities.get(id)).toMatchObject({ title: 'Acme', bidValue: 900, stageId: 14, responsibleId: sam.id });
	});

	test('Set Stage and Delete by URL act on the opportunity of the address', async () => {
		const { id } = standIn.seed({ title: 'Acme' });
		const other = standIn.seed({ title: 'Other' });
		const url = `https://acme.onlyoffice.com/Products/CRM/Deals.aspx?id=${id}`;
		const moved = await run({ operation: 'setStage', opportunityId: rl('url', url), stageId: rl('id', '13') });
		expect(moved.error).toBeUndefined();
		expect(standIn.opportunities.get(id)?.stageId).toBe(13);
		const deleted = await run({ operation: 'delete', opportunityId: rl('url', url) });
		expect(deleted.error).toBeUndefined();
		expect([standIn.opportunities.has(id), standIn.opportunities.has(other.id)]).toEqual([false, true]);
		expect(calls(standIn)).toEqual([`PUT /api/2.0/crm/opportunity/${id}/stage/13`, `DELETE /api/2.0/crm/opportunity/${id}`]);
	});

	test('Get Many filters by the stage and responsible of locators', async () => {
		const sam = standIn.users[1];
		const match = standIn.seed({ title: 'Match', stageId: 12, responsibleId: sam.id });
		standIn.seed({ title: 'Other stage', stageId: 11, responsibleId: sam.id });
		standIn.seed({ title: 'Other owner', stageId: 12 });
		const found = await run({
			operation: 'getMany',
			returnAll: true,
			filters: { stageId: rl('list', '12'), responsibleId: rl('id', sam.id) },
		});
		expect(found.items.map((item) => item.json.id)).toEqual([match.id]);
		expect(calls(standIn)).toEqual([
			`GET /api/2.0/crm/opportunity/filter?responsibleid=${sam.id}&opportunityStagesid=12&startIndex=0&count=100`,
		]);
		const bad = await run({ operation: 'getMany', returnAll: true, filters: { stageId: rl('id', '={{ "x" }}') } });
		expect(bad.error?.message).toBe('Filters: Stage must be a positive whole number (got "x")');
	});

	test('a plain ID, as version 1 saves it, still works in version 2 and in version 1', async () => {
		const { id } = standIn.seed({ title: 'Acme' });
		for (const typeVersion of [1, 2]) {
			const got = await runCrm(passwordCredential(standIn), { operation: 'setStage', opportunityId: String(id), stageId: 13 }, { typeVersion });
			expect(got.error).toBeUndefined();
		}
		const v1 = await runCrm(passwordCredential(standIn), { operation: 'get', opportunityId: 'x' }, { typeVersion: 1 });
		expect(v1.error?.message).toBe('Opportunity ID must be a positive whole number (got "x")');
	});
});

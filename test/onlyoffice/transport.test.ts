import type { OnlyOfficeStandIn } from '../standins/onlyoffice';
import { calls, passwordCredential, runCrm, startStandIn, tokenCredential } from './fixtures';

describe('ONLYOFFICE CRM node: envelope, keys, failures and limits', () => {
	let standIn: OnlyOfficeStandIn;
	beforeEach(async () => (standIn = await startStandIn()));
	afterEach(async () => {
		expect(standIn.batchDeleteCalls).toEqual([]);
		await standIn.stop();
	});

	const get = (id: number, options = {}) => ({ operation: 'get', opportunityId: String(id), options });

	test('an error envelope (status 1) is an error even when the HTTP status is 200', async () => {
		const { id } = standIn.seed();
		standIn.overrides.set(`GET /api/2.0/crm/opportunity/${id}`, {
			status: 200,
			body: { status: 1, statusCode: 200, error: { message: 'Access denied to the opportunity' } },
		});
		const run = await runCrm(passwordCredential(standIn), get(id));
		expect(run.error?.name).toBe('NodeApiError');
		expect(run.error?.message).toBe('Access denied to the opportunity');
	});

	test('an error without a message names the status and the call; 403 says which rights are missing', async () => {
		const { id } = standIn.seed();
		standIn.overrides.set(`GET /api/2.0/crm/opportunity/${id}`, { status: 500, body: { status: 1, statusCode: 500 } });
		const run = await runCrm(passwordCredential(standIn), get(id));
		expect(run.error?.message).toBe(`ONLYOFFICE answered HTTP 500 to GET crm/opportunity/${id}`);

		standIn.overrides.set(`GET /api/2.0/crm/opportunity/${id}`, { status: 403, body: { status: 1, statusCode: 403, error: { message: 'Access denied' } } });
		const denied = await runCrm(passwordCredential(standIn), get(id));
		expect(denied.error?.message).toBe('Access denied');
		expect((denied.error as { description?: string }).description).toMatch(/needs access to the CRM module/);
	});

	test('an envelope with PascalCase keys is read the same (Simplify)', async () => {
		standIn.overrides.set('GET /api/2.0/crm/opportunity/5', {
			status: 200,
			body: {
				Status: 0,
				StatusCode: 200,
				Response: {
					ID: 5,
					Title: 'From the reference page',
					Stage: { ID: 12, Title: 'Proposal' },
					BidValue: 10,
					BidCurrency: { Abbreviation: 'USD' },
					Responsible: { Id: 'x', DisplayName: 'Olga Ops' },
					ExpectedCloseDate: '2024-06-30T00:00:00.0000000+03:00',
				},
			},
		});
		const run = await runCrm(passwordCredential(standIn), get(5, { simplify: true }));
		expect(run.items[0].json).toEqual({
			id: 5,
			title: 'From the reference page',
			stage: 'Proposal',
			bidValue: 10,
			bidCurrency: 'USD',
			responsible: 'Olga Ops',
			expectedCloseDate: '2024-06-30T00:00:00.0000000+03:00',
			actualCloseDate: null,
			created: null,
		});
	});

	test('an answer that is not an ONLYOFFICE envelope points to the Portal URL', async () => {
		const run = await runCrm(tokenCredential(standIn, standIn.registerToken(), { portalUrl: `${standIn.baseUrl}/elsewhere` }), get(1));
		expect(run.error?.message).toBe('The Portal URL did not answer like an ONLYOFFICE API (HTTP 404 to GET crm/opportunity/1)');

		standIn.overrides.set('GET /api/2.0/crm/opportunity/2', { status: 200, body: '<!doctype html><title>Sign in</title>' });
		const html = await runCrm(passwordCredential(standIn), get(2));
		expect(html.error?.message).toBe('The Portal URL did not answer like an ONLYOFFICE API (HTTP 200 to GET crm/opportunity/2)');
	});

	test('a redirect is not followed (the token would go elsewhere); the address to use is named', async () => {
		standIn.overrides.set('GET /api/2.0/crm/opportunity/3', {
			status: 301,
			body: {},
			headers: { Location: 'https://portal.example/api/2.0/crm/opportunity/3' },
		});
		const run = await runCrm(passwordCredential(standIn), get(3));
		expect(run.error?.message).toBe('ONLYOFFICE redirected GET crm/opportunity/3 to https://portal.example/api/2.0/crm/opportunity/3');
	});

	test('the Timeout option bounds every call', async () => {
		standIn.overrides.set('GET /api/2.0/crm/opportunity/4', { status: 200, body: {}, never: true });
		const run = await runCrm(passwordCredential(standIn), get(4, { timeout: 150 }));
		expect(run.error?.message).toBe('ONLYOFFICE did not answer within 150 ms (the Timeout option)');

		const bad = await runCrm(passwordCredential(standIn), get(4, { timeout: -1 }));
		expect(bad.error?.message).toBe('Timeout must be a positive number of milliseconds (got -1)');
	});

	test('items in parallel keep their order and pairing', async () => {
		const records = Array.from({ length: 7 }, (_, index) => standIn.seed({ title: `Deal ${index}` }));
		const input = records.map((record) => ({ json: { id: record.id } }));
		const run = await runCrm(
			passwordCredential(standIn),
			{ operation: 'get', opportunityId: '={{ $json.id }}', options: { concurrency: 3, simplify: true } },
			{ input },
		);
		expect(run.items.map((item) => item.pairedItem)).toEqual(input.map((_, index) => ({ item: index })));
		expect(run.items.map((item) => item.json.title)).toEqual(records.map((record) => record.title));
		expect(calls(standIn)).toHaveLength(7);
	});

	test('neither the password nor any token appears in outputs or errors of failing runs', async () => {
		const { id } = standIn.seed();
		const token = standIn.registerToken();
		standIn.overrides.set(`GET /api/2.0/crm/opportunity/${id}`, { status: 400, body: { status: 1, statusCode: 400, error: { message: 'Bad request' } } });
		const runs = [
			await runCrm(passwordCredential(standIn), get(id), { continueOnFail: true }),
			await runCrm(passwordCredential(standIn), get(standIn.unusedId())),
			await runCrm(tokenCredential(standIn, `${token}-wrong`), get(id)),
			await runCrm(passwordCredential(standIn, { password: 'dummy-password-olga-wrong' }), get(id)),
			await runCrm(tokenCredential(standIn, token, { portalUrl: 'http://127.0.0.1:9' }), get(id)),
		];
		const issued = [...standIn.tokens.keys()];
		for (const run of runs) {
			const text = JSON.stringify({ error: run.error, description: (run.error as { description?: string })?.description, data: run.run.data.resultData });
			for (const secret of ['dummy-password-olga', token, ...issued]) expect(text).not.toContain(secret);
		}
	});
});

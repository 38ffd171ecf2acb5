import type { DealHubStandIn } from '../standins/dealhub';
import { CREATE_QUOTE, SECRET, runDealHub, startStandIn } from './fixtures';

describe('DealHub node: items, failures and limits', () => {
	let standIn: DealHubStandIn;
	beforeEach(async () => (standIn = await startStandIn()));
	afterEach(async () => await standIn.stop());

	const perItem = {
		...CREATE_QUOTE,
		externalOpportunityId: '={{ $json.opportunity }}',
		currency: '={{ $json.currency }}',
	};
	const input = [
		{ json: { opportunity: 'opp-a', currency: 'USD' } },
		{ json: { opportunity: 'opp-b', currency: 'DOLLARS' } },
		{ json: { opportunity: 'opp-c', currency: 'EUR' } },
	];

	test('with Continue On Fail, the failing item becomes an error item and the others go through', async () => {
		const run = await runDealHub(standIn, perItem, { input, continueOnFail: true });
		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(run.items[0].json.url).toMatch(/\/cpq\/quote\//);
		expect(run.items[1].json).toEqual({
			error: 'The request parameter currency exceeds its limits. Allowed maximum length: 3',
		});
		expect(run.items[1].error?.description).toBe(
			'Checked by n8n before sending, with the rules of DealHub’s API; nothing was sent.',
		);
		expect(run.items[2].json.url).toMatch(/\/cpq\/quote\//);
	});

	test('Continue On Fail keeps DealHub’s own 400 message on the error item', async () => {
		const run = await runDealHub(
			standIn,
			{ ...perItem, currency: '={{ $json.currency === "EUR" ? "JPY" : $json.currency }}' },
			{ input: [input[0], input[2]], continueOnFail: true },
		);
		expect(run.items[1].json.error).toBe('Currency JPY is not supported in DealHub. Supported currencies: USD, EUR, GBP');
	});

	test('without Continue On Fail the run stops with the error of the failing item', async () => {
		const run = await runDealHub(standIn, perItem, { input });
		expect(run.error?.message).toBe('The request parameter currency exceeds its limits. Allowed maximum length: 3');
		expect((run.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(1);
	});

	test('items in parallel keep their order and pairing', async () => {
		const many = Array.from({ length: 7 }, (_, index) => ({ json: { opportunity: `opp-${index}`, currency: 'USD' } }));
		const run = await runDealHub(standIn, { ...perItem, options: { concurrency: 3 } }, { input: many });
		expect(run.items.map((item) => item.pairedItem)).toEqual(many.map((_, index) => ({ item: index })));
		const opportunities = [...standIn.opportunities.keys()].sort();
		expect(opportunities).toEqual(many.map((item) => item.json.opportunity).sort());
	});

	test('the Timeout option bounds every call', async () => {
		standIn.overrides.set('/api/v1/user/authenticate', { status: 200, body: {}, delayMs: 2000 });
		const run = await runDealHub(standIn, { ...CREATE_QUOTE, options: { timeout: 150 } });
		expect(run.error?.message).toBe('DealHub did not answer within 150 ms (the Timeout option)');
	});

	test('an unreachable instance is reported without the request (and its secret)', async () => {
		const run = await runDealHub(standIn, CREATE_QUOTE, { instanceUrl: 'http://127.0.0.1:9' });
		expect(run.error?.message).toBe('Could not reach DealHub (connection refused)');
		expect(JSON.stringify(run.run)).not.toContain(SECRET);
	});

	test('the Instance URL is validated and its trailing slashes are dropped', async () => {
		const bad = await runDealHub(standIn, CREATE_QUOTE, { instanceUrl: 'service-eu1.dealhub.io' });
		expect(bad.error?.message).toMatch(/^The DealHub API credential needs an Instance URL such as https:\/\/service-eu1\.dealhub\.io/);
		const slashes = await runDealHub(standIn, CREATE_QUOTE, { instanceUrl: `${standIn.baseUrl}//` });
		expect(slashes.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.path)).toEqual(['/api/v1/user/authenticate', '/api/v1.1/quote/create']);
	});

	test('the secret appears in no output or error of any failing run', async () => {
		standIn.overrides.set('/api/v1.1/quote/create', { status: 400, body: { message: 'Unrecognized parameter: foo' } });
		const runs = [
			await runDealHub(standIn, CREATE_QUOTE, { continueOnFail: true }),
			await runDealHub(standIn, CREATE_QUOTE, { token: `${SECRET}-old` }),
		];
		expect(runs[0].items[0].json.error).toBe('Unrecognized parameter: foo');
		for (const run of runs) expect(JSON.stringify(run.run)).not.toContain(SECRET);
	});
});

import type { DealHubStandIn } from '../standins/dealhub';
import { CREATE_QUOTE, CRM_USER, PARTNER_USER, SECRET, requestsTo, runDealHub, startStandIn } from './fixtures';

describe('DealHub node: one-time access tokens', () => {
	let standIn: DealHubStandIn;
	let now = Date.now();
	beforeEach(async () => {
		now = Date.now();
		standIn = await startStandIn({ now: () => now });
	});
	afterEach(async () => await standIn.stop());

	const fromEarlierStep = {
		...CREATE_QUOTE,
		signIn: 'accessToken',
		accessToken: '={{ $json.access_token }}',
		dealHubUserId: '={{ $json.dealhub_user_id }}',
	};

	test('an Authenticate step feeds the token and user id into the next step', async () => {
		const run = await runDealHub(standIn, [{ resource: 'authentication', operation: 'crmUser', ...CRM_USER }, fromEarlierStep]);
		expect(run.error).toBeUndefined();
		expect(run.items[0].json.url).toBe(`${standIn.baseUrl}/cpq/quote/1000?new=1`);
		expect(requestsTo(standIn, '/api/v1/user/authenticate')).toHaveLength(1);
		expect(requestsTo(standIn, '/api/v1.1/quote/create')[0].headers.authorization).toBe(
			`Bearer ${standIn.issuedTokens[0].token}`,
		);
	});

	test('a token used twice gets 403 with the likely causes', async () => {
		const signIn = await runDealHub(standIn, { resource: 'authentication', operation: 'crmUser', ...CRM_USER });
		const input = [{ json: signIn.items[0].json }];
		expect((await runDealHub(standIn, fromEarlierStep, { input })).error).toBeUndefined();
		const reused = await runDealHub(standIn, fromEarlierStep, { input });
		expect(reused.error?.message).toBe('Unauthenticated (HTTP 403 from /api/v1.1/quote/create)');
		expect((reused.error as { description?: string }).description).toMatch(/already used.*older than 60 seconds/);
	});

	test('a token older than 60 seconds gets 403', async () => {
		const signIn = await runDealHub(standIn, { resource: 'authentication', operation: 'crmUser', ...CRM_USER });
		now += 61_000;
		const late = await runDealHub(standIn, fromEarlierStep, { input: [{ json: signIn.items[0].json }] });
		expect(late.error?.message).toMatch(/^Unauthenticated \(HTTP 403/);
	});

	test('a token bound to another user gets 403', async () => {
		const signIn = await runDealHub(standIn, { resource: 'authentication', operation: 'crmUser', ...CRM_USER });
		const other = { ...signIn.items[0].json, dealhub_user_id: '999' };
		const run = await runDealHub(standIn, fromEarlierStep, { input: [{ json: other }] });
		expect(run.error?.message).toMatch(/^Unauthenticated/);
	});

	test('automatic sign-in gets a fresh token for every item, so repeated runs keep working', async () => {
		const input = [{ json: {} }, { json: {} }];
		const run = await runDealHub(standIn, { ...CREATE_QUOTE, externalOpportunityId: '=opp-{{ $itemIndex }}' }, { input });
		expect(run.items).toHaveLength(2);
		const tokens = requestsTo(standIn, '/api/v1.1/quote/create').map((request) => request.headers.authorization);
		expect(new Set(tokens).size).toBe(2);
	});

	test('an empty access token is refused before anything is sent', async () => {
		const run = await runDealHub(standIn, { ...fromEarlierStep, accessToken: '={{ "" }}', dealHubUserId: '1' });
		expect(run.error?.message).toBe('Access Token is empty');
		expect(standIn.requests).toHaveLength(0);
	});

	test('partner operations take a partner token from an earlier step', async () => {
		const run = await runDealHub(standIn, [
			{ resource: 'authentication', operation: 'partnerUser', ...PARTNER_USER },
			{ resource: 'opportunity', operation: 'partnerView', signIn: 'accessToken', accessToken: '={{ $json.access_token }}', opportunityId: 'opp-9' },
		]);
		expect(run.items[0].json.url).toBe(`${standIn.baseUrl}/cpq/partner/opportunity/opp-9`);
		expect(requestsTo(standIn, '/api/v1/open/opportunity')[0].rawBody).not.toContain(SECRET);
	});
});

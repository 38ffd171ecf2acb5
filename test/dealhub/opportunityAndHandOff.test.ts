import type { DealHubStandIn } from '../standins/dealhub';
import { CREATE_QUOTE, CRM_USER, PARTNER_USER, SECRET, requestsTo, runDealHub, startStandIn } from './fixtures';

describe('DealHub node: Opportunity', () => {
	let standIn: DealHubStandIn;
	beforeEach(async () => (standIn = await startStandIn()));
	afterEach(async () => await standIn.stop());

	test('view my opportunities signs in and sends only dealhub_user_id', async () => {
		const run = await runDealHub(standIn, { resource: 'opportunity', operation: 'viewMine', ...CRM_USER });
		const userId = standIn.issuedTokens[0].userId;
		expect(run.items[0].json).toEqual({
			url: `${standIn.baseUrl}/cpq/opportunities/${userId}`,
			errors: [],
			dealhub_user_id: userId,
		});
		expect(requestsTo(standIn, '/api/v1/opportunities')[0].body).toEqual({ dealhub_user_id: userId });
	});

	test('view an opportunity as partner', async () => {
		const run = await runDealHub(standIn, { resource: 'opportunity', operation: 'partnerView', ...PARTNER_USER, opportunityId: 'lkdash23' });
		expect(run.items[0].json.url).toBe(`${standIn.baseUrl}/cpq/partner/opportunity/lkdash23`);
	});
});

describe('DealHub node: browser hand-off', () => {
	let standIn: DealHubStandIn;
	beforeEach(async () => (standIn = await startStandIn()));
	afterEach(async () => await standIn.stop());

	function embeddedRequest(html: string) {
		const match = /var request = (.*);\n/.exec(html);
		if (!match) throw new Error('no request in page');
		return JSON.parse(match[1]);
	}

	test('signs in on the server, leaves the create call to the browser, and outputs the page and the request', async () => {
		const run = await runDealHub(standIn, { ...CREATE_QUOTE, delivery: 'browser' });
		expect(run.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.path)).toEqual(['/api/v1/user/authenticate']);
		const token = standIn.issuedTokens[0];
		const { html, request, dealhub_user_id } = run.items[0].json as { html: string; request: Record<string, unknown>; dealhub_user_id: string };
		expect(dealhub_user_id).toBe(token.userId);
		expect(request).toEqual({
			method: 'POST',
			url: `${standIn.baseUrl}/api/v1.1/quote/create`,
			headers: { Authorization: `Bearer ${token.token}`, 'Content-Type': 'application/json' },
			body: {
				dealhub_user_id: token.userId,
				external_opportunity_id: 'opp-1',
				external_opportunity_name: 'Acme renewal',
				external_customer_id: 'acme',
				customer_name: 'Acme Inc.',
				geo_code: 'NA',
				currency: 'USD',
			},
		});
		expect(embeddedRequest(html)).toEqual(request);
		expect(html).toMatch(/^<!doctype html>/);
		expect(html).toContain("credentials: 'include'");
		expect(html).not.toContain(SECRET);
	});

	test('the page stays inert whatever the fields contain', async () => {
		const hostile = '</script><script>alert(1)</script><!--';
		const run = await runDealHub(standIn, { ...CREATE_QUOTE, customerName: hostile, delivery: 'browser' });
		const { html } = run.items[0].json as { html: string };
		expect(html).not.toContain('</script><script>');
		expect(html.match(/<script>/g)).toHaveLength(1);
		expect(embeddedRequest(html).body.customer_name).toBe(hostile);
	});

	test('partner hand-off carries the partner token and the partner endpoint', async () => {
		const run = await runDealHub(standIn, { resource: 'quote', operation: 'partnerCreate', ...PARTNER_USER, opportunityId: 'x1', delivery: 'browser' });
		const request = run.items[0].json.request as { url: string; headers: { Authorization: string }; body: unknown };
		expect(request.url).toBe(`${standIn.baseUrl}/api/v1/create/quote`);
		expect(request.headers.Authorization).toBe(`Bearer ${standIn.issuedTokens[0].token}`);
		expect(request.body).toEqual({ opportunity_id: 'x1' });
	});
});

import type { RecordedRequest } from '../standins/http';
import { DealHubStandIn } from '../standins/dealhub';
import type { RunningN8n } from './harness';
import {
	LAUNCH_TIMEOUT_MS,
	describeEachN8nVersion,
	exampleWorkflow,
	launchN8n,
	randomSecret,
	withBrowser,
} from './harness';

// Examples 2 and 3 in a real n8n against the DealHub stand-in, over real HTTP.

/** The credential the example workflows refer to. */
const EXAMPLE_CREDENTIAL = { id: 'dhExampleCred001', name: 'DealHub account', type: 'dealHubApi' };
/** A second, saved credential with a wrong token, for the credential test. */
const WRONG_CREDENTIAL = { id: 'e2eWrongToken001', name: 'DealHub wrong token', type: 'dealHubApi' };

const CRM_EVENT = {
	user: { id: 'crm-user-17', email: 'riley@seller.example', name: 'Riley Rep' },
	opportunity: { id: 'OPP-1001', name: 'Acme renewal', geo_code: 'US', currency: 'USD' },
	account: { id: 'ACC-7', name: 'Acme Inc.' },
};

const PARTNER_LINK_QUERY = {
	partner_id: 'P-42',
	login: 'pat',
	email: 'pat@partner.example',
	name: 'Pat Partner',
	opportunity_id: 'OPP-2002',
};

function postJson(url: string, body: unknown): Promise<Response> {
	return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** Everything a request carried: where a secret could leak. */
function wireText(request: RecordedRequest): string {
	return `${request.path}\n${JSON.stringify(request.headers)}\n${request.rawBody}`;
}

describeEachN8nVersion('DealHub example workflows', (version) => {
	const secret = randomSecret();
	const dealhub = new DealHubStandIn({ secret });
	let n8n: RunningN8n | undefined;
	const savedCredential = (credential: typeof EXAMPLE_CREDENTIAL, authenticationToken: string) => ({
		...credential,
		data: { instanceUrl: dealhub.baseUrl, authenticationToken },
	});
	/** The stand-in's requests from the current test only. */
	let since = 0;
	const requestsOfThisTest = () => dealhub.requests.slice(since);

	beforeAll(async () => {
		await dealhub.start();
		n8n = await launchN8n(version, {
			credentials: [savedCredential(EXAMPLE_CREDENTIAL, secret), savedCredential(WRONG_CREDENTIAL, `wrong-${secret}`)],
			workflows: [exampleWorkflow('2-crm-event-to-dealhub.json'), exampleWorkflow('3-partner-portal-handoff.json')],
		});
	}, LAUNCH_TIMEOUT_MS);

	afterAll(async () => {
		await n8n?.stop();
		await dealhub.stop();
	});

	const partnerLink = () => `${n8n!.webhookUrl('partner-portal-handoff')}?${new URLSearchParams(PARTNER_LINK_QUERY)}`;

	beforeEach(() => {
		since = dealhub.requests.length;
	});

	test('CRM event to DealHub: signs in with the secret, creates the quote with the one-time token, replies with the URL', async () => {
		const response = await postJson(n8n!.webhookUrl('crm-event-to-dealhub'), CRM_EVENT);
		const answer = await response.json();

		expect(response.status).toBe(200);
		const [signIn, create, ...others] = requestsOfThisTest();
		expect([signIn?.path, create?.path, others.length]).toEqual(['/api/v1/user/authenticate', '/api/v1.1/quote/create', 0]);
		expect(signIn.headers.authorization).toBe(`Bearer ${secret}`);
		const issued = dealhub.issuedTokens[dealhub.issuedTokens.length - 1];
		expect(create.headers.authorization).toBe(`Bearer ${issued.token}`);
		expect(issued.used).toBe(true);
		expect(wireText(create)).not.toContain(secret);
		expect(create.body).toMatchObject({
			dealhub_user_id: issued.userId,
			external_opportunity_id: 'OPP-1001',
			external_opportunity_name: 'Acme renewal',
			external_customer_id: 'ACC-7',
			customer_name: 'Acme Inc.',
			geo_code: 'US',
			currency: 'USD',
		});
		expect(answer).toEqual({
			quote_url: expect.stringMatching(new RegExp(`^${dealhub.baseUrl}/cpq/quote/\\d+\\?new=1$`)),
			dealhub_user_id: issued.userId,
		});
		expect(JSON.stringify(answer)).not.toContain(secret);
	});

	test('CRM event to DealHub: when DealHub refuses, the CRM gets a 502 with DealHub’s message', async () => {
		const event = { ...CRM_EVENT, opportunity: { ...CRM_EVENT.opportunity, id: 'OPP-1003', currency: 'JPY' } };
		const response = await postJson(n8n!.webhookUrl('crm-event-to-dealhub'), event);
		const text = await response.text();

		expect({ status: response.status, body: JSON.parse(text) }).toEqual({
			status: 502,
			body: { message: expect.stringContaining('Currency JPY is not supported') },
		});
		expect(text).not.toContain(secret);
	});

	test('Partner portal hand-off: the browser makes the POST with the one-time token and lands on the URL DealHub returned', async () => {
		const landed = await withBrowser(async (page) => {
			const pageResponse = await page.goto(partnerLink());
			expect(pageResponse?.status()).toBe(200);
			expect(pageResponse?.headers()['content-type']).toContain('text/html');
			await page.waitForSelector('h1#landed', { timeout: 15000 });
			return { url: page.url(), heading: await page.textContent('h1#landed') };
		});

		const requests = requestsOfThisTest();
		const signIn = requests.filter((request) => request.path === '/api/v1/authenticate/user');
		const creates = requests.filter((request) => request.path === '/api/v1/create/quote');
		const browserPost = creates.find((request) => request.method === 'POST');
		const partnerToken = dealhub.issuedTokens.filter((token) => token.kind === 'partner').pop();

		// n8n signed the partner in, server-side, with the secret in the body (Partner API).
		expect(signIn).toHaveLength(1);
		expect(signIn[0].headers.origin).toBeUndefined();
		expect(signIn[0].body).toMatchObject({ authentication: secret, user_information: { type: 'partner', user_id: 'P-42' } });
		// The browser made the create call itself: CORS preflight, then the POST with the one-time token.
		expect(creates.map((request) => request.method)).toEqual(['OPTIONS', 'POST']);
		// n8n (1.103+, 2.x) serves webhook HTML with `Content-Security-Policy: sandbox` unless
		// N8N_INSECURE_DISABLE_WEBHOOK_IFRAME_SANDBOX=true: the page has an opaque origin, so the
		// browser's cross-site POST says `Origin: null`.
		expect(browserPost?.headers.origin).toBe('null');
		expect(browserPost?.headers.authorization).toBe(`Bearer ${partnerToken?.token}`);
		expect(partnerToken?.used).toBe(true);
		expect(browserPost?.body).toEqual({ opportunity_id: 'OPP-2002' });
		expect(wireText(browserPost!)).not.toContain(secret);
		// ...and landed on the URL DealHub returned.
		expect(landed).toEqual({
			url: `${dealhub.baseUrl}/cpq/partner/create/OPP-2002`,
			heading: '/cpq/partner/create/OPP-2002',
		});
	});

	test('Partner portal hand-off: the page carries the one-time token, never the secret', async () => {
		const response = await fetch(partnerLink());
		const html = await response.text();

		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('text/html');
		const partnerToken = dealhub.issuedTokens.filter((token) => token.kind === 'partner').pop();
		expect(html).toContain(`Bearer ${partnerToken?.token}`);
		expect(html).not.toContain(secret);
	});

	test('the DealHub credential test passes with the right token and fails with a wrong one', async () => {
		const session = await n8n!.ownerSession();

		expect(await session.testCredential(savedCredential(EXAMPLE_CREDENTIAL, secret))).toMatchObject({ status: 'OK' });
		expect(await session.testCredential(savedCredential(WRONG_CREDENTIAL, `wrong-${secret}`))).toMatchObject({
			status: 'Error',
			message: expect.stringContaining('403'),
		});
		const testCalls = requestsOfThisTest().filter((request) => request.path === '/api/v1/user/authenticate');
		expect(testCalls.map((request) => request.headers.authorization)).toEqual([`Bearer ${secret}`, `Bearer wrong-${secret}`]);
	});
});

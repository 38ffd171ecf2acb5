import { DealHubStandIn } from '../standins/dealhub';
import type { RecordedRequest } from '../standins/http';
import { OnlyOfficeStandIn } from '../standins/onlyoffice';
import type { RunningN8n } from './harness';
import {
	LAUNCH_TIMEOUT_MS,
	describeEachN8nVersion,
	exampleWorkflow,
	fixtureWorkflow,
	launchN8n,
	randomSecret,
} from './harness';

// The ONLYOFFICE CRM node in a real n8n against the ONLYOFFICE stand-in, signing in with a user
// name and password (the token login runs inside n8n): test/e2e/workflows/onlyoffice-crud.json
// (create, update, get, get many over webhooks, node version 1), onlyoffice-crud-v2.json (the same
// and delete with node version 2's resource locators, by ID and by URL) and example 4 (opportunity
// won -> DealHub quote).
// The stand-in pages lists as a real portal does: at most 25 records a page, whatever `count` asks.

/** The credential example 4 and the fixture refer to. */
const ONLYOFFICE_CREDENTIAL = { id: 'ooExampleCred001', name: 'ONLYOFFICE account', type: 'onlyOfficeCrmApi' };
const DEALHUB_CREDENTIAL = { id: 'dhExampleCred001', name: 'DealHub account', type: 'dealHubApi' };

type Json = Record<string, unknown>;

async function postJson(url: string, body: unknown): Promise<{ status: number; body: Json; text: string }> {
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	const text = await response.text();
	let parsed: Json = {};
	try {
		parsed = JSON.parse(text) as Json;
	} catch {
		parsed = {};
	}
	return { status: response.status, body: parsed, text };
}

const apiPath = (request: RecordedRequest) => request.path.split('?')[0].replace(/^\/api\/2\.0\//, '');

describeEachN8nVersion('ONLYOFFICE CRM', (version) => {
	const onlyoffice = new OnlyOfficeStandIn({ paging: { pageCap: 25 } });
	const dealhubSecret = randomSecret();
	const dealhub = new DealHubStandIn({ secret: dealhubSecret });
	const user = onlyoffice.users[1];
	let n8n: RunningN8n | undefined;
	let since = { onlyoffice: 0, dealhub: 0 };
	const onlyofficeRequests = () => onlyoffice.requests.slice(since.onlyoffice);
	const dealhubRequests = () => dealhub.requests.slice(since.dealhub);

	beforeAll(async () => {
		await onlyoffice.start();
		await dealhub.start();
		n8n = await launchN8n(version, {
			credentials: [
				{
					...ONLYOFFICE_CREDENTIAL,
					data: { portalUrl: `${onlyoffice.baseUrl}/`, authentication: 'password', userName: user.userName, password: user.password },
				},
				{ ...DEALHUB_CREDENTIAL, data: { instanceUrl: dealhub.baseUrl, authenticationToken: dealhubSecret } },
			],
			workflows: [
				fixtureWorkflow('onlyoffice-crud.json'),
				fixtureWorkflow('onlyoffice-crud-v2.json'),
				exampleWorkflow('4-onlyoffice-won-to-dealhub.json'),
			],
		});
	}, LAUNCH_TIMEOUT_MS);

	afterAll(async () => {
		await n8n?.stop();
		await onlyoffice.stop();
		await dealhub.stop();
	});

	beforeEach(() => {
		since = { onlyoffice: onlyoffice.requests.length, dealhub: dealhub.requests.length };
	});

	test('create, then update one field, then get: the other fields are unchanged', async () => {
		const responsible = onlyoffice.users[2];
		const created = await postJson(n8n!.webhookUrl('onlyoffice-e2e-create'), {
			title: 'Acme renewal 2026',
			stageId: 12,
			description: 'Three-year renewal with the analytics add-on',
			bidType: 'PerMonth',
			bidValue: 1200,
			bidCurrency: 'EUR',
			perPeriodValue: 36,
			contactId: 31,
			memberIds: '32, 33',
			responsibleId: responsible.id,
			successProbability: 60,
			expectedCloseDate: '2026-03-31',
			region: 'EMEA',
			notes: 'Upsell analytics',
		});
		expect({ status: created.status, body: created.body }).toEqual({
			status: 200,
			body: expect.objectContaining({ id: expect.any(Number), title: 'Acme renewal 2026', bidValue: 1200 }),
		});
		const id = created.body.id as number;
		const stored = onlyoffice.serialize(onlyoffice.opportunities.get(id)!);
		// The create carried every field it was given.
		expect(stored).toMatchObject({
			title: 'Acme renewal 2026',
			description: 'Three-year renewal with the analytics add-on',
			bidType: 4,
			bidValue: 1200,
			bidCurrency: expect.objectContaining({ abbreviation: 'EUR' }),
			perPeriodValue: 36,
			contact: expect.objectContaining({ id: 31 }),
			members: [expect.objectContaining({ id: 32 }), expect.objectContaining({ id: 33 })],
			responsible: expect.objectContaining({ id: responsible.id }),
			stage: expect.objectContaining({ id: 12 }),
			successProbability: 60,
			expectedCloseDate: '2026-03-31T00:00:00.0000000Z',
		});
		expect(created.body).toEqual(stored);

		const updated = await postJson(n8n!.webhookUrl('onlyoffice-e2e-update'), { id, bidValue: 1500 });
		expect({ status: updated.status, bidValue: updated.body.bidValue }).toEqual({ status: 200, bidValue: 1500 });

		const got = await postJson(n8n!.webhookUrl('onlyoffice-e2e-get'), { id });
		expect(got.status).toBe(200);
		// Everything but the bid value is as created, custom fields included.
		expect(got.body).toEqual({ ...created.body, bidValue: 1500 });
		expect(got.body.customFields).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ id: 7, fieldValue: 'EMEA' }),
				expect.objectContaining({ id: 9, fieldValue: 'Upsell analytics' }),
			]),
		);

		const calls = onlyofficeRequests().map((request) => `${request.method} ${apiPath(request)}`);
		// n8n signed in once with the user name and password, then sent the token it got.
		expect(calls).toEqual([
			'POST authentication',
			'POST crm/opportunity',
			`GET crm/opportunity/${id}`,
			`PUT crm/opportunity/${id}`,
			`GET crm/opportunity/${id}`,
		]);
		const [login, ...apiCalls] = onlyofficeRequests();
		expect(login.body).toEqual({ userName: user.userName, password: user.password });
		const tokens = new Set(apiCalls.map((request) => request.headers.authorization));
		expect(tokens.size).toBe(1);
		expect(onlyoffice.tokens.get(String([...tokens][0]))).toMatchObject({ userId: user.id, expired: false });
		expect(onlyoffice.batchDeleteCalls).toHaveLength(0);
		for (const answer of [created, updated, got]) expect(answer.text).not.toContain(user.password);
	});

	const seedPaged = (prefix: string) =>
		Array.from({ length: 130 }, (_, index) => onlyoffice.seed({ title: `${prefix} ${String(index).padStart(3, '0')}` }).id);

	test('Get Many with Return All reads every page of a portal that caps pages at 25: 130 records, in order, once each', async () => {
		const ids = seedPaged('Capped page deal');

		const answer = await postJson(n8n!.webhookUrl('onlyoffice-e2e-get-many'), { search: 'Capped page deal' });

		expect(answer.status).toBe(200);
		expect((answer.body as unknown as Json[]).map((record) => record.id)).toEqual(ids);
		const pages = onlyofficeRequests().filter((request) => apiPath(request) === 'crm/opportunity/filter');
		expect(pages.map((request) => new URL(request.path, 'http://x').searchParams.get('startIndex'))).toEqual(['0', '25', '50', '75', '100', '125']);
	});

	test('an expired token: n8n signs in once more and retries, between executions and in the middle of a Get Many', async () => {
		const { id } = onlyoffice.seed({ title: 'Token renewal deal' });
		expect((await postJson(n8n!.webhookUrl('onlyoffice-e2e-get'), { id })).status).toBe(200);

		onlyoffice.expireTokens();
		since.onlyoffice = onlyoffice.requests.length;
		const afterExpiry = await postJson(n8n!.webhookUrl('onlyoffice-e2e-get'), { id });
		expect({ status: afterExpiry.status, title: afterExpiry.body.title }).toEqual({ status: 200, title: 'Token renewal deal' });
		expect(onlyofficeRequests().map((request) => `${request.method} ${apiPath(request)}`)).toEqual([
			`GET crm/opportunity/${id}`,
			'POST authentication',
			`GET crm/opportunity/${id}`,
		]);

		const ids = seedPaged('Mid-run renewal deal');
		onlyoffice.expireTokensAfter(2);
		since.onlyoffice = onlyoffice.requests.length;
		const many = await postJson(n8n!.webhookUrl('onlyoffice-e2e-get-many'), { search: 'Mid-run renewal deal' });
		expect(many.status).toBe(200);
		expect((many.body as unknown as Json[]).map((record) => record.id)).toEqual(ids);
		const calls = onlyofficeRequests().map((request) =>
			apiPath(request) === 'authentication' ? 'sign-in' : `startIndex=${new URL(request.path, 'http://x').searchParams.get('startIndex')}`,
		);
		expect(calls).toEqual(['startIndex=0', 'startIndex=25', 'startIndex=50', 'sign-in', 'startIndex=50', 'startIndex=75', 'startIndex=100', 'startIndex=125']);
		for (const answer of [afterExpiry, many]) expect(answer.text).not.toContain(user.password);
	});

	test('a token refused right after a fresh sign-in is a clear error, with one sign-in and no loop', async () => {
		const { id } = onlyoffice.seed({ title: 'Refused token deal' });
		onlyoffice.issueExpiredTokens = true;
		onlyoffice.expireTokens();
		try {
			const refused = await postJson(n8n!.webhookUrl('onlyoffice-e2e-get'), { id });
			expect({ status: refused.status, message: refused.body.message }).toEqual({
				status: 502,
				message: 'ONLYOFFICE did not accept the credential (HTTP 401: Unauthorized)',
			});
			expect(onlyofficeRequests().map((request) => `${request.method} ${apiPath(request)}`)).toEqual([
				`GET crm/opportunity/${id}`,
				'POST authentication',
				`GET crm/opportunity/${id}`,
			]);
			expect(refused.text).not.toContain(user.password);
		} finally {
			onlyoffice.issueExpiredTokens = false;
		}
		// Once the portal issues working tokens again, the next execution signs in and succeeds.
		expect((await postJson(n8n!.webhookUrl('onlyoffice-e2e-get'), { id })).status).toBe(200);
	});

	const pageUrl = (id: number) => `${onlyoffice.baseUrl}/Products/CRM/Deals.aspx?id=${id}#profile`;

	test('node version 2: create with the stage and responsible by ID, update and delete by the page address, get by ID', async () => {
		const responsible = onlyoffice.users[2];
		const created = await postJson(n8n!.webhookUrl('onlyoffice-e2e-v2-create'), {
			title: 'Locator renewal',
			stageId: '12',
			bidValue: 700,
			bidCurrency: 'EUR',
			responsibleId: responsible.id,
			region: 'EMEA',
		});
		expect({ status: created.status, title: created.body.title }).toEqual({ status: 200, title: 'Locator renewal' });
		const id = created.body.id as number;
		expect(onlyoffice.opportunities.get(id)).toMatchObject({ stageId: 12, responsibleId: responsible.id, bidValue: 700 });

		const updated = await postJson(n8n!.webhookUrl('onlyoffice-e2e-v2-update'), { url: pageUrl(id), bidValue: 900, stageId: 14 });
		expect({ status: updated.status, bidValue: updated.body.bidValue }).toEqual({ status: 200, bidValue: 900 });

		const got = await postJson(n8n!.webhookUrl('onlyoffice-e2e-v2-get'), { id: String(id) });
		expect(got.status).toBe(200);
		// The update changed the bid value and the stage; everything else is as created.
		expect(got.body).toEqual({ ...created.body, bidValue: 900, stage: expect.objectContaining({ id: 14 }) });
		expect(onlyoffice.opportunities.get(id)).toMatchObject({ responsibleId: responsible.id, bidCurrency: 'EUR', stageId: 14 });

		const deleted = await postJson(n8n!.webhookUrl('onlyoffice-e2e-v2-delete'), { url: pageUrl(id) });
		expect({ status: deleted.status, id: deleted.body.id }).toEqual({ status: 200, id });
		expect(onlyoffice.opportunities.has(id)).toBe(false);

		expect(onlyofficeRequests().map((request) => `${request.method} ${apiPath(request)}`).filter((call) => call !== 'POST authentication')).toEqual([
			'POST crm/opportunity',
			`GET crm/opportunity/${id}`,
			`PUT crm/opportunity/${id}`,
			`GET crm/opportunity/${id}`,
			`DELETE crm/opportunity/${id}`,
		]);
		expect(onlyoffice.batchDeleteCalls).toHaveLength(0);
	});

	test('node version 2: an address that is not an opportunity page is refused, naming the field and the rule; nothing is sent', async () => {
		const { id } = onlyoffice.seed({ title: 'Not by this address' });
		const url = `${onlyoffice.baseUrl}/Products/CRM/Default.aspx?id=${id}`;

		const refused = await postJson(n8n!.webhookUrl('onlyoffice-e2e-v2-delete'), { url });

		expect({ status: refused.status, message: refused.body.message }).toEqual({
			status: 502,
			message: `Opportunity must be the address of an opportunity page, such as https://yourportal.onlyoffice.com/Products/CRM/Deals.aspx?id=42 (got ${JSON.stringify(url)})`,
		});
		expect(onlyofficeRequests().filter((request) => apiPath(request) !== 'authentication')).toEqual([]);
		expect(onlyoffice.opportunities.has(id)).toBe(true);
	});

	test('node version 2: Get Many filters by a stage locator and reads every page', async () => {
		const proposals = Array.from({ length: 30 }, (_, index) => onlyoffice.seed({ title: `Staged deal ${String(index).padStart(2, '0')}`, stageId: 12 }).id);
		onlyoffice.seed({ title: 'Staged deal elsewhere', stageId: 11 });

		const answer = await postJson(n8n!.webhookUrl('onlyoffice-e2e-v2-get-many'), { search: 'Staged deal', stageId: '12' });

		expect(answer.status).toBe(200);
		expect((answer.body as unknown as Json[]).map((record) => record.id)).toEqual(proposals);
		const pages = onlyofficeRequests().filter((request) => apiPath(request) === 'crm/opportunity/filter');
		expect(pages.map((request) => new URL(request.path, 'http://x').searchParams.get('opportunityStagesid'))).toEqual(['12', '12']);
	});

	test('From List in the editor: n8n calls the list searches of version 2, searched and paged', async () => {
		const session = await n8n!.ownerSession();
		const titles = Array.from({ length: 30 }, (_, index) => onlyoffice.seed({ title: `Listed deal ${String(index).padStart(2, '0')}` }).title);
		const search = async (methodName: string, filter?: string, paginationToken?: string) => {
			const { status, body } = await session.post('/dynamic-node-parameters/resource-locator-results', {
				path: 'parameters.opportunityId',
				nodeTypeAndVersion: { name: 'n8n-nodes-dealhub.onlyOfficeCrm', version: 2 },
				currentNodeParameters: { resource: 'opportunity', operation: 'get' },
				credentials: { onlyOfficeCrmApi: { id: ONLYOFFICE_CREDENTIAL.id, name: ONLYOFFICE_CREDENTIAL.name } },
				methodName,
				filter,
				paginationToken,
			});
			expect(status).toBe(200);
			return body.data as { results: Array<{ name: string; value: string; url?: string }>; paginationToken?: string };
		};

		const first = await search('searchOpportunities', 'listed deal');
		expect(first.results.map((item) => item.name)).toEqual(titles.slice(0, 25));
		expect(first.results[0].url).toBe(`${onlyoffice.baseUrl}/Products/CRM/Deals.aspx?id=${first.results[0].value}`);
		const second = await search('searchOpportunities', 'listed deal', first.paginationToken);
		expect([second.results.map((item) => item.name), second.paginationToken]).toEqual([titles.slice(25), undefined]);

		expect((await search('searchStages', 'neg')).results).toEqual([{ name: 'Negotiation', value: '14' }]);
		expect((await search('searchUsers', 'ann@')).results).toEqual([{ name: 'Ann Admin (ann@example.com)', value: onlyoffice.users[2].id }]);
	});

	test('example 4: a won opportunity becomes a DealHub quote, mapped from the ONLYOFFICE record', async () => {
		const won = onlyoffice.seed({ title: 'Globex expansion', stageId: 13, contactId: 41, bidCurrency: 'EUR', bidValue: 9000 });
		const rep = { id: 'crm-user-17', email: 'riley@seller.example', name: 'Riley Rep' };

		const answer = await postJson(n8n!.webhookUrl('onlyoffice-won-to-dealhub'), { opportunity_id: won.id, user: rep, geo_code: 'EU' });

		const issued = dealhub.issuedTokens[dealhub.issuedTokens.length - 1];
		expect({ status: answer.status, body: answer.body }).toEqual({
			status: 200,
			body: {
				quote_url: expect.stringMatching(new RegExp(`^${dealhub.baseUrl}/cpq/quote/\\d+\\?new=1$`)),
				dealhub_user_id: issued.userId,
				opportunity_id: won.id,
			},
		});
		const [signIn, create, ...others] = dealhubRequests();
		expect([signIn?.path, create?.path, others.length]).toEqual(['/api/v1/user/authenticate', '/api/v1.1/quote/create', 0]);
		expect(signIn.body).toMatchObject({ user_information: { external_user_id: rep.id, email: rep.email, name: rep.name } });
		expect(create.body).toEqual({
			dealhub_user_id: issued.userId,
			external_opportunity_id: String(won.id),
			external_opportunity_name: 'Globex expansion',
			external_customer_id: '41',
			customer_name: 'Contact 41',
			geo_code: 'EU',
			currency: 'EUR',
		});
		expect(answer.text).not.toContain(dealhubSecret);
	});

	test('example 4: an opportunity that is not won answers 409 and creates no quote', async () => {
		const open = onlyoffice.seed({ title: 'Initech pilot', stageId: 14, contactId: 42 });
		const rep = { id: 'crm-user-17', email: 'riley@seller.example', name: 'Riley Rep' };

		const answer = await postJson(n8n!.webhookUrl('onlyoffice-won-to-dealhub'), { opportunity_id: open.id, user: rep });

		expect({ status: answer.status, body: answer.body }).toEqual({
			status: 409,
			body: { message: `Opportunity ${open.id} is not won (stage: Negotiation)` },
		});
		expect(dealhubRequests()).toHaveLength(0);
	});

	test('example 4: an unknown opportunity answers 502 with ONLYOFFICE’s message', async () => {
		const rep = { id: 'crm-user-17', email: 'riley@seller.example', name: 'Riley Rep' };

		const answer = await postJson(n8n!.webhookUrl('onlyoffice-won-to-dealhub'), { opportunity_id: onlyoffice.unusedId(), user: rep });

		expect({ status: answer.status, body: answer.body }).toEqual({
			status: 502,
			body: { message: expect.stringContaining('The opportunity was not found') },
		});
		expect(dealhubRequests()).toHaveLength(0);
	});
});

import { DealHubQuoteApiStandIn, pdfBytes, quoteFixture } from '../standins/dealhubQuoteApi';
import type { RecordedRequest } from '../standins/http';
import { LoopbackServer, sendJson } from '../standins/http';
import { OnlyOfficeStandIn } from '../standins/onlyoffice';
import { executionIds, newExecutionIds } from './calloutExecutions';
import type { RunningN8n } from './harness';
import { LAUNCH_TIMEOUT_MS, describeEachN8nVersion, exampleWorkflow, fixtureWorkflowWith, launchN8n, randomSecret, waitUntil } from './harness';

// The DealHub Trigger and the Quote API reads in a real n8n, over real HTTP: DealHub's webhook
// events sent to test/e2e/workflows/dealhub-trigger.json (the trigger passes each run's output to
// a loopback sink), the document and a quote read through webhooks, and example 5 (quote won ->
// ONLYOFFICE CRM) against the Quote API and ONLYOFFICE stand-ins.

const EVENTS_WORKFLOW_ID = 'e2eDealHubTrigg1';
const EXAMPLE_5_ID = 'dhExample05QtWon';

type Json = Record<string, unknown>;

let eventCounter = 0;
const quoteEvent = (event: string, quoteId = 'Q0000000000000A1'): Json => ({
	event,
	event_info: { webhook_id: 'WH01', event_id: `EV-${randomSecret().slice(0, 6)}-${++eventCounter}`, api_version: '1.0' },
	execution_date: '2025-03-01 10:15:00',
	executed_by: 'rep@seller.example',
	dealhub_quote_id: quoteId,
	dealhub_opportunity_id: 'DHOPP0000000001',
});

describeEachN8nVersion('DealHub Trigger and Quote API reads', (version) => {
	const webhookToken = randomSecret();
	const apiToken = randomSecret();
	const quoteApi = new DealHubQuoteApiStandIn(apiToken);
	const onlyoffice = new OnlyOfficeStandIn({ paging: { pageCap: 25 } });
	const sink = new LoopbackServer((_request: RecordedRequest, response) => sendJson(response, 200, { ok: true }));
	let n8n: RunningN8n | undefined;
	const sunk = () => sink.requests.map((request) => request.body as Json);

	const post = async (path: string, body: unknown, authorization: string | null = `Bearer ${webhookToken}`) => {
		const headers: Record<string, string> = { 'content-type': 'application/json' };
		if (authorization !== null) headers.authorization = authorization;
		const response = await fetch(n8n!.webhookUrl(path), { method: 'POST', headers, body: JSON.stringify(body) });
		return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get('content-type') };
	};
	const json = (bytes: Buffer) => JSON.parse(bytes.toString('utf8')) as Json;

	/** The sink's posts once there are `count` of them (a run ends after DealHub's answer). */
	const sunkAtLeast = async (count: number): Promise<Json[]> => await waitUntil(sunk, (posts) => posts.length >= count);

	beforeAll(async () => {
		await quoteApi.start();
		await onlyoffice.start();
		await sink.start();
		const user = onlyoffice.users[0];
		n8n = await launchN8n(version, {
			credentials: [
				{ id: 'dhWebhookCred001', name: 'DealHub Webhook account', type: 'dealHubWebhookApi', data: { authType: 'bearer', token: webhookToken } },
				{
					id: 'dhExampleCred001',
					name: 'DealHub account',
					type: 'dealHubApi',
					data: { instanceUrl: quoteApi.baseUrl, authenticationToken: apiToken, quoteApiUrl: quoteApi.baseUrl },
				},
				{
					id: 'ooExampleCred001',
					name: 'ONLYOFFICE account',
					type: 'onlyOfficeCrmApi',
					data: { portalUrl: onlyoffice.baseUrl, authentication: 'password', userName: user.userName, password: user.password },
				},
			],
			workflows: [fixtureWorkflowWith('dealhub-trigger.json', { SINK_URL: sink.baseUrl }), exampleWorkflow('5-dealhub-quote-won-to-onlyoffice.json')],
		});
	}, LAUNCH_TIMEOUT_MS);

	afterAll(async () => {
		await n8n?.stop();
		await sink.stop();
		await onlyoffice.stop();
		await quoteApi.stop();
	});

	beforeEach(() => {
		sink.requests.length = 0;
	});

	test('each chosen event kind starts a run with the body as sent and its name; other events start none', async () => {
		const before = await executionIds(n8n!, EVENTS_WORKFLOW_ID);
		const chosen = [
			quoteEvent('quoteWon'),
			quoteEvent('quoteReady'),
			{ event: 'DEALROOM_EVENT', Dealhub_Opportunity_id: 'DHOPP1', execution_date: '2025-03-02 08:00:00', action_summary: { DEAL_BOX_FILE_ADDED: 'A file was added' } },
			{ event: 'version', action: 'activated', event_info: { event_id: `V-${randomSecret()}` } },
			{ event: 'user', action: 'created' },
			{ event: 'productsUpload', status: 'success' },
			{ event: 'crmImport', total: 3, succeeded: 3 },
			{ event: 'Failure WebHook v1', request_id: '4D114DAD97' },
		];
		for (const body of chosen) expect((await post('dealhub-e2e-events', body)).status).toBe(200);
		for (const body of [quoteEvent('draftQuote'), quoteEvent('quotePublished'), { no: 'event' }]) {
			const answer = await post('dealhub-e2e-events', body);
			expect({ status: answer.status, body: json(answer.bytes) }).toEqual({ status: 200, body: { received: true } });
		}
		expect(await newExecutionIds(n8n!, EVENTS_WORKFLOW_ID, before, chosen.length)).toHaveLength(chosen.length);
		const outputs = await sunkAtLeast(chosen.length);
		expect(outputs.map((output) => output.event).sort()).toEqual(chosen.map((body) => body.event).sort());
		expect(outputs.find((output) => output.event === 'quoteWon')).toMatchObject({ ...chosen[0], execution_date_iso: '2025-03-01T10:15:00.000Z' });
		expect(outputs.find((output) => output.event === 'DEALROOM_EVENT')).toMatchObject({ dealroom_action: 'DEAL_BOX_FILE_ADDED' });
	});

	test('wrong or missing secrets answer 401 and start no run; a repeated event id starts one run', async () => {
		const before = await executionIds(n8n!, EVENTS_WORKFLOW_ID);
		for (const authorization of [null, `Bearer wrong-${webhookToken}`, `Basic ${btoa(`user:${webhookToken}`)}`]) {
			const answer = await post('dealhub-e2e-events', quoteEvent('quoteWon'), authorization);
			expect({ status: answer.status, message: json(answer.bytes).message }).toEqual({ status: 401, message: expect.stringMatching(/^Unauthorized: /) });
			expect(answer.bytes.toString()).not.toContain(webhookToken);
		}
		const repeated = quoteEvent('quoteWon');
		for (let count = 0; count < 3; count++) expect((await post('dealhub-e2e-events', repeated)).status).toBe(200);
		expect(await newExecutionIds(n8n!, EVENTS_WORKFLOW_ID, before, 1)).toHaveLength(1);
	});

	test('Quote > Download Document: the document arrives as binary with the right bytes', async () => {
		quoteApi.quotes.push(quoteFixture('Q0000000000000D1', 'Q-30001', 'opp-doc'));
		const answer = await post('dealhub-e2e-document', { number: 'Q-30001' }, null);
		expect(answer.status).toBe(200);
		expect(answer.contentType).toContain('application/pdf');
		expect(answer.bytes.equals(pdfBytes('quote Q-30001'))).toBe(true);
	});

	test('Quote > Get: line items as items in real n8n; an unknown quote is DealHub’s 400 in its words', async () => {
		quoteApi.quotes.push(quoteFixture('Q0000000000000G1', 'Q-30002', 'opp-get'));
		const lines = await post('dealhub-e2e-quote', { id: 'Q0000000000000G1' }, null);
		expect(lines.status).toBe(200);
		expect((JSON.parse(lines.bytes.toString()) as Json[]).map((line) => [line.dealhub_quote_number, line.sku])).toEqual([
			['Q-30002', 'A-1'],
			['Q-30002', 'B-1'],
		]);
		const unknown = await post('dealhub-e2e-quote', { id: 'NOPE' }, null);
		expect({ status: unknown.status, body: json(unknown.bytes) }).toEqual({
			status: 502,
			body: { message: 'Entity (ID = NOPE) not found (HTTP 400 from GET /api/v2/quote/NOPE)' },
		});
	});

	test('example 5: a won quote moves its ONLYOFFICE opportunity to won, with the net total and the quote recorded', async () => {
		const opportunity = onlyoffice.seed({ title: 'Acme expansion', stageId: 12, description: 'Existing notes', bidValue: 5000 });
		quoteApi.quotes.push(quoteFixture('Q0000000000000W1', 'Q-40001', String(opportunity.id)));
		const before = await executionIds(n8n!, EXAMPLE_5_ID);
		const answer = await post('dealhub-quote-won', quoteEvent('quoteWon', 'Q0000000000000W1'));
		expect({ status: answer.status, body: json(answer.bytes) }).toEqual({ status: 200, body: { received: true } });
		expect(await newExecutionIds(n8n!, EXAMPLE_5_ID, before, 1)).toHaveLength(1);
		const stored = onlyoffice.opportunities.get(opportunity.id)!;
		expect({ stage: stored.stageId, bidValue: stored.bidValue, description: stored.description }).toEqual({
			stage: 13,
			bidValue: 10800,
			description: 'Existing notes\n\nDealHub quote Q-40001 won on 2025-03-01 10:15:00 GMT. DealRoom: https://dealroom.example/Q0000000000000W1',
		});
		expect(quoteApi.requests.at(-1)?.path).toBe('/api/v2/quote/Q0000000000000W1?feature=info&feature=summary&feature=deal_room_info');
	});
});

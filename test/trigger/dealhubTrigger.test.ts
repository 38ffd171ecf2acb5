import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { DealHubApi } from '../../credentials/DealHubApi.credentials';
import { DealHubWebhookApi } from '../../credentials/DealHubWebhookApi.credentials';
import { DealHubTrigger } from '../../nodes/DealHubTrigger/DealHubTrigger.node';
import { seenInThisProcess, seenRecently } from '../../nodes/DealHubTrigger/receiveEvent';
import { WebhookServer } from '../harness/webhookServer';
import { DealHubQuoteApiStandIn, quoteFixture } from '../standins/dealhubQuoteApi';

// The DealHub Trigger through n8n-core's webhook handling: DealHub's webhook bodies (the quote
// event shape the notes reconstruct, the documented DealRoom shape), its three authentication
// modes, event filters, duplicates, and Fetch Full Quote against the loopback Quote API.

const TOKEN = 'dummy-webhook-token-3c9e';
const API_TOKEN = 'dummy-dealhub-api-token-71b2';
const BEARER: ICredentialDataDecryptedObject = { authType: 'bearer', token: TOKEN };

let eventCounter = 0;
const quoteEvent = (event: string, extra: IDataObject = {}): IDataObject => ({
	event,
	event_info: { webhook_id: 'WH01', event_id: `EV${++eventCounter}`, api_version: '1.0' },
	execution_date: '2025-03-01 10:15:00',
	executed_by: 'rep@seller.example',
	dealhub_quote_id: 'Q0000000000000A1',
	dealhub_opportunity_id: 'DHOPP0000000001',
	additional_data: {},
	...extra,
});

const dealRoomEvent = (action: string): IDataObject => ({
	event: 'DEALROOM_EVENT',
	DealRoom_URL: 'https://dealroom.example/x',
	Dealhub_Opportunity_id: 'DHOPP0000000001',
	dealhub_quote_id: 'Q0000000000000A1',
	Event_source: 'DealRoom',
	executed_by: 'Unknown',
	execution_date: '2025-03-02 08:00:00',
	action_summary: { [action]: 'Someone did something' },
});

async function withTrigger(
	parameters: IDataObject,
	send: (post: (body: unknown, authorization?: string | null) => Promise<{ status: number; json: IDataObject }>, server: WebhookServer) => Promise<void>,
	credentials: Record<string, ICredentialDataDecryptedObject> = {},
) {
	const server = await new WebhookServer({
		nodes: [{ name: 'DealHub Trigger', type: new DealHubTrigger(), parameters, credentials: ['dealHubWebhookApi', 'dealHubApi'] }],
		credentialTypes: { dealHubWebhookApi: new DealHubWebhookApi(), dealHubApi: new DealHubApi() },
		credentials: { dealHubWebhookApi: BEARER, ...credentials },
	}).start();
	const post = async (body: unknown, authorization: string | null = `Bearer ${TOKEN}`) => {
		const headers: Record<string, string> = { 'content-type': 'application/json', 'x-dealhub-test': 'yes' };
		if (authorization !== null) headers.authorization = authorization;
		const response = await fetch(server.url, { method: 'POST', headers, body: JSON.stringify(body) });
		const json = (await response.json()) as IDataObject;
		await server.idle();
		return { status: response.status, json };
	};
	try {
		await send(post, server);
	} finally {
		await server.stop();
	}
}

const outputs = (server: WebhookServer) => server.executions.map((execution) => execution.result.output('DealHub Trigger').map((item) => item.json));

describe('DealHub Trigger', () => {
	test('a chosen quote event starts a run with the body as sent, the event name and ISO dates; others are answered 200 and start none', async () => {
		await withTrigger({ events: ['quoteWon', 'quoteReady'] }, async (post, server) => {
			const won = quoteEvent('quoteWon', { something_new: { nested: [1, 2] } });
			expect(await post(won)).toEqual({ status: 200, json: { received: true } });
			expect(await post(quoteEvent('draftQuote'))).toEqual({ status: 200, json: { received: true } });
			expect(await post({ unknown: 'shape' })).toEqual({ status: 200, json: { received: true } });
			expect(outputs(server)).toEqual([[{ ...won, event: 'quoteWon', execution_date_iso: '2025-03-01T10:15:00.000Z' }]]);
		});
	});

	test.each([
		['event_type', { event_type: 'quoteWon' }],
		['event_info.event', { event_info: { event: 'quoteWon', event_id: 'X1' } }],
		['Event in another letter case', { Event: 'quoteWon' }],
	])('reads the event name from %s too', async (_where, body) => {
		await withTrigger({ events: ['quoteWon'] }, async (post, server) => {
			await post(body);
			expect(outputs(server)[0][0]).toMatchObject({ event: 'quoteWon' });
		});
	});

	test('DealRoom activity: matched by its action_summary key, when DealRoom Actions names some', async () => {
		await withTrigger({ events: ['DEALROOM_EVENT'], dealRoomActions: 'DEAL_BOX_FILE_ADDED, DEAL_BOX_FILE_DOWNLOADED' }, async (post, server) => {
			await post(dealRoomEvent('DEAL_BOX_FILE_ADDED'));
			await post(dealRoomEvent('DEAL_BOX_DIRECTORY_CREATED'));
			expect(outputs(server)).toHaveLength(1);
			expect(outputs(server)[0][0]).toMatchObject({ event: 'DEALROOM_EVENT', dealroom_action: 'DEAL_BOX_FILE_ADDED', DealRoom_URL: 'https://dealroom.example/x' });
		});
	});

	test('Any Event starts a run for every event, named or not', async () => {
		await withTrigger({ events: ['*'] }, async (post, server) => {
			await post({ event: 'version', action: 'activated' });
			await post({ no: 'name' });
			expect(outputs(server).map((output) => output[0].event)).toEqual(['version', '']);
		});
	});

	test('wrong or missing secrets: 401 and no run; Basic works with its credential; None accepts any caller', async () => {
		await withTrigger({ events: ['*'] }, async (post, server) => {
			for (const authorization of [null, '', `Bearer wrong-${TOKEN}`, TOKEN, `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`]) {
				const answer = await post(quoteEvent('quoteWon'), authorization);
				expect({ authorization, status: answer.status, message: answer.json.message }).toEqual({
					authorization,
					status: 401,
					message: expect.stringMatching(/^Unauthorized: .*(header|DealHub Webhook credential)/),
				});
				expect(JSON.stringify(answer.json)).not.toContain(TOKEN);
			}
			expect(server.executions).toHaveLength(0);
		});
		const basic = { authType: 'basic', user: 'dealhub', password: 'dummy-pass:word' };
		await withTrigger(
			{ events: ['*'] },
			async (post, server) => {
				expect((await post(quoteEvent('quoteWon'), `Basic ${Buffer.from('dealhub:dummy-pass:word').toString('base64')}`)).status).toBe(200);
				expect((await post(quoteEvent('quoteWon'), `Basic ${Buffer.from('dealhub:other').toString('base64')}`)).status).toBe(401);
				expect(server.executions).toHaveLength(1);
			},
			{ dealHubWebhookApi: basic },
		);
		await withTrigger({ events: ['*'], authentication: 'none' }, async (post, server) => {
			expect((await post(quoteEvent('quoteWon'), null)).status).toBe(200);
			expect(server.executions).toHaveLength(1);
		});
	});

	test('a body that is not a JSON object is a 400 and no run', async () => {
		await withTrigger({ events: ['*'] }, async (post, server) => {
			expect(await post([1, 2])).toEqual({ status: 400, json: { message: 'Invalid DealHub event: the body must be a JSON object' } });
			expect(server.executions).toHaveLength(0);
		});
	});

	test('duplicates (the same event_info.event_id) start one run; with Drop Duplicates off, each starts one', async () => {
		const event = quoteEvent('quoteWon');
		await withTrigger({ events: ['quoteWon'] }, async (post, server) => {
			for (let count = 0; count < 3; count++) expect((await post(event)).status).toBe(200);
			await post(quoteEvent('quoteWon'));
			expect(server.executions).toHaveLength(2);
		});
		await withTrigger({ events: ['quoteWon'], options: { dropDuplicates: false } }, async (post, server) => {
			await post(event);
			await post(event);
			expect(server.executions).toHaveLength(2);
		});
	});

	test('the duplicate memory lives in the static data it is given, forgets after its window and holds at most 1,000 ids', () => {
		const minute = 60_000;
		const workflowA: IDataObject = {};
		const workflowB: IDataObject = {};
		expect(seenRecently(workflowA, 'E1', minute, 0)).toBe(false);
		expect(seenRecently(workflowA, 'E1', minute, minute - 1)).toBe(true);
		// What another process loads from the database is the same record.
		expect(seenRecently(JSON.parse(JSON.stringify(workflowA)) as IDataObject, 'E1', minute, minute)).toBe(true);
		expect(seenRecently(workflowA, 'E1', minute, 3 * minute)).toBe(false);
		expect(seenRecently(workflowB, 'E1', minute, 3 * minute)).toBe(false);
		// Ids that look like numbers keep their order (an object would sort them first).
		const workflowC: IDataObject = {};
		for (let index = 0; index < 1_050; index++) seenRecently(workflowC, index % 2 ? `E${index}` : String(index), 10 * minute, 5 * minute);
		expect(workflowC.seenEvents).toHaveLength(1_000);
		// The oldest ids made way for newer ones.
		expect(seenRecently(workflowC, '0', 10 * minute, 5 * minute)).toBe(false);
		expect(seenRecently(workflowC, 'E1049', 10 * minute, 5 * minute)).toBe(true);
		expect(seenRecently(workflowC, '1048', 10 * minute, 5 * minute)).toBe(true);
	});

	test('this process remembers ids too (a repeat may arrive before n8n saved the static data), per scope and window', () => {
		const minute = 60_000;
		expect(seenInThisProcess('scope-a', 'E1', minute, 0)).toBe(false);
		expect(seenInThisProcess('scope-a', 'E1', minute, minute - 1)).toBe(true);
		expect(seenInThisProcess('scope-a', 'E1', minute, 3 * minute)).toBe(false);
		expect(seenInThisProcess('scope-b', 'E1', minute, 3 * minute)).toBe(false);
	});

	test('headers on request, never the Authorization header', async () => {
		await withTrigger({ events: ['quoteWon'], options: { includeHeaders: true } }, async (post, server) => {
			await post(quoteEvent('quoteWon'));
			const headers = outputs(server)[0][0].headers as IDataObject;
			expect(headers['x-dealhub-test']).toBe('yes');
			expect(headers).not.toHaveProperty('authorization');
		});
	});

	describe('Fetch Full Quote', () => {
		let quoteApi: DealHubQuoteApiStandIn;
		beforeEach(async () => {
			quoteApi = await new DealHubQuoteApiStandIn(API_TOKEN).start();
			quoteApi.quotes.push(quoteFixture('Q0000000000000A1', 'Q-12927', 'opp-1'));
		});
		afterEach(async () => await quoteApi.stop());
		const apiCredential = () => ({ dealHubApi: { instanceUrl: 'http://127.0.0.1:9', authenticationToken: API_TOKEN, quoteApiUrl: quoteApi.baseUrl } });

		test('a quote event’s output holds the quote with the chosen blocks, read after DealHub got its answer', async () => {
			await withTrigger(
				{ events: ['quoteWon', 'DEALROOM_EVENT'], fetchQuote: true, quoteDetails: ['info', 'summary'] },
				async (post, server) => {
					await post(quoteEvent('quoteWon'));
					await post(dealRoomEvent('DEAL_BOX_FILE_ADDED'));
					const [[won], [dealRoom]] = outputs(server);
					expect(won.quote).toMatchObject({ dealhub_quote_id: 'Q0000000000000A1', summary: { total_net_price: 10800 }, info: { dealhub_quote_number: 'Q-12927', won_date_iso: '2025-03-01T10:15:00.000Z' } });
					expect(dealRoom).not.toHaveProperty('quote');
					expect(quoteApi.requests.map((request) => request.path)).toEqual(['/api/v2/quote/Q0000000000000A1?feature=info&feature=summary']);
					expect(quoteApi.requests[0].headers.authorization).toBe(`Bearer ${API_TOKEN}`);
				},
				apiCredential(),
			);
		});

		test('a quote DealHub does not know: the run starts with quote null and the reason', async () => {
			await withTrigger(
				{ events: ['quoteWon'], fetchQuote: true },
				async (post, server) => {
					await post(quoteEvent('quoteWon', { dealhub_quote_id: 'GONE' }));
					expect(outputs(server)[0][0]).toMatchObject({ quote: null, quote_error: 'Entity (ID = GONE) not found (HTTP 400 from GET /api/v2/quote/GONE)' });
				},
				apiCredential(),
			);
		});
	});
});

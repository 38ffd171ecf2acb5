import { DealHubStandIn } from '../standins/dealhub';
import { OnlyOfficeStandIn } from '../standins/onlyoffice';
import { executionIds, newExecutionIds } from './calloutExecutions';
import type { RunningQueueMode } from './harness';
import {
	LAUNCH_TIMEOUT_MS,
	exampleWorkflow,
	fixtureWorkflow,
	launchQueueMode,
	n8nVersionsUnderTest,
	randomSecret,
	waitUntil,
} from './harness';

// The pack in n8n's queue mode: Postgres, Redis, one main, one webhook processor and one worker,
// every request sent to the webhook processor. Callouts priced by a workflow run on the worker and
// their answer travels back through Redis to the caller still waiting at the webhook processor; the
// trigger's own price list is answered by the webhook processor alone. Then the faults: a worker
// stopped or killed while a callout waits, and Redis restarted. Queue mode is proven on n8n 2.x.

const EXAMPLE_1_ID = 'dhExample01Price';
const VARIANTS_ID = 'e2eCalloutVarnts';
const BEARER_CREDENTIAL = { id: 'dhCalloutCred001', name: 'DealHub Callout account', type: 'dealHubCalloutApi' };
const BASIC_CREDENTIAL = { id: 'e2eCalloutBasic1', name: 'DealHub Callout basic', type: 'dealHubCalloutApi' };
const ONLYOFFICE_CREDENTIAL = { id: 'ooExampleCred001', name: 'ONLYOFFICE account', type: 'onlyOfficeCrmApi' };
const DEALHUB_CREDENTIAL = { id: 'dhExampleCred001', name: 'DealHub account', type: 'dealHubApi' };
const BASIC_USER = 'dealhub-e2e';

/**
 * Bull's lock on a running job and its check for stalled jobs, shortened from n8n's defaults (60 s
 * and 30 s) so that a killed worker's callout is given up within this test's patience. The README
 * states the bound with the defaults.
 */
const WORKER_LOCK_MS = 6000;
const STALLED_INTERVAL_MS = 5000;
/**
 * When the caller of a callout whose worker was killed must have n8n's answer, counted from the
 * moment a worker is back: the lock runs out, the next stalled check fails the job, and n8n then
 * looks at the execution in the database for up to 30 s before it gives up on it.
 */
const KILLED_WORKER_ANSWER_BOUND_MS = WORKER_LOCK_MS + STALLED_INTERVAL_MS + 30000 + 10000;

/** Example 1's price rows. */
const TABLE: Record<string, number> = { 'A-1': 100, 'B-111': 30, 'B-222': 45.5, 'B-333': 12.25 };

type Json = Record<string, unknown>;

interface Answer {
	status: number;
	json: Json | undefined;
	text: string;
	ms: number;
}

async function post(url: string, body: unknown, authorization: string | null): Promise<Answer> {
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (authorization !== null) headers.authorization = authorization;
	const started = performance.now();
	const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
	const text = await response.text();
	let json: Json | undefined;
	try {
		json = JSON.parse(text) as Json;
	} catch {
		json = undefined;
	}
	return { status: response.status, json, text, ms: performance.now() - started };
}

const product = (id: number, sku: string, quantity = 2): Json => ({ id, sku, type: 'product', quantity });
const bundle = (id: number, sku: string, children: Json[]): Json => ({ id, sku, type: 'bundle', quantity: 1, bundle_items: children });
const callout = (items: Json[]): Json => ({
	request_id: `R-${randomSecret().slice(0, 8)}`,
	playbook_answers: { 'general.currency': 'USD' },
	items,
});

const SIMPLE_ITEMS = (): Json[] => [product(1, 'A-1'), bundle(2, 'B-1', [product(3, 'B-111'), product(4, 'B-222')])];
const SIMPLE_ANSWER = {
	items: [
		{ id: 1, sku: 'A-1', price: 100 },
		{ id: 2, sku: 'B-1', bundle_items: [{ id: 3, sku: 'B-111', price: 30 }, { id: 4, sku: 'B-222', price: 45.5 }] },
	],
};

/** A callout of its own for caller `index`: its own item ids and its own choice of SKUs. */
function ownCallout(index: number): { body: Json; expected: Json } {
	const skus = Object.keys(TABLE);
	const chosen = [skus[index % 4], skus[(index + 1) % 4], skus[(index + 3) % 4]];
	const items = chosen.map((sku, position) => product(index * 100 + position, sku, index + 1));
	return {
		body: callout(items),
		expected: { items: chosen.map((sku, position) => ({ id: index * 100 + position, sku, price: TABLE[sku] })) },
	};
}

const queueVersions = n8nVersionsUnderTest().filter((version) => Number(version.split('.')[0]) >= 2);

(queueVersions.length > 0 ? describe.each(queueVersions) : describe.skip.each(['2.x']))('queue mode (n8n %s)', (version) => {
	let token = randomSecret();
	const basicPassword = randomSecret();
	const onlyoffice = new OnlyOfficeStandIn({ paging: { pageCap: 25 } });
	const dealhubSecret = randomSecret();
	const dealhub = new DealHubStandIn({ secret: dealhubSecret });
	let n8n: RunningQueueMode | undefined;

	const bearer = () => `Bearer ${token}`;
	const basic = `Basic ${Buffer.from(`${BASIC_USER}:${basicPassword}`).toString('base64')}`;
	const url = (path: string) => n8n!.webhookUrl(path);
	/** What the worker logged about the executions it ran. */
	const workerRan = (executionId: string) => n8n!.worker().logText().includes(`Worker finished execution ${executionId} `);
	const count = (text: string, line: string) => text.split(line).length - 1;
	/** Sends the slow callout once the worker has finished every other run; resolves when the worker runs it. */
	const slowCalloutRunning = async (): Promise<{ answer: Promise<Answer> }> => {
		const worker = n8n!.worker();
		const idle = (log: string) => count(log, 'Worker started execution') === count(log, 'Worker finished execution');
		expect(idle(await waitUntil(() => worker.logSinceStart(), idle, 20000))).toBe(true);
		const mark = worker.logSinceStart().length;
		const answer = post(url('callout-e2e-slow'), callout(SIMPLE_ITEMS()), bearer());
		const started = await waitUntil(() => worker.logSinceStart().slice(mark), (log) => log.includes('Worker started execution'), 20000);
		expect(started).toContain('Worker started execution');
		// Wrapped: an async function would wait for a promise it returns.
		return { answer };
	};

	beforeAll(async () => {
		await onlyoffice.start();
		await dealhub.start();
		const user = onlyoffice.users[1];
		n8n = await launchQueueMode(version, {
			credentials: [
				{ ...BEARER_CREDENTIAL, data: { authType: 'bearer', token } },
				{ ...BASIC_CREDENTIAL, data: { authType: 'basic', user: BASIC_USER, password: basicPassword } },
				{
					...ONLYOFFICE_CREDENTIAL,
					data: { portalUrl: `${onlyoffice.baseUrl}/`, authentication: 'password', userName: user.userName, password: user.password },
				},
				{ ...DEALHUB_CREDENTIAL, data: { instanceUrl: dealhub.baseUrl, authenticationToken: dealhubSecret } },
			],
			workflows: [
				exampleWorkflow('1-pricing-callout.json'),
				fixtureWorkflow('callout-variants.json'),
				fixtureWorkflow('queue-slow-callout.json'),
				exampleWorkflow('4-onlyoffice-won-to-dealhub.json'),
			],
			env: {
				QUEUE_WORKER_LOCK_DURATION: String(WORKER_LOCK_MS),
				QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
				QUEUE_WORKER_STALLED_INTERVAL: String(STALLED_INTERVAL_MS),
			},
		});
	}, LAUNCH_TIMEOUT_MS);

	afterAll(async () => {
		await n8n?.stop();
		await onlyoffice.stop();
		await dealhub.stop();
	});

	test('callouts priced by a workflow (Bearer and Basic) are answered at the webhook processor, the workflow run on the worker', async () => {
		const exampleBefore = await executionIds(n8n!, EXAMPLE_1_ID);
		const variantsBefore = await executionIds(n8n!, VARIANTS_ID);

		const bearerAnswer = await post(url('pricing-callout'), callout(SIMPLE_ITEMS()), bearer());
		const basicAnswer = await post(url('callout-e2e-basic'), callout(SIMPLE_ITEMS()), basic);

		expect({ status: bearerAnswer.status, body: bearerAnswer.json }).toEqual({ status: 200, body: SIMPLE_ANSWER });
		expect({ status: basicAnswer.status, body: basicAnswer.json }).toEqual({ status: 200, body: SIMPLE_ANSWER });
		const ran = [...(await newExecutionIds(n8n!, EXAMPLE_1_ID, exampleBefore, 1)), ...(await newExecutionIds(n8n!, VARIANTS_ID, variantsBefore, 1))];
		expect(ran).toHaveLength(2);
		for (const id of ran) expect({ id, onWorker: workerRan(id) }).toEqual({ id, onWorker: true });
	});

	test('20 concurrent callouts, each answered with its own prices', async () => {
		const callouts = Array.from({ length: 20 }, (_, index) => ownCallout(index));
		const answers = await Promise.all(callouts.map(({ body }) => post(url('pricing-callout'), body, bearer())));
		answers.forEach((answer, index) => {
			expect({ index, status: answer.status, body: answer.json }).toEqual({ index, status: 200, body: callouts[index].expected });
		});
	});

	test('the price list is answered by the webhook processor and queues no execution', async () => {
		const queuedBefore = await n8n!.jobsQueued();
		const items = [product(1, 'A-1', 3), bundle(2, 'B-1', [product(3, 'B-111', 4), product(4, 'B-222')])];

		const answer = await post(url('callout-e2e-price-list'), callout(items), bearer());

		expect({ status: answer.status, body: answer.json }).toEqual({
			status: 200,
			body: {
				items: [
					{ id: 1, sku: 'A-1', list_price: 100, MSRP: 150 },
					{ id: 2, sku: 'B-1', bundle_items: [{ id: 3, sku: 'B-111', list_price: 120 }, { id: 4, sku: 'B-222', list_price: 45.5 }] },
				],
			},
		});
		expect(await n8n!.jobsQueued()).toBe(queuedBefore);
	});

	test('a refused callout (wrong or missing secret) answers 401 and queues nothing', async () => {
		const queuedBefore = await n8n!.jobsQueued();
		for (const authorization of [`Bearer wrong-${token}`, null]) {
			const answer = await post(url('pricing-callout'), callout(SIMPLE_ITEMS()), authorization);
			expect({ status: answer.status, message: answer.json?.message }).toEqual({ status: 401, message: expect.stringMatching(/^Unauthorized: /) });
			expect(answer.text).not.toContain(token);
		}
		expect(await n8n!.jobsQueued()).toBe(queuedBefore);
		// The counter moves for an accepted callout: it does count what was queued.
		expect((await post(url('pricing-callout'), callout(SIMPLE_ITEMS()), bearer())).status).toBe(200);
		expect(await n8n!.jobsQueued()).toBe(queuedBefore + 1);
	});

	test('a callout secret changed on the main is accepted by the webhook processor at once; the old one stops within 5 s', async () => {
		// The webhook processor has just verified (and cached) the current secret.
		expect((await post(url('pricing-callout'), callout(SIMPLE_ITEMS()), bearer())).status).toBe(200);
		const oldToken = token;
		const session = await n8n!.ownerSession();
		const newToken = randomSecret();
		const changed = await session.patch(`/credentials/${BEARER_CREDENTIAL.id}`, {
			...BEARER_CREDENTIAL,
			data: { authType: 'bearer', token: newToken },
		});
		expect(changed.status).toBe(200);
		const changedAt = Date.now();
		token = newToken;

		const withNew = await post(url('pricing-callout'), callout(SIMPLE_ITEMS()), `Bearer ${newToken}`);
		expect({ status: withNew.status, body: withNew.json }).toEqual({ status: 200, body: SIMPLE_ANSWER });

		// The old secret: refused once the webhook processor's cached copy is older than 5 s.
		const refusedOld = async () => (await post(url('pricing-callout'), callout(SIMPLE_ITEMS()), `Bearer ${oldToken}`)).status;
		const status = await waitUntil(refusedOld, (answered) => answered === 401, 8000);
		const tookMs = Date.now() - changedAt;
		expect({ status, withinMs: tookMs <= 8000 }).toEqual({ status: 401, withinMs: true });
	});

	test('the ONLYOFFICE CRM and DealHub nodes run on the worker against the stand-ins (example 4)', async () => {
		const won = onlyoffice.seed({ title: 'Queue-mode expansion', stageId: 13, contactId: 41, bidCurrency: 'EUR', bidValue: 5000 });
		const rep = { id: 'crm-user-17', email: 'riley@seller.example', name: 'Riley Rep' };
		const before = await executionIds(n8n!, 'dhExample04OoWon');

		const answer = await post(url('onlyoffice-won-to-dealhub'), { opportunity_id: won.id, user: rep, geo_code: 'EU' }, null);

		expect({ status: answer.status, body: answer.json }).toEqual({
			status: 200,
			body: {
				quote_url: expect.stringMatching(new RegExp(`^${dealhub.baseUrl}/cpq/quote/\\d+\\?new=1$`)),
				dealhub_user_id: dealhub.issuedTokens[dealhub.issuedTokens.length - 1].userId,
				opportunity_id: won.id,
			},
		});
		expect(answer.text).not.toContain(dealhubSecret);
		const [id] = await newExecutionIds(n8n!, 'dhExample04OoWon', before, 1);
		expect({ id, onWorker: workerRan(id) }).toEqual({ id, onWorker: true });
	});

	test('worker stopped (SIGTERM) while a callout waits: it finishes that callout first; the next callout after it is back succeeds', async () => {
		const worker = n8n!.worker();
		const waiting = (await slowCalloutRunning()).answer;

		const stopped = worker.stop(60000);
		const answer = await waiting;
		await stopped;

		expect({ status: answer.status, body: answer.json }).toEqual({ status: 200, body: SIMPLE_ANSWER });
		await n8n!.restartWorker();
		expect((await post(url('pricing-callout'), callout(SIMPLE_ITEMS()), bearer())).status).toBe(200);
	}, 120000);

	test(`worker killed while a callout waits: the caller gets n8n's error, within ${KILLED_WORKER_ANSWER_BOUND_MS / 1000} s of a worker being back; the next callout succeeds`, async () => {
		const worker = n8n!.worker();
		const waiting = (await slowCalloutRunning()).answer;

		await worker.kill();
		await n8n!.restartWorker();
		const backAt = performance.now();
		const answer = await waiting;
		const afterBackMs = performance.now() - backAt;

		expect({ status: answer.status, body: answer.json }).toEqual({ status: 500, body: { message: 'Error in workflow' } });
		expect({ afterBackMs, withinBound: afterBackMs <= KILLED_WORKER_ANSWER_BOUND_MS }).toEqual({ afterBackMs, withinBound: true });
		const next = await post(url('pricing-callout'), callout(SIMPLE_ITEMS()), bearer());
		expect({ status: next.status, body: next.json }).toEqual({ status: 200, body: SIMPLE_ANSWER });
	}, 180000);

	test('Redis restarted: the next callouts succeed, priced by the workflow and by the price list', async () => {
		await n8n!.restartRedis();

		const priced = await post(url('pricing-callout'), callout(SIMPLE_ITEMS()), bearer());
		const listed = await post(url('callout-e2e-price-list'), callout([product(1, 'A-1', 3)]), bearer());
		expect({ status: priced.status, body: priced.json }).toEqual({ status: 200, body: SIMPLE_ANSWER });
		expect({ status: listed.status, body: listed.json }).toEqual({ status: 200, body: { items: [{ id: 1, sku: 'A-1', list_price: 100, MSRP: 150 }] } });
		// Every n8n process is still up: none gave up on Redis.
		expect(n8n!.cluster.processes.map((instance) => [instance.name, instance.running])).toEqual(
			n8n!.cluster.processes.map((instance) => [instance.name, true]),
		);
	}, 120000);
});

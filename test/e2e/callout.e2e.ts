import fc from 'fast-check';

import { executionIds, newExecutionIds } from './calloutExecutions';
import type { RunningN8n } from './harness';
import { LAUNCH_TIMEOUT_MS, describeEachN8nVersion, exampleWorkflow, fixtureWorkflow, launchN8n, randomSecret } from './harness';

// Pricing callouts in a real n8n, over real HTTP: example 1 (trigger with the SKUs to price ->
// Edit Fields holding the price rows -> Response priced from rows, Bearer) and
// test/e2e/workflows/callout-variants.json (Basic, per line item with list_price, and the
// trigger's own price list).

const EXAMPLE_WORKFLOW_ID = 'dhExample01Price';
const VARIANTS_WORKFLOW_ID = 'e2eCalloutVarnts';
const BEARER_CREDENTIAL = { id: 'dhCalloutCred001', name: 'DealHub Callout account', type: 'dealHubCalloutApi' };
const BASIC_CREDENTIAL = { id: 'e2eCalloutBasic1', name: 'DealHub Callout basic', type: 'dealHubCalloutApi' };
const BASIC_USER = 'dealhub-e2e';

/** The prices in example 1's "Price rows" table. */
const TABLE: Record<string, number> = { 'A-1': 100, 'B-111': 30, 'B-222': 45.5, 'B-333': 12.25 };

type Json = Record<string, unknown>;

interface Answer {
	status: number;
	contentType: string | null;
	text: string;
	json: Json | undefined;
}

interface CalloutOptions {
	/** The Authorization header; null sends none. */
	authorization: string | null;
	/** Default application/json; null sends none. */
	contentType?: string | null;
	/** Sent as is instead of JSON.stringify(body). */
	raw?: string;
}

async function callout(url: string, body: unknown, options: CalloutOptions): Promise<Answer> {
	const headers: Record<string, string> = {};
	if (options.authorization !== null) headers.authorization = options.authorization;
	const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
	if (contentType !== null) headers['content-type'] = contentType;
	const text = options.raw ?? JSON.stringify(body);
	const response = await fetch(url, {
		method: 'POST',
		headers,
		// A string body would make fetch add text/plain itself; bytes go without a content type.
		body: contentType === null ? new TextEncoder().encode(text) : text,
	});
	const answerText = await response.text();
	let json: Json | undefined;
	try {
		const parsed: unknown = JSON.parse(answerText);
		json = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Json) : undefined;
	} catch {
		json = undefined;
	}
	return { status: response.status, contentType: response.headers.get('content-type'), text: answerText, json };
}

const product = (id: number, sku: string, extra: Json = {}): Json => ({ id, sku, type: 'product', quantity: 2, ...extra });
const bundle = (id: number, sku: string, children: Json[]): Json => ({ id, sku, type: 'bundle', quantity: 1, bundle_items: children });
const request = (items: Json[], extra: Json = {}): Json => ({
	request_id: `R-${randomSecret().slice(0, 8)}`,
	playbook_answers: { 'general.currency': 'USD', 'general.geo': 'North America' },
	items,
	...extra,
});

/** A callout with a product and a bundle of two, as DealHub sends it. */
const SIMPLE_ITEMS = (): Json[] => [product(1, 'A-1'), bundle(2, 'B-1', [product(3, 'B-111'), product(4, 'B-222')])];
const SIMPLE_ANSWER = (priceField: string) => ({
	items: [
		{ id: 1, sku: 'A-1', [priceField]: 100 },
		{
			id: 2,
			sku: 'B-1',
			bundle_items: [
				{ id: 3, sku: 'B-111', [priceField]: 30 },
				{ id: 4, sku: 'B-222', [priceField]: 45.5 },
			],
		},
	],
});

// ---------------------------------------------------------------------------------------------
// Random and mutated callouts for the robustness test
// ---------------------------------------------------------------------------------------------

const knownSku = fc.constantFrom(...Object.keys(TABLE));
const lineItems = fc.letrec<{ product: Json; bundle: Json; item: Json }>((tie) => ({
	product: fc
		.record(
			{
				sku: knownSku,
				quantity: fc.integer({ min: 1, max: 50 }),
				duration: fc.integer({ min: 0, max: 36 }),
				family: fc.constantFrom('hardware', 'software'),
				returned_attributes: fc.dictionary(fc.constantFrom('MSRP', 'start_date'), fc.constantFrom('number', 'date'), {
					maxKeys: 2,
				}),
				color: fc.jsonValue({ maxDepth: 1 }),
			},
			{ requiredKeys: ['sku'] },
		)
		.map((fields): Json => ({ id: 0, type: 'product', ...fields })),
	bundle: fc
		.record({ sku: fc.constantFrom('B-1', 'B-2'), bundle_items: fc.array(tie('item'), { maxLength: 3 }) })
		.map((fields): Json => ({ id: 0, type: 'bundle', ...fields })),
	item: fc.oneof({ depthSize: 'small' }, tie('product'), tie('bundle')),
})).item;

/** Gives every item of the tree a distinct id, as DealHub does. */
function renumber(items: Json[], next = { id: 1 }): Json[] {
	for (const item of items) {
		item.id = next.id++;
		if (Array.isArray(item.bundle_items)) renumber(item.bundle_items as Json[], next);
	}
	return items;
}

const validRequest = fc
	.record({
		request_id: fc.string({ minLength: 1, maxLength: 12 }),
		playbook_answers: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
		items: fc.array(lineItems, { minLength: 1, maxLength: 5 }),
	})
	.map((body): Json => ({ ...body, items: renumber(body.items) }));

/** Every (container, key) pair inside a JSON value, to pick a mutation point from. */
function slots(value: unknown, found: Array<[Json, string]> = []): Array<[Json, string]> {
	if (value === null || typeof value !== 'object') return found;
	for (const key of Object.keys(value)) {
		found.push([value as Json, key]);
		slots((value as Json)[key], found);
	}
	return found;
}

/** Changes that make any callout invalid; applied last, so no random mutation undoes them. */
const BREAKERS: Array<(body: Json) => void> = [
	(body) => delete body.request_id,
	(body) => (body.request_id = ''),
	(body) => (body.request_id = 42),
	(body) => (body.items = { 0: 'not a list' }),
	(body) => (body.items = 'A-1'),
	(body) => delete body.items,
	(body) => (Array.isArray(body.items) ? body.items.push({ id: 99001, sku: 'B-9', type: 'bundle' }) : delete body.items),
	(body) => (Array.isArray(body.items) ? body.items.push({ id: 99002, sku: '', type: 'product' }) : delete body.items),
	(body) => (Array.isArray(body.items) ? body.items.push({ id: 99003.5, sku: 'A-1', type: 'product' }) : delete body.items),
	(body) => (Array.isArray(body.items) ? body.items.push({ id: 99004, sku: 'A-1', type: 'service' }) : delete body.items),
	(body) => (Array.isArray(body.items) ? body.items.push({ id: 99005, sku: 'A-1', type: 'product', quantity: '2' }) : delete body.items),
	(body) =>
		Array.isArray(body.items)
			? body.items.push({ id: 99006, sku: 'A-1', type: 'product' }, { id: 99006, sku: 'A-1', type: 'product' })
			: delete body.items,
	(body) => (body.items = [nestedTooDeep(20)]),
];

function nestedTooDeep(levels: number): Json {
	let item: Json = { id: 1000 + levels, sku: 'A-1', type: 'product' };
	for (let level = levels - 1; level >= 0; level--) item = { id: 1000 + level, sku: 'B-1', type: 'bundle', bundle_items: [item] };
	return item;
}

type Target = 'example' | 'priceList';
type Kind = 'mutated' | 'random' | 'unauthorized' | 'malformed' | 'contentType' | 'unpriced';

interface FuzzCase {
	kind: Kind;
	target: Target;
	/** The correct Authorization header is replaced by this when set (null: none at all). */
	authorization?: string | null;
	contentType?: string | null;
	raw: string;
}

const mutation = fc.record({ at: fc.nat(), remove: fc.boolean(), value: fc.jsonValue({ maxDepth: 2 }) });
const target = fc.constantFrom<Target>('example', 'example', 'priceList');

const mutatedCase = fc
	.tuple(validRequest, fc.array(mutation, { maxLength: 3 }), fc.nat({ max: BREAKERS.length - 1 }), target)
	.map(([body, mutations, breaker, to]): FuzzCase => {
		for (const { at, remove, value } of mutations) {
			const points = slots(body);
			if (points.length === 0) break;
			const [container, key] = points[at % points.length];
			if (remove) delete container[key];
			else container[key] = value;
		}
		BREAKERS[breaker](body);
		return { kind: 'mutated', target: to, raw: JSON.stringify(body) };
	});

const randomCase = fc
	.tuple(fc.jsonValue({ maxDepth: 3 }), target)
	.map(([value, to]): FuzzCase => ({ kind: 'random', target: to, raw: JSON.stringify(value) }));

const wrongAuthorization = fc.oneof(
	fc.constant(null),
	fc.constant(''),
	fc.constant('Bearer'),
	fc.constant(`Basic ${btoa('dealhub-e2e:wrong')}`),
	fc.string({ maxLength: 40 }).map((text) => `Bearer ${text.replace(/[^\x21-\x7e]/g, 'x')}x`),
	fc.string({ maxLength: 40 }).map((text) => text.replace(/[^\x20-\x7e]/g, '')),
);

const unauthorizedCase = fc
	.tuple(fc.oneof(validRequest, fc.jsonValue({ maxDepth: 2 })), wrongAuthorization, target)
	.map(([body, authorization, to]): FuzzCase => ({ kind: 'unauthorized', target: to, authorization, raw: JSON.stringify(body) }));

const malformedCase = fc
	.tuple(validRequest, fc.double({ min: 0, max: 1, noNaN: true }), target)
	.map(([body, where, to]): FuzzCase => {
		const text = JSON.stringify(body);
		// Cut anywhere before the closing brace: never valid JSON.
		const cut = 1 + Math.floor(where * (text.length - 2));
		return { kind: 'malformed', target: to, raw: text.slice(0, cut) };
	});

const contentTypeCase = fc
	.tuple(validRequest, fc.constantFrom<string | null>(null, 'text/plain', 'application/x-www-form-urlencoded', 'text/csv'), target)
	.map(([body, contentType, to]): FuzzCase => ({ kind: 'contentType', target: to, contentType, raw: JSON.stringify(body) }));

/** Valid callouts with a product no price table knows: the example's workflow runs and answers 400. */
const unpricedCase = fc
	.tuple(validRequest, fc.string({ minLength: 1, maxLength: 10 }), target)
	.map(([body, sku, to]): FuzzCase => {
		const items = body.items as Json[];
		items.unshift({ id: 50000, sku: `NOPE-${sku}`, type: 'product', quantity: 1 });
		return { kind: 'unpriced', target: to, raw: JSON.stringify(body) };
	});

const fuzzCase = fc.oneof(
	{ arbitrary: mutatedCase, weight: 4 },
	{ arbitrary: randomCase, weight: 2 },
	{ arbitrary: unauthorizedCase, weight: 2 },
	{ arbitrary: malformedCase, weight: 1 },
	{ arbitrary: contentTypeCase, weight: 1 },
	{ arbitrary: unpricedCase, weight: 1 },
);

/** Fixed, so every run sends the same 1,000 callouts and a failure can be replayed. */
const FUZZ_SEED = 20250906;
const FUZZ_RUNS = 1000;
const FUZZ_CONCURRENCY = 4;

/** What each kind must answer (beyond: 4xx, JSON, a message, never the secret). */
function expectedStatus(kind: Kind): number[] {
	switch (kind) {
		case 'unauthorized':
			return [401];
		case 'malformed':
			return [422];
		case 'random':
			// A top-level string or number is not a JSON object: n8n may refuse to parse it itself.
			return [400, 422];
		default:
			return [400];
	}
}

describeEachN8nVersion('DealHub pricing callouts', (version) => {
	const token = randomSecret();
	const basicPassword = `pw:${randomSecret()}`;
	const bearer = `Bearer ${token}`;
	const basic = `Basic ${btoa(`${BASIC_USER}:${basicPassword}`)}`;
	let n8n: RunningN8n | undefined;

	const url = (path: string) => n8n!.webhookUrl(path);
	const exampleUrl = () => url('pricing-callout');
	const basicUrl = () => url('callout-e2e-basic');
	const listPriceUrl = () => url('callout-e2e-list-price');
	const priceListUrl = () => url('callout-e2e-price-list');
	const csvPriceListUrl = () => url('callout-e2e-price-list-csv');

	/** No secret ever goes back to the caller. */
	const expectNoSecret = (answer: Answer) => {
		expect(answer.text).not.toContain(token);
		expect(answer.text).not.toContain(basicPassword);
	};

	beforeAll(async () => {
		n8n = await launchN8n(version, {
			credentials: [
				{ ...BEARER_CREDENTIAL, data: { authType: 'bearer', token } },
				{ ...BASIC_CREDENTIAL, data: { authType: 'basic', user: BASIC_USER, password: basicPassword } },
			],
			workflows: [exampleWorkflow('1-pricing-callout.json'), fixtureWorkflow('callout-variants.json')],
		});
	}, LAUNCH_TIMEOUT_MS);

	afterAll(async () => {
		await n8n?.stop();
	});

	test('Bearer: example 1 prices the line items from its price rows and answers in the request’s shape', async () => {
		const before = await executionIds(n8n!, EXAMPLE_WORKFLOW_ID);
		// DealHub sends the secret twice: in the header and in the body field `authentication`.
		const answer = await callout(exampleUrl(), request(SIMPLE_ITEMS(), { authentication: token }), { authorization: bearer });

		expect({ status: answer.status, body: answer.json }).toEqual({ status: 200, body: SIMPLE_ANSWER('price') });
		expect(answer.contentType).toContain('application/json');
		expectNoSecret(answer);
		expect(await newExecutionIds(n8n!, EXAMPLE_WORKFLOW_ID, before, 1)).toHaveLength(1);
	});

	test('Basic: the user name and password of the credential, also as user:password in the body', async () => {
		const header = await callout(basicUrl(), request(SIMPLE_ITEMS()), { authorization: basic });
		const headerAndBody = await callout(
			basicUrl(),
			request(SIMPLE_ITEMS(), { authentication: `${BASIC_USER}:${basicPassword}` }),
			{ authorization: basic.replace('Basic', 'basic') },
		);

		for (const answer of [header, headerAndBody]) {
			expect({ status: answer.status, body: answer.json }).toEqual({ status: 200, body: SIMPLE_ANSWER('price') });
			expectNoSecret(answer);
		}
	});

	test('wrong and missing secrets: 401 with a JSON message, and no execution', async () => {
		const cases: Array<{ url: string; authorization: string | null; body?: Json }> = [
			{ url: exampleUrl(), authorization: null },
			{ url: exampleUrl(), authorization: '' },
			{ url: exampleUrl(), authorization: `Bearer wrong-${token}` },
			{ url: exampleUrl(), authorization: token },
			{ url: exampleUrl(), authorization: basic },
			{ url: exampleUrl(), authorization: bearer, body: { authentication: `wrong-${token}` } },
			{ url: basicUrl(), authorization: null },
			{ url: basicUrl(), authorization: `Basic ${btoa(`${BASIC_USER}:wrong`)}` },
			{ url: basicUrl(), authorization: bearer },
			{ url: basicUrl(), authorization: basic, body: { authentication: `${BASIC_USER}:wrong` } },
			{ url: priceListUrl(), authorization: null },
			{ url: priceListUrl(), authorization: `Bearer wrong-${token}` },
		];
		const exampleBefore = await executionIds(n8n!, EXAMPLE_WORKFLOW_ID);
		const variantsBefore = await executionIds(n8n!, VARIANTS_WORKFLOW_ID);

		for (const { url: target, authorization, body } of cases) {
			const answer = await callout(target, request(SIMPLE_ITEMS(), body), { authorization });
			expect({ case: { target, authorization }, status: answer.status, message: answer.json?.message }).toEqual({
				case: { target, authorization },
				status: 401,
				message: expect.stringMatching(/^Unauthorized: /),
			});
			expect(answer.contentType).toContain('application/json');
			expectNoSecret(answer);
		}

		// One valid callout to each workflow afterwards: it is the only new execution.
		expect((await callout(exampleUrl(), request(SIMPLE_ITEMS()), { authorization: bearer })).status).toBe(200);
		expect((await callout(basicUrl(), request(SIMPLE_ITEMS()), { authorization: basic })).status).toBe(200);
		expect(await newExecutionIds(n8n!, EXAMPLE_WORKFLOW_ID, exampleBefore, 1)).toHaveLength(1);
		expect(await newExecutionIds(n8n!, VARIANTS_WORKFLOW_ID, variantsBefore, 1)).toHaveLength(1);
	});

	test('schema errors: 400 with a JSON message naming the path, and no execution', async () => {
		const cases: Array<{ body: unknown; contentType?: string | null; message: string }> = [
			{
				body: request([product(1, 'A-1'), bundle(2, 'B-1', [{ id: 3, type: 'product' }])]),
				message: 'items[1].bundle_items[0].sku: required',
			},
			{ body: request([product(1, 'A-1', { type: 'service' })]), message: 'items[0].type: expected one of product, bundle' },
			{ body: request([product(1.5, 'A-1')]), message: 'items[0].id' },
			{ body: request([product(1, 'A-1', { quantity: 'two' })]), message: 'items[0].quantity: expected number, got string' },
			{ body: { items: [product(1, 'A-1')] }, message: 'request_id: required' },
			{ body: request([{ id: 1, sku: 'B-1', type: 'bundle' }]), message: 'items[0].bundle_items: required for a bundle' },
			{ body: request([product(1, 'A-1'), product(1, 'B-111')]), message: 'items[1].id: duplicate id 1' },
			{ body: request([nestedTooDeep(20)]), message: 'bundles nest deeper than 16 levels' },
			{ body: [product(1, 'A-1')], message: '(body): expected object, got array' },
			{ body: request(SIMPLE_ITEMS()), contentType: 'text/plain', message: 'Content-Type must be application/json' },
		];
		const before = await executionIds(n8n!, EXAMPLE_WORKFLOW_ID);

		for (const { body, contentType, message } of cases) {
			const answer = await callout(exampleUrl(), body, { authorization: bearer, contentType });
			expect({ status: answer.status, message: answer.json?.message }).toEqual({
				status: 400,
				message: expect.stringContaining(message),
			});
			expect(answer.json?.message).toMatch(/^Invalid callout request: /);
			expect(answer.contentType).toContain('application/json');
		}

		expect((await callout(exampleUrl(), request(SIMPLE_ITEMS()), { authorization: bearer })).status).toBe(200);
		expect(await newExecutionIds(n8n!, EXAMPLE_WORKFLOW_ID, before, 1)).toHaveLength(1);
	});

	test('malformed JSON: n8n answers 422 itself with a JSON message, before the trigger; no execution', async () => {
		const before = await executionIds(n8n!, EXAMPLE_WORKFLOW_ID);
		for (const raw of ['{"request_id": "R-1", "items": [', '{request_id: R-1}', '{"items": [] ,}']) {
			const answer = await callout(exampleUrl(), undefined, { authorization: bearer, raw });
			expect({ raw, status: answer.status, message: typeof answer.json?.message }).toEqual({ raw, status: 422, message: 'string' });
			expect(answer.contentType).toContain('application/json');
		}
		// n8n parses the body before verification: a malformed body without the secret gets the same 422.
		const unauthenticated = await callout(exampleUrl(), undefined, { authorization: null, raw: '{"request_id": ' });
		expect(unauthenticated.status).toBe(422);

		expect((await callout(exampleUrl(), request(SIMPLE_ITEMS()), { authorization: bearer })).status).toBe(200);
		expect(await newExecutionIds(n8n!, EXAMPLE_WORKFLOW_ID, before, 1)).toHaveLength(1);
	});

	test('a SKU without a price: 400 naming the SKU (the workflow ran)', async () => {
		const before = await executionIds(n8n!, EXAMPLE_WORKFLOW_ID);
		const answer = await callout(
			exampleUrl(),
			request([product(1, 'A-1'), bundle(2, 'B-1', [product(3, 'B-111'), product(7, 'X-9')])]),
			{ authorization: bearer },
		);

		expect({ status: answer.status, body: answer.json }).toEqual({
			status: 400,
			body: { message: 'No price for SKU X-9 (item 7)' },
		});
		expect(await newExecutionIds(n8n!, EXAMPLE_WORKFLOW_ID, before, 1)).toHaveLength(1);
	});

	test('nested bundles are reassembled: bundles in bundles, in request order', async () => {
		const items = [
			bundle(10, 'B-1', [
				product(11, 'A-1'),
				bundle(12, 'B-2', [product(13, 'B-111'), bundle(14, 'B-3', [product(15, 'B-333'), product(16, 'B-222')])]),
				product(17, 'B-222'),
			]),
			product(18, 'B-333'),
			bundle(19, 'B-4', []),
		];
		const answer = await callout(exampleUrl(), request(items), { authorization: bearer });

		expect({ status: answer.status, body: answer.json }).toEqual({
			status: 200,
			body: {
				items: [
					{
						id: 10,
						sku: 'B-1',
						bundle_items: [
							{ id: 11, sku: 'A-1', price: 100 },
							{
								id: 12,
								sku: 'B-2',
								bundle_items: [
									{ id: 13, sku: 'B-111', price: 30 },
									{
										id: 14,
										sku: 'B-3',
										bundle_items: [
											{ id: 15, sku: 'B-333', price: 12.25 },
											{ id: 16, sku: 'B-222', price: 45.5 },
										],
									},
								],
							},
							{ id: 17, sku: 'B-222', price: 45.5 },
						],
					},
					{ id: 18, sku: 'B-333', price: 12.25 },
					{ id: 19, sku: 'B-4', bundle_items: [] },
				],
			},
		});
	});

	test('example 1 prices a 5,000-line callout from rows: every price, the bundle structure and the order', async () => {
		const skus = Object.keys(TABLE);
		const items: Json[] = [];
		const expected: Json[] = [];
		let id = 1;
		while (id <= 5000) {
			if (id % 10 === 1) {
				const childIds = [id + 1, id + 2, id + 3];
				items.push(bundle(id, 'B-1', childIds.map((childId) => product(childId, skus[childId % skus.length]))));
				expected.push({ id, sku: 'B-1', bundle_items: childIds.map((childId) => ({ id: childId, sku: skus[childId % skus.length], price: TABLE[skus[childId % skus.length]] })) });
				id += 4;
			} else {
				items.push(product(id, skus[id % skus.length]));
				expected.push({ id, sku: skus[id % skus.length], price: TABLE[skus[id % skus.length]] });
				id += 1;
			}
		}
		const answer = await callout(exampleUrl(), request(items), { authorization: bearer });
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({ items: expected });

		const missing = [...items.slice(0, 4999), product(9999, 'NOT-IN-ROWS')];
		const refused = await callout(exampleUrl(), request(missing), { authorization: bearer });
		expect({ status: refused.status, body: refused.json }).toEqual({ status: 400, body: { message: 'No price for SKU NOT-IN-ROWS (item 9999)' } });
	});

	test('both price field names: `price` (example 1) and `list_price` (read from the items and sent)', async () => {
		const price = await callout(exampleUrl(), request(SIMPLE_ITEMS()), { authorization: bearer });
		const listPrice = await callout(listPriceUrl(), request(SIMPLE_ITEMS()), { authorization: bearer });

		expect({ status: price.status, body: price.json }).toEqual({ status: 200, body: SIMPLE_ANSWER('price') });
		expect({ status: listPrice.status, body: listPrice.json }).toEqual({ status: 200, body: SIMPLE_ANSWER('list_price') });
	});

	test('price-list mode: the trigger answers from its own list, without running the workflow', async () => {
		const before = await executionIds(n8n!, VARIANTS_WORKFLOW_ID);
		const items = [product(1, 'A-1', { quantity: 3 }), bundle(2, 'B-1', [product(3, 'B-111', { quantity: 4 }), product(4, 'B-222')])];
		const priced = await callout(priceListUrl(), request(items), { authorization: bearer });
		const unpriced = await callout(priceListUrl(), request([product(1, 'A-1'), product(2, 'B-333')]), { authorization: bearer });

		expect({ status: priced.status, body: priced.json }).toEqual({
			status: 200,
			body: {
				items: [
					// Flat row with an MSRP.
					{ id: 1, sku: 'A-1', list_price: 100, MSRP: 150 },
					{
						id: 2,
						sku: 'B-1',
						// Per-unit row: 30 x 4.
						bundle_items: [
							{ id: 3, sku: 'B-111', list_price: 120 },
							{ id: 4, sku: 'B-222', list_price: 45.5 },
						],
					},
				],
			},
		});
		expect({ status: unpriced.status, body: unpriced.json }).toEqual({
			status: 400,
			body: { message: 'No price for SKU B-333 (item 2)' },
		});
		// The same list pasted as CSV text answers the same.
		const fromCsv = await callout(csvPriceListUrl(), request(items), { authorization: bearer });
		expect({ status: fromCsv.status, body: fromCsv.json }).toEqual({ status: 200, body: priced.json });

		// A callout through the same workflow's Basic trigger afterwards is its only new execution.
		expect((await callout(basicUrl(), request(SIMPLE_ITEMS()), { authorization: basic })).status).toBe(200);
		expect(await newExecutionIds(n8n!, VARIANTS_WORKFLOW_ID, before, 1)).toHaveLength(1);
	});

	test(
		`${FUZZ_RUNS} random and mutated callouts answer 4xx with a JSON message, never 5xx, and n8n keeps serving`,
		async () => {
			const cases = fc.sample(fuzzCase, { numRuns: FUZZ_RUNS, seed: FUZZ_SEED });
			const problems: string[] = [];
			const statuses: Record<string, number> = {};
			let next = 0;
			const worker = async () => {
				while (next < cases.length) {
					const index = next++;
					const fuzz = cases[index];
					const authorization = fuzz.authorization === undefined ? bearer : fuzz.authorization;
					const answer = await callout(fuzz.target === 'example' ? exampleUrl() : priceListUrl(), undefined, {
						authorization,
						contentType: fuzz.contentType,
						raw: fuzz.raw,
					});
					statuses[`${fuzz.kind} ${answer.status}`] = (statuses[`${fuzz.kind} ${answer.status}`] ?? 0) + 1;
					const what = `#${index} ${fuzz.kind} -> ${fuzz.target}: HTTP ${answer.status} ${answer.text.slice(0, 200)} for ${fuzz.raw.slice(0, 200)}`;
					if (!expectedStatus(fuzz.kind).includes(answer.status)) problems.push(`unexpected status: ${what}`);
					if (typeof answer.json?.message !== 'string' || answer.json.message === '') problems.push(`no JSON message: ${what}`);
					if (!String(answer.contentType).includes('application/json')) problems.push(`not JSON: ${what}`);
					if (answer.text.includes(token)) problems.push(`the secret in the answer: #${index}`);
					if (fuzz.kind === 'unpriced' && !String(answer.json?.message).startsWith('No price for SKU NOPE-')) {
						problems.push(`unpriced without the SKU: ${what}`);
					}
				}
			};
			await Promise.all(Array.from({ length: FUZZ_CONCURRENCY }, worker));

			expect(problems.slice(0, 20)).toEqual([]);
			expect(Object.keys(statuses).filter((key) => Number(key.split(' ')[1]) >= 500)).toEqual([]);
			// Every kind of case was sent (the seed is fixed, so this guards the generators).
			const kinds = new Set(Object.keys(statuses).map((key) => key.split(' ')[0]));
			expect([...kinds].sort()).toEqual(['contentType', 'malformed', 'mutated', 'random', 'unauthorized', 'unpriced']);
			// n8n still serves callouts, both from a workflow and from the price list.
			const after = await callout(exampleUrl(), request(SIMPLE_ITEMS()), { authorization: bearer });
			expect({ status: after.status, body: after.json }).toEqual({ status: 200, body: SIMPLE_ANSWER('price') });
			const priceList = await callout(priceListUrl(), request([product(1, 'A-1')]), { authorization: bearer });
			expect({ status: priceList.status, body: priceList.json }).toEqual({
				status: 200,
				body: { items: [{ id: 1, sku: 'A-1', list_price: 100, MSRP: 150 }] },
			});
		},
		15 * 60 * 1000,
	);
});

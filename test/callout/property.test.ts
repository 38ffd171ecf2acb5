import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { acceptCallout } from '../../nodes/DealHubCallout/acceptCallout';
import { calloutSecretFrom } from '../../nodes/DealHubCallout/calloutSecret';
import { fanOutLineItems } from '../../nodes/DealHubCallout/fanOut';
import { answerFromPriceBook, priceBookFromRows } from '../../nodes/DealHubCallout/priceBook';
import { priceBookFromTable } from '../../nodes/DealHubCallout/priceListSources';
import { buildPricedResponse } from '../../nodes/DealHubCallout/pricedResponse';
import { outlineFromLineItems } from '../../nodes/DealHubCallout/requestOutline';
import type { WebhookServer } from '../harness/webhookServer';
import type { Pricing } from './fixtures';
import { payload, validLooking } from './arbitraries';
import { BASIC_HEADER, BEARER, post, startCallout, TOKEN } from './fixtures';

/**
 * Thousands of random and mutated callouts: whatever arrives, the answer is a 200 with items or a
 * 4xx with a JSON message, never an exception, a 500 or the secret.
 */

const authorization = fc.oneof(
	{ arbitrary: fc.constant(`Bearer ${TOKEN}`), weight: 6 },
	fc.constant(`bearer ${TOKEN}`),
	fc.constant(null),
	fc.constant(BASIC_HEADER),
	fc.string({ maxLength: 30 }).map((text) => text.replace(/[^\x20-\x7e]/g, '')),
	fc.string({ maxLength: 20 }).map((text) => `Bearer ${text.replace(/[^\x20-\x7e]/g, '')}`),
);

/**
 * Deterministic prices with every kind of flaw: missing, words, bad attributes, unknown ids. It
 * keeps the first item, as a workflow that outputs no item at all never reaches its Response node.
 */
const flawedPricing: Pricing = (json, index) => {
	const id = Number(json.id);
	if (id % 11 === 0 && index > 0) return undefined;
	if (id % 13 === 0) return [{ ...json, price: 1 }, { id: 1000 + id, price: 2 }];
	return {
		...json,
		price: id % 7 === 0 ? 'cheap' : id % 5 === 0 ? String(id) : id,
		MSRP: id % 3 === 0 ? 'n/a' : id * 2,
		start_date: id % 4 === 0 ? 'someday' : id * 86_400_000,
		discount: '5',
	};
};

function expectWellFormed(status: number, body: IDataObject, text: string): void {
	expect(text).not.toContain(TOKEN);
	if (status === 200) {
		expect(Array.isArray(body.items)).toBe(true);
	} else {
		expect([400, 401, 422]).toContain(status);
		expect(typeof body.message).toBe('string');
	}
}

describe('property: the callout pipeline in process', () => {
	const secret = calloutSecretFrom(BEARER);
	const priceList = priceBookFromTable([
		{ sku: 'a', listPrice: 1, basis: 'perUnit', msrp: '2' },
		{ sku: 'b', listPrice: 3, otherAttributes: '{"start_date": "2025-09-01", "discount": 4}' },
	]);
	// Rows as a lookup may output them: blank, duplicated, unpriced, with values of any kind.
	const priceRows = priceBookFromRows(
		[
			{ sku: 'a', price: '1.5', msrp: 'n/a', attributes: { start_date: '2024-02-30', discount: '10%' } },
			{ sku: '', price: 0, attributes: {} },
			{ sku: 'b', price: null, attributes: {} },
			{ sku: 'c', price: 2, attributes: {} },
			{ sku: 'c', price: 3, attributes: {} },
			{ sku: 7, price: 'seven', attributes: { MSRP: {} } },
		],
		{ defaultBasis: 'perUnit', strict: false, priceLabel: 'price' },
	);

	it('verify, validate, fan out, reassemble and coerce never throw', () => {
		fc.assert(
			fc.property(payload, authorization, fc.constantFrom('application/json', 'application/json', 'application/json', 'text/plain', undefined), (body, auth, type) => {
				const outcome = acceptCallout({ authorization: auth ?? undefined, 'content-type': type }, body, secret);
				if (!outcome.accepted) {
					expect([400, 401]).toContain(outcome.answer.status);
					expectWellFormed(outcome.answer.status, outcome.answer.body, JSON.stringify(outcome.answer.body));
					return;
				}
				const lineItems = fanOutLineItems(outcome.request, true);
				const outline = outlineFromLineItems(lineItems);
				expect(outline.ok).toBe(true);
				if (!outline.ok) return;
				const priced = lineItems.flatMap((item, index) => {
					const result = flawedPricing(item as IDataObject, index);
					return result === undefined ? [] : Array.isArray(result) ? result : [result];
				});
				const answer = buildPricedResponse(outline.outline, priced, { priceField: 'price' });
				expectWellFormed(answer.status, answer.body, JSON.stringify(answer.body));
				expect(priceList.ok && priceRows.ok).toBe(true);
				for (const book of [priceList, priceRows]) {
					if (!book.ok) continue;
					const listed = answerFromPriceBook(outline.outline, book.priceBook, 'list_price');
					expectWellFormed(listed.status, listed.body, JSON.stringify(listed.body));
				}
			}),
			{ numRuns: 4000 },
		);
	});
});

describe('property: the trigger over HTTP, through n8n’s webhook handling', () => {
	let workflowServer: WebhookServer;
	let priceListServer: WebhookServer;
	beforeAll(async () => {
		workflowServer = await startCallout({ pricing: flawedPricing });
		priceListServer = await startCallout({
			trigger: {
				pricingSource: 'priceList',
				priceList: { rows: [{ sku: 'a', listPrice: 1, basis: 'perUnit', msrp: '2' }, { sku: 'b', listPrice: 3 }] },
			},
		});
	});
	afterAll(async () => {
		await workflowServer.stop();
		await priceListServer.stop();
	});

	const rawBody = fc.oneof(
		{ arbitrary: payload.map((body) => JSON.stringify(body) ?? 'null'), weight: 6 },
		// Malformed or truncated JSON: n8n's body parser answers 422 before the trigger runs.
		validLooking.chain((body) => {
			const text = JSON.stringify(body);
			return fc.nat({ max: text.length }).map((cut) => text.slice(0, cut));
		}),
		fc.string({ maxLength: 40 }),
	);

	const call = fc.record({
		body: rawBody,
		authorization,
		contentType: fc.constantFrom('application/json', 'application/json', 'application/json; charset=utf-8', 'text/plain', null),
		priceList: fc.boolean(),
	});

	it('always answers 200 or 4xx with a JSON message, never 500', async () => {
		const statuses = new Set<number>();
		await fc.assert(
			fc.asyncProperty(call, async ({ body, authorization: auth, contentType, priceList }) => {
				const server = priceList ? priceListServer : workflowServer;
				const answer = await post(server.url, undefined, { raw: body, authorization: auth, contentType });
				expect(answer.contentType).toMatch(/^application\/json/);
				expectWellFormed(answer.status, answer.json, answer.text);
				statuses.add(answer.status);
			}),
			{ numRuns: 1500 },
		);
		await workflowServer.idle();
		for (const execution of workflowServer.executions) expect(execution.sendResponseCalls).toHaveLength(1);
		// The runs reached every kind of answer, and many callouts went through a workflow.
		expect([...statuses].sort()).toEqual([200, 400, 401, 422]);
		expect(workflowServer.executions.length).toBeGreaterThanOrEqual(10);
	});
});

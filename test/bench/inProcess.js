// Benchmark 2, run in a fresh plain Node process on the built pack (dist/), as n8n runs it (under
// Jest's vm sandbox the same code runs several times slower). Prints JSON: one entry per size.
//
// Ours = what the trigger does before the workflow runs (verify + validate, fan-out into n8n
// items) and what the Response does after it (rebuild the outline from the trigger's output,
// reassemble the answer, coerce attributes). n8n parses the request and serializes the answer, so
// neither is ours; the floor is JSON.parse + JSON.stringify of the same request.
'use strict';
const { join } = require('node:path');

const { deepCopy } = require('n8n-workflow');

const DIST = join(__dirname, '..', '..', 'dist', 'nodes');
const { acceptCallout } = require(join(DIST, 'DealHubCallout', 'acceptCallout'));
const { buildPricedResponse } = require(join(DIST, 'DealHubCallout', 'pricedResponse'));
const { outlineFromLineItems } = require(join(DIST, 'DealHubCallout', 'requestOutline'));
const { triggerItems } = require(join(DIST, 'DealHubCalloutTrigger', 'triggerItems'));

const TOKEN = 'bench-token-0123456789';
const SECRET = { scheme: 'bearer', token: TOKEN };
const HEADERS = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

/**
 * A DealHub callout with `count` line items: in every ten, a bundle of three products and six
 * top-level products, each asking for MSRP, a discount and a start date (returned_attributes).
 * @param {number} count
 */
function calloutText(count) {
	const attributes = { MSRP: 'number', partner_discount1: 'percentage', start_date: 'date' };
	/** @param {number} id */
	const product = (id) => ({
		id,
		sku: `SKU-${id % 97}`,
		type: 'product',
		quantity: 1 + (id % 5),
		duration: 12,
		family: 'hardware',
		returned_attributes: { ...attributes },
	});
	/** @type {object[]} */
	const items = [];
	let id = 1;
	while (id <= count) {
		if (id % 10 === 1 && id + 3 <= count) {
			items.push({ ...product(id), type: 'bundle', bundle_items: [product(id + 1), product(id + 2), product(id + 3)] });
			id += 4;
		} else items.push(product(id++));
	}
	return JSON.stringify({
		request_id: `bench-${count}`,
		authentication: TOKEN,
		playbook_answers: { 'general.currency': 'USD', 'general.geo': 'North America' },
		items,
	});
}

/**
 * What a Set node makes of the trigger's items: a deep copy of each (n8n-workflow's deepCopy, as
 * Set 3.4 does with "include other fields") with the assigned fields; expressions often give strings.
 * @param {Record<string, unknown>[]} lineItems
 */
function priced(lineItems) {
	return lineItems.map((json) => {
		const copy = /** @type {Record<string, unknown>} */ (deepCopy(json));
		if (copy.type !== 'product') return copy;
		const id = /** @type {number} */ (copy.id);
		copy.price = 100 + (id % 50);
		copy.MSRP = String(200 + (id % 50));
		copy.partner_discount1 = '10';
		copy.start_date = '2025-09-01';
		return copy;
	});
}

/**
 * In the "clean" pass, a minor (young generation) collection before each timed step, so no step
 * pays for garbage left by the one before or by the untimed setup (the parse of the body, the
 * pricing step's copies). The "natural" pass collects nothing: each step pays for whatever
 * collection happens to fall into it, its own or not. Needs node --expose-gc.
 */
let clean = false;
const gc = /** @type {((options: object) => void) | undefined} */ (global.gc);
const collect = () => {
	if (clean && gc) gc({ type: 'minor' });
};

/**
 * One callout through our code, on a freshly parsed body as n8n hands it over.
 * @param {string} text @param {number} count
 */
function ourRound(text, count) {
	const body = JSON.parse(text);
	collect();
	let started = performance.now();
	const outcome = acceptCallout(HEADERS, body, SECRET);
	const accept = performance.now() - started;
	if (!outcome.accepted) throw new Error(`refused: ${JSON.stringify(outcome.answer)}`);
	collect();
	started = performance.now();
	const items = triggerItems(outcome.request, 'lineItems', true);
	const fanOut = performance.now() - started;
	const lineItems = items.map((/** @type {{ json: Record<string, unknown> }} */ item) => item.json);
	const pricedItems = priced(lineItems);
	collect();
	started = performance.now();
	const outline = outlineFromLineItems(lineItems);
	const outlineMs = performance.now() - started;
	if (!outline.ok) throw new Error(outline.message);
	collect();
	started = performance.now();
	const answer = buildPricedResponse(outline.outline, pricedItems, { priceField: 'price' });
	const reassemble = performance.now() - started;
	if (answer.status !== 200 || items.length !== count) {
		throw new Error(`unexpected answer ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`);
	}
	return { accept, fanOut, outline: outlineMs, reassemble, ours: accept + fanOut + outlineMs + reassemble };
}

/** @param {string} text */
function floorRound(text) {
	collect();
	const started = performance.now();
	const again = JSON.stringify(JSON.parse(text));
	const elapsed = performance.now() - started;
	if (again.length !== text.length) throw new Error('the JSON round trip changed the payload');
	return elapsed;
}

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** @param {number[]} sizes @param {number} rounds */
function measure(sizes, rounds) {
	return sizes.map((size) => {
		const text = calloutText(size);
		// Warm-up, so the JIT has compiled both sides before anything is timed.
		for (let round = 0; round < 3; round++) {
			ourRound(text, size);
			floorRound(text);
		}
		/** @type {Record<string, number[]>} */
		const samples = { accept: [], fanOut: [], outline: [], reassemble: [], ours: [], floor: [] };
		for (let round = 0; round < rounds; round++) {
			// Interleaved, alternating which side goes first.
			const floorFirst = round % 2 === 1 ? floorRound(text) : undefined;
			const ours = ourRound(text, size);
			for (const [key, value] of Object.entries(ours)) samples[key].push(value);
			samples.floor.push(floorFirst ?? floorRound(text));
		}
		return {
			size,
			kilobytes: text.length / 1024,
			...Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, median(values)])),
		};
	});
}

const sizes = (process.argv[2] ?? '1000,5000,20000').split(',').map(Number);
const rounds = Number(process.argv[3] ?? 21);
if (!gc) throw new Error('run with node --expose-gc');
clean = true;
const cleanRows = measure(sizes, rounds);
clean = false;
const naturalRows = measure(sizes, rounds);
process.stdout.write(JSON.stringify({ clean: cleanRows, natural: naturalRows }));

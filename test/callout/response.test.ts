import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { CALENDAR_DATE_RULE } from '../../nodes/shared/calendarDate';
import { DealHubCalloutResponse } from '../../nodes/DealHubCalloutResponse/DealHubCalloutResponse.node';
import { runWorkflow } from '../harness/runWorkflow';
import type { CalloutWorkflow, Pricing } from './fixtures';
import { exampleRequest, post, priceEveryProduct, startCallout } from './fixtures';

/** Starts a workflow, sends one callout, and returns the HTTP answer and the server. */
async function callout(workflow: CalloutWorkflow, body: IDataObject = exampleRequest()) {
	const server = await startCallout(workflow);
	try {
		const answer = await post(server.url, body);
		await server.idle();
		return { answer, server };
	} finally {
		await server.stop();
	}
}

const onlyProduct = (returnedAttributes: IDataObject, extra: IDataObject = {}): IDataObject => ({
	...exampleRequest(),
	items: [{ id: 1, sku: 'A-1', type: 'product', quantity: 3, returned_attributes: returnedAttributes, ...extra }],
});

const priced = (fields: IDataObject): Pricing => (json) => ({ ...json, price: 10, ...fields });

describe('Trigger -> pricing step -> DealHub Callout Response, through n8n’s execution engine', () => {
	it('answers DealHub with the exact body, in the request’s shape and order', async () => {
		const { answer, server } = await callout({ pricing: priceEveryProduct });
		expect(answer.status).toBe(200);
		expect(answer.contentType).toBe('application/json; charset=utf-8');
		expect(answer.text).toBe(
			JSON.stringify({
				items: [
					{ id: 1, sku: 'A-1', price: 101, MSRP: 202 },
					{
						id: 2,
						sku: 'B-1',
						bundle_items: [
							{ id: 3, sku: 'B-111', price: 103, MSRP: 206 },
							{ id: 4, sku: 'B-222', price: 104, MSRP: 208 },
							{ id: 5, sku: 'B-333', price: 105, MSRP: 210 },
						],
					},
				],
			}),
		);
		expect(server.executions).toHaveLength(1);
		const [execution] = server.executions;
		expect(execution.sendResponseCalls).toHaveLength(1);
		expect(execution.result.error).toBeUndefined();
	});

	it('outputs its input items unchanged, with pairedItem, for logging', async () => {
		const { server } = await callout({ pricing: priceEveryProduct });
		const { result } = server.executions[0];
		const input = result.output('Pricing');
		const output = result.output('DealHub Callout Response');
		expect(output.map((item) => item.json)).toEqual(input.map((item) => item.json));
		expect(output.map((item) => item.pairedItem)).toEqual(input.map((_item, index) => ({ item: index })));
	});

	it('sends the price as list_price when asked (OpenAPI 1.0.1)', async () => {
		const { answer } = await callout({ pricing: priceEveryProduct, response: { priceField: 'list_price' } });
		expect(answer.status).toBe(200);
		const [product, bundle] = answer.json.items as IDataObject[];
		expect(product).toEqual({ id: 1, sku: 'A-1', list_price: 101, MSRP: 202 });
		expect((bundle.bundle_items as IDataObject[])[0]).toEqual({ id: 3, sku: 'B-111', list_price: 103, MSRP: 206 });
	});

	it('reads list_price from the items when the answer uses price, and the other way round', async () => {
		const pricing: Pricing = (json) => ({ id: json.id, list_price: 7 });
		const { answer } = await callout({ pricing }, onlyProduct({}));
		expect(answer.json).toEqual({ items: [{ id: 1, sku: 'A-1', price: 7 }] });
	});

	it('rebuilds nested bundles in request order whatever order the workflow returns, and takes skus from the request', async () => {
		const body = {
			...exampleRequest(),
			items: [
				{
					id: 10,
					sku: 'OUTER',
					type: 'bundle',
					returned_attributes: { MSRP: 'number' },
					bundle_items: [
						{ id: 11, sku: 'P-11', type: 'product' },
						{
							id: 12,
							sku: 'INNER',
							type: 'bundle',
							bundle_items: [
								{ id: 13, sku: 'P-13', type: 'product' },
								{ id: 14, sku: 'P-14', type: 'product', returned_attributes: { start_date: 'date' } },
							],
						},
					],
				},
				{ id: 20, sku: 'P-20', type: 'product' },
			],
		};
		// The pricing step keeps only id and price, reversed, plus attributes under their own names.
		const prices: Record<number, IDataObject> = {
			11: { price: 11, MSRP: '22' },
			13: { price: 13, MSRP: 26, start_date: 'ignored' },
			14: { price: 14, MSRP: 28, start_date: '2025-09-01T15:39:25Z' },
			20: { price: 20, MSRP: 40 },
		};
		const server = await startCallout({
			pricing: (json) => (json.type === 'product' ? { id: json.id, sku: 'WRONG', ...prices[Number(json.id)] } : undefined),
		});
		try {
			const answer = await post(server.url, body);
			expect(answer.status).toBe(200);
			expect(answer.json).toEqual({
				items: [
					{
						id: 10,
						sku: 'OUTER',
						bundle_items: [
							{ id: 11, sku: 'P-11', price: 11, MSRP: 22 },
							{
								id: 12,
								sku: 'INNER',
								bundle_items: [
									// 13 inherits MSRP from OUTER (its own bundle sent none); 14 asked for start_date only.
									{ id: 13, sku: 'P-13', price: 13, MSRP: 26 },
									{ id: 14, sku: 'P-14', price: 14, start_date: '2025-09-01T15:39:25.000Z' },
								],
							},
						],
					},
					// 20 has no returned_attributes and no bundle: only its price goes back.
					{ id: 20, sku: 'P-20', price: 20 },
				],
			});
		} finally {
			await server.stop();
		}
	});

	it('works from the one-item-per-request output too', async () => {
		const flatten = (items: IDataObject[]): IDataObject[] =>
			items.flatMap((item) => [item, ...flatten((item.bundle_items as IDataObject[] | undefined) ?? [])]);
		const { answer, server } = await callout({
			trigger: { output: 'request' },
			pricing: (json) =>
				flatten(json.items as IDataObject[])
					.filter((item) => item.type === 'product')
					.map((item) => ({ id: item.id, price: 5 })),
		});
		expect(server.executions[0].result.output('DealHub Callout Trigger')).toHaveLength(1);
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({
			items: [
				{ id: 1, sku: 'A-1', price: 5 },
				{
					id: 2,
					sku: 'B-1',
					bundle_items: [
						{ id: 3, sku: 'B-111', price: 5 },
						{ id: 4, sku: 'B-222', price: 5 },
						{ id: 5, sku: 'B-333', price: 5 },
					],
				},
			],
		});
	});
});

describe('price checks: a 400 that names every item instead of DealHub’s generic error', () => {
	it('a product without a price', async () => {
		const { answer } = await callout({
			pricing: (json) => (json.id === 1 ? json : priceEveryProduct(json, 0)),
		});
		expect(answer.status).toBe(400);
		expect(answer.json).toEqual({ message: 'No price for SKU A-1 (item 1)' });
	});

	it('items of the request the workflow did not price, bundle children included', async () => {
		const { answer } = await callout({ pricing: (json) => (json.id === 1 || json.id === 2 ? priceEveryProduct(json, 0) : undefined) });
		expect(answer.status).toBe(400);
		expect(answer.json.message).toBe('No price for SKU B-111 (item 3), SKU B-222 (item 4), SKU B-333 (item 5)');
	});

	it('lets a bundle go without a price, and sends one when given', async () => {
		const { answer } = await callout({
			pricing: (json) => (json.type === 'bundle' ? { id: json.id, price: '600' } : priceEveryProduct(json, 0)),
		});
		expect(answer.status).toBe(200);
		expect((answer.json.items as IDataObject[])[1]).toMatchObject({ id: 2, sku: 'B-1', price: 600 });
	});

	it('an unknown item id, a non-numeric price, a doubly priced item and an item without id, all in one message', async () => {
		const { answer, server } = await callout({
			pricing: (json, index) => {
				if (index === 0) return [{ ...json, price: 'cheap' }, { id: 99, price: 1 }, { price: 1 }];
				return [priceEveryProduct(json, 0) as IDataObject, ...(json.id === 3 ? [{ id: 3, price: 1 }] : [])];
			},
		});
		expect(answer.status).toBe(400);
		expect(answer.json.message).toBe(
			'Unknown item id 99 (not in this callout); Workflow item 2 has no line item id; SKU B-111 (item 3) is priced more than once; Price of SKU A-1 (item 1) is not a number',
		);
		// The node itself succeeds: the 400 is its answer, and the run goes on for logging.
		expect(server.executions[0].result.error).toBeUndefined();
		expect(server.executions[0].sendResponseCalls).toHaveLength(1);
	});

	it('accepts numeric strings and numeric ids', async () => {
		const { answer } = await callout({ pricing: (json) => ({ id: String(json.id), price: ' 12.50 ' }) }, onlyProduct({}));
		expect(answer.json).toEqual({ items: [{ id: 1, sku: 'A-1', price: 12.5 }] });
	});

	it('stops listing after ten, saying how many more', async () => {
		const items = Array.from({ length: 13 }, (_v, index) => ({ id: index + 1, sku: `S-${index + 1}`, type: 'product' }));
		const { answer: listed } = await callout({ pricing: (json) => ({ id: json.id }) }, { ...exampleRequest(), items });
		expect(listed.status).toBe(400);
		expect(listed.json.message).toMatch(/^No price for SKU S-1 \(item 1\), .*SKU S-10 \(item 10\), and 3 more$/);
	});
});

describe('attribute coercion to the types in returned_attributes', () => {
	const attributes = { MSRP: 'number', discount: 'percentage', start_date: 'date' };

	it.each([
		['numbers and numeric strings', { MSRP: '200', discount: '12.5' }, { MSRP: 200, discount: 12.5 }],
		['negative and exponent numbers', { MSRP: -1.5, discount: '1e1' }, { MSRP: -1.5, discount: 10 }],
		['an ISO string in UTC', { start_date: '2025-09-01T15:39:25Z' }, { start_date: '2025-09-01T15:39:25.000Z' }],
		['an ISO string with an offset', { start_date: '2025-09-01T17:39:25+02:00' }, { start_date: '2025-09-01T15:39:25.000Z' }],
		['an ISO string with a compact offset', { start_date: '2025-09-01T17:39:25.5+0200' }, { start_date: '2025-09-01T15:39:25.500Z' }],
		['an ISO string without offset, read as UTC', { start_date: '2025-09-01T15:39:25' }, { start_date: '2025-09-01T15:39:25.000Z' }],
		['a date alone', { start_date: '2025-09-01' }, { start_date: '2025-09-01T00:00:00.000Z' }],
		['a leap day', { start_date: '2024-02-29' }, { start_date: '2024-02-29T00:00:00.000Z' }],
		['epoch milliseconds', { start_date: Date.UTC(2025, 8, 1, 15, 39, 25) }, { start_date: '2025-09-01T15:39:25.000Z' }],
		['an empty string', { start_date: '' }, { start_date: '' }],
		['null, which sends nothing', { MSRP: null }, {}],
	])('%s', async (_name, fields, expected) => {
		const { answer } = await callout({ pricing: priced(fields as IDataObject) }, onlyProduct(attributes));
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({ items: [{ id: 1, sku: 'A-1', price: 10, ...expected }] });
	});

	it('Date and Luxon DateTime values', async () => {
		const date = new Date(Date.UTC(2025, 8, 1, 15, 39, 25));
		const luxon = DateTime.fromISO('2025-09-01T17:39:25', { zone: 'Europe/Berlin' });
		const { answer } = await callout(
			{ pricing: priced({ start_date: date as unknown as string, end_date: luxon as unknown as string }) },
			onlyProduct({ start_date: 'date', end_date: 'date' }),
		);
		expect(answer.json).toEqual({
			items: [{ id: 1, sku: 'A-1', price: 10, start_date: '2025-09-01T15:39:25.000Z', end_date: '2025-09-01T15:39:25.000Z' }],
		});
	});

	it.each([
		['a word for a number', { MSRP: 'abc' }, 'SKU A-1 (item 1): MSRP must be a number, got "abc"'],
		['a boolean for a percentage', { discount: true }, 'SKU A-1 (item 1): discount must be a percentage (a number), got true'],
		['a percent sign', { discount: '10%' }, 'SKU A-1 (item 1): discount must be a percentage (a number), got "10%"'],
		...['2025-13-45', '2023-02-29', '2024-02-30', '2024-13-01', '31/12/2024', '2024-02-30T10:00:00+02:00', 'next monday'].map((date): [string, IDataObject, string] => [
			`the date ${date}`,
			{ start_date: date },
			`SKU A-1 (item 1): start_date ${CALENDAR_DATE_RULE}, epoch milliseconds, a Date or a DateTime, got "${date}"`,
		]),
	])('refuses %s, naming the item and the attribute', async (_name, fields, message) => {
		const { answer } = await callout({ pricing: priced(fields as IDataObject) }, onlyProduct(attributes));
		expect(answer.status).toBe(400);
		expect(answer.json).toEqual({ message });
	});
});

describe('attribute names with spaces or hyphens are sent with underscores', () => {
	it('finds `start-date` and `partner discount` for DealHub’s start_date and partner_discount', async () => {
		const { answer } = await callout(
			{ pricing: priced({ 'start-date': '2025-09-01', 'partner discount': '5' }) },
			onlyProduct({ start_date: 'date', partner_discount: 'percentage' }),
		);
		expect(answer.json).toEqual({
			items: [{ id: 1, sku: 'A-1', price: 10, start_date: '2025-09-01T00:00:00.000Z', partner_discount: 5 }],
		});
	});

	it('leaves out an attribute the item does not have, even one named like a built-in (toString)', async () => {
		const { answer } = await callout({ pricing: priceEveryProduct }, onlyProduct({ toString: 'number', constructor: 'date' }));
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({ items: [{ id: 1, sku: 'A-1', price: 101 }] });
	});

	it('converts Additional Attributes names and sends them as they are', async () => {
		const { answer } = await callout(
			{
				pricing: priced({ 'Sales Region': 'EMEA', 'cost-center': 7, quantity: 99 }),
				response: { options: { additionalAttributes: 'Sales Region, cost-center, id, price' } },
			},
			onlyProduct({}),
		);
		expect(answer.json).toEqual({ items: [{ id: 1, sku: 'A-1', price: 10, Sales_Region: 'EMEA', cost_center: 7 }] });
	});
});

describe('other answers', () => {
	it('an error of the user’s choosing, as HTTP 400', async () => {
		const { answer } = await callout({
			pricing: priceEveryProduct,
			response: { respondWith: 'error', errorMessage: 'Enterprise deals are priced by the desk' },
		});
		expect(answer.status).toBe(400);
		expect(answer.text).toBe('{"message":"Enterprise deals are priced by the desk"}');
	});

	it('a JSON body the user builds, with its status code', async () => {
		const { answer } = await callout({
			pricing: priceEveryProduct,
			response: { respondWith: 'json', responseBody: '{"items": [{"id": 1, "sku": "A-1", "price": 1}]}', responseCode: 200 },
		});
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({ items: [{ id: 1, sku: 'A-1', price: 1 }] });
	});

	it('a 400 and a failed node when the JSON body is not JSON', async () => {
		const { answer, server } = await callout({
			pricing: priceEveryProduct,
			response: { respondWith: 'json', responseBody: '{"items": [' },
		});
		expect(answer.status).toBe(400);
		expect(answer.json.message).toBe('The n8n workflow could not answer this callout: the Response Body is not valid JSON');
		expect(server.executions[0].result.error?.message).toMatch(/Could not answer the callout/);
	});
});

describe('exactly one answer per callout', () => {
	it('a second Response node in the same execution fails instead of answering again', async () => {
		const { answer, server } = await callout({
			pricing: priceEveryProduct,
			nodes: [{ name: 'First Response', type: new DealHubCalloutResponse(), parameters: { respondWith: 'error', errorMessage: 'first' } }],
		});
		expect(answer.json).toEqual({ message: 'first' });
		const [execution] = server.executions;
		expect(execution.sendResponseCalls).toHaveLength(1);
		expect(execution.result.error?.message).toBe('This callout was already answered');
	});

	it('every callout gets its own single answer', async () => {
		const server = await startCallout({ pricing: priceEveryProduct });
		try {
			const answers = await Promise.all([1, 2, 3, 4].map(async () => await post(server.url, exampleRequest())));
			expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
			await server.idle();
			expect(server.executions.map((execution) => execution.sendResponseCalls.length)).toEqual([1, 1, 1, 1]);
		} finally {
			await server.stop();
		}
	});
});

describe('a Response node without a DealHub Callout Trigger before it', () => {
	it('still answers DealHub with a 400, and fails so the execution shows why', async () => {
		const sent: unknown[] = [];
		const result = await runWorkflow({
			nodes: [{ name: 'DealHub Callout Response', type: new DealHubCalloutResponse() }],
			input: [{ json: { id: 1, price: 1 } }],
			mode: 'webhook',
			onSendResponse: (response) => sent.push(response),
		});
		expect(sent).toEqual([
			{
				body: {
					message:
						'The n8n workflow could not answer this callout: no DealHub Callout Trigger comes before the DealHub Callout Response node',
				},
				headers: { 'content-type': 'application/json; charset=utf-8' },
				statusCode: 400,
			},
		]);
		expect(result.error?.message).toMatch(/^Could not answer the callout: no DealHub Callout Trigger/);
	});
});

import type { IDataObject } from 'n8n-workflow';

import type { WebhookServer } from '../harness/webhookServer';
import { exampleRequest, post, priceEveryProduct, startCallout, TOKEN } from './fixtures';

let server: WebhookServer;
beforeAll(async () => {
	server = await startCallout({ pricing: priceEveryProduct });
});
afterAll(async () => await server.stop());

/** The example request with one change made by `edit`. */
function edited(edit: (body: IDataObject & { items: IDataObject[] }) => void): IDataObject {
	const body = exampleRequest() as IDataObject & { items: IDataObject[] };
	edit(body);
	return body;
}

async function expectRefusal(answer: Awaited<ReturnType<typeof post>>, status: number, message: string) {
	expect(answer.status).toBe(status);
	expect(answer.contentType).toMatch(/^application\/json/);
	expect(answer.json.message).toBe(message);
	await server.idle();
	expect(server.executions).toHaveLength(0);
}

describe('schema errors: HTTP 400 naming the path, and no workflow run', () => {
	const bundleChild = (body: IDataObject & { items: IDataObject[] }) => (body.items[1].bundle_items as IDataObject[])[1];

	it.each<[string, (body: IDataObject & { items: IDataObject[] }) => void, string]>([
		['a missing sku', (body) => delete body.items[0].sku, 'items[0].sku: required'],
		['an empty sku', (body) => (body.items[0].sku = ''), 'items[0].sku: required'],
		['a missing sku in a bundle', (body) => delete bundleChild(body).sku, 'items[1].bundle_items[1].sku: required'],
		['a string id', (body) => (body.items[0].id = '1'), 'items[0].id: expected number, got string'],
		['a fractional id', (body) => (body.items[0].id = 1.5), 'items[0].id: expected integer, got float'],
		['an unknown type', (body) => (body.items[0].type = 'service'), 'items[0].type: expected one of product, bundle'],
		['a text quantity', (body) => (body.items[0].quantity = 'many'), 'items[0].quantity: expected number, got string'],
		[
			'an unknown attribute type',
			(body) => ((body.items[0].returned_attributes as IDataObject).color = 'text'),
			'items[0].returned_attributes.color: expected one of number, percentage, date',
		],
		['a bundle without bundle_items', (body) => delete body.items[1].bundle_items, 'items[1].bundle_items: required for a bundle'],
		['a missing request_id', (body) => delete body.request_id, 'request_id: required'],
		['items that are not a list', (body) => (body.items = {} as never), 'items: expected array, got object'],
		['a duplicate id', (body) => (bundleChild(body).id = 1), 'items[1].bundle_items[1].id: duplicate id 1'],
		[
			'several problems at once',
			(body) => {
				delete body.items[0].sku;
				body.items[1].type = 'kit';
			},
			'items[0].sku: required; items[1].type: expected one of product, bundle',
		],
	])('%s', async (_name, edit, problem) => {
		await expectRefusal(await post(server.url, edited(edit)), 400, `Invalid callout request: ${problem}`);
	});

	it('a body that is not an object', async () => {
		await expectRefusal(await post(server.url, [1, 2]), 400, 'Invalid callout request: (body): expected object, got array');
	});

	it('an empty body', async () => {
		await expectRefusal(await post(server.url, undefined, { raw: '' }), 400, 'Invalid callout request: the body is empty');
	});

	it('lists ten problems and counts the rest', async () => {
		const body = edited((request) => {
			request.items = Array.from({ length: 25 }, (_v, id) => ({ id, type: 'product' }));
		});
		const answer = await post(server.url, body);
		expect(answer.status).toBe(400);
		expect((answer.json.message as string).split('; ')).toHaveLength(11);
		expect(answer.json.message).toMatch(/; and 15 more$/);
	});

	it('bundles nested too deep, without exhausting the stack', async () => {
		// Written by hand: JSON.stringify itself overflows the stack on 5,000 levels.
		const depth = 5000;
		let items = '[{"id": 100000, "sku": "LEAF", "type": "product"}]';
		const open = Array.from({ length: depth }, (_v, id) => `[{"id": ${id}, "sku": "B-${id}", "type": "bundle", "bundle_items": `);
		items = `${open.join('')}${items}${'}]'.repeat(depth)}`;
		const raw = `{"request_id": "r", "authentication": "${TOKEN}", "items": ${items}}`;
		const answer = await post(server.url, undefined, { raw });
		expect(answer.status).toBe(400);
		expect(answer.json.message).toMatch(/^Invalid callout request: items\[0\](\.bundle_items\[0\]){16}\.bundle_items: bundles nest deeper than 16 levels$/);
	});

	it('accepts extra fields DealHub or the admin add, and null for optional ones', async () => {
		const body = edited((request) => {
			request.quote_id = 'Q-1';
			request.items[0].color = 'red';
			request.items[0].family = null;
			request.items[0].duration = null;
		});
		const answer = await post(server.url, body);
		expect(answer.status).toBe(200);
		await server.idle();
		const [execution] = server.executions.splice(0);
		expect(execution.result.output('DealHub Callout Trigger')[0].json).toMatchObject({ color: 'red', family: null });
	});
});

describe('content type: HTTP 400 unless application/json', () => {
	it.each([
		['text/plain', 'text/plain'],
		['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded'],
		['application/xml', 'application/xml'],
	])('%s', async (contentType, named) => {
		const answer = await post(server.url, exampleRequest(), { contentType });
		await expectRefusal(answer, 400, `Invalid callout request: Content-Type must be application/json, got ${named}`);
	});

	it('none', async () => {
		const answer = await post(server.url, exampleRequest(), { contentType: null });
		await expectRefusal(answer, 400, 'Invalid callout request: Content-Type must be application/json, got none');
	});

	it('accepts a charset parameter', async () => {
		const answer = await post(server.url, exampleRequest(), { contentType: 'application/json; charset=utf-8' });
		expect(answer.status).toBe(200);
		await server.idle();
		server.executions.splice(0);
	});
});

describe('malformed JSON never reaches the trigger: n8n answers 422 itself', () => {
	it.each(['{"request_id": ', '{"items": [1, 2,]}', 'not json at all'])('%s', async (raw) => {
		const answer = await post(server.url, undefined, { raw });
		expect(answer.status).toBe(422);
		expect(answer.json.message).toBe('Failed to parse request body');
		await server.idle();
		expect(server.executions).toHaveLength(0);
	});
});

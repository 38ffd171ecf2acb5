import type { IDataObject } from 'n8n-workflow';

import type { WebhookServer } from '../harness/webhookServer';
import { exampleRequest, post, priceEveryProduct, startCallout, TOKEN } from './fixtures';

async function triggerOutput(trigger: IDataObject, body: IDataObject = exampleRequest()) {
	const server: WebhookServer = await startCallout({ trigger, pricing: priceEveryProduct });
	try {
		await post(server.url, body);
		await server.idle();
		return server.executions[0].result.output('DealHub Callout Trigger');
	} finally {
		await server.stop();
	}
}

const playbook = exampleRequest().playbook_answers;
const attributes = {
	price: 'number',
	MSRP: 'number',
	partner_discount1: 'percentage',
	partner_discount2: 'percentage',
	start_date: 'date',
};

describe('DealHub Callout Trigger output', () => {
	it('one item per line item by default: bundles, then their children with the bundle’s id', async () => {
		const items = await triggerOutput({});
		const common = { request_id: 'RANDOM-32bit-string', playbook_answers: playbook };
		const child = (id: number, sku: string) => ({
			...common,
			id,
			sku,
			type: 'product',
			quantity: 15,
			duration: 12,
			family: 'hardware',
			returned_attributes: attributes,
			bundle_id: 2,
		});
		expect(items.map((item) => item.json)).toEqual([
			{ ...common, id: 1, sku: 'A-1', type: 'product', quantity: 15, duration: 12, family: 'hardware', returned_attributes: attributes, bundle_id: null },
			{
				...common,
				id: 2,
				sku: 'B-1',
				type: 'bundle',
				quantity: 2,
				duration: 24,
				family: 'software',
				returned_attributes: { MSRP: 'number', start_date: 'date' },
				bundle_id: null,
			},
			child(3, 'B-111'),
			child(4, 'B-222'),
			child(5, 'B-333'),
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
	});

	it('flattens nested bundles depth first, each child naming its own bundle', async () => {
		const body = {
			...exampleRequest(),
			items: [
				{
					id: 1,
					sku: 'OUTER',
					type: 'bundle',
					bundle_items: [
						{ id: 2, sku: 'INNER', type: 'bundle', bundle_items: [{ id: 3, sku: 'LEAF', type: 'product' }] },
						{ id: 4, sku: 'SIDE', type: 'product' },
					],
				},
				{ id: 5, sku: 'LAST', type: 'product' },
			],
		};
		const items = await triggerOutput({}, body);
		expect(items.map(({ json }) => [json.id, json.bundle_id])).toEqual([
			[1, null],
			[2, 1],
			[3, 2],
			[4, 1],
			[5, null],
		]);
		expect(items.every(({ json }) => json.bundle_items === undefined)).toBe(true);
	});

	it('one item for the whole request, without the secret', async () => {
		const items = await triggerOutput({ output: 'request' });
		expect(items).toHaveLength(1);
		const expected = exampleRequest();
		delete expected.authentication;
		expect(items[0].json).toEqual(expected);
	});

	it('can leave the playbook answers out', async () => {
		const lineItems = await triggerOutput({ options: { includePlaybookAnswers: false } });
		expect(lineItems.every(({ json }) => !('playbook_answers' in json))).toBe(true);
		const [request] = await triggerOutput({ output: 'request', options: { includePlaybookAnswers: false } });
		expect('playbook_answers' in request.json).toBe(false);
	});

	it('never outputs the secret', async () => {
		for (const output of ['lineItems', 'request']) {
			const items = await triggerOutput({ output });
			expect(JSON.stringify(items)).not.toContain(TOKEN);
		}
	});
});

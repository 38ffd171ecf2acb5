import type { IDataObject } from 'n8n-workflow';

import { exampleRequest, post, startCallout } from './fixtures';

const row = (sku: string, listPrice: number | string, more: IDataObject = {}): IDataObject => ({ sku, listPrice, ...more });

const fullList = [
	row('A-1', 10, { basis: 'perUnit', msrp: '20' }),
	row('B-111', 100, { msrp: 200, otherAttributes: '{"partner_discount1": "10", "start-date": "2025-09-01"}' }),
	row('B-222', 0.1, { basis: 'perUnit' }),
	row('B-333', '7.5'),
];

async function priceListCallout(trigger: IDataObject, body: IDataObject = exampleRequest(), authorization?: string) {
	const server = await startCallout({ trigger: { pricingSource: 'priceList', ...trigger } });
	try {
		const answer = await post(server.url, body, { authorization });
		await server.idle();
		return { answer, executions: server.executions };
	} finally {
		await server.stop();
	}
}

describe('price list kept in the trigger', () => {
	it('answers at once, without a workflow run: per unit times quantity, flat as is, attributes coerced', async () => {
		const { answer, executions } = await priceListCallout({ priceList: { rows: fullList } });
		expect(answer.status).toBe(200);
		expect(answer.text).toBe(
			JSON.stringify({
				items: [
					{ id: 1, sku: 'A-1', price: 150, MSRP: 300 },
					{
						id: 2,
						sku: 'B-1',
						bundle_items: [
							{ id: 3, sku: 'B-111', price: 100, MSRP: 200, partner_discount1: 10, start_date: '2025-09-01T00:00:00.000Z' },
							// 0.1 x 15 is 1.5, not 1.5000000000000002.
							{ id: 4, sku: 'B-222', price: 1.5 },
							{ id: 5, sku: 'B-333', price: 7.5 },
						],
					},
				],
			}),
		);
		expect(executions).toHaveLength(0);
	});

	it('sends list_price when asked', async () => {
		const { answer } = await priceListCallout({ priceList: { rows: fullList }, priceField: 'list_price' });
		expect((answer.json.items as IDataObject[])[0]).toEqual({ id: 1, sku: 'A-1', list_price: 150, MSRP: 300 });
	});

	it('prices a bundle listed in the price list', async () => {
		const { answer } = await priceListCallout({ priceList: { rows: [...fullList, row('B-1', 999)] } });
		expect((answer.json.items as IDataObject[])[1]).toMatchObject({ id: 2, sku: 'B-1', price: 999 });
	});

	it('answers 400 naming the SKUs it does not know', async () => {
		const { answer } = await priceListCallout({ priceList: { rows: fullList.slice(0, 2) } });
		expect(answer.status).toBe(400);
		expect(answer.json).toEqual({ message: 'No price for SKU B-222 (item 4), SKU B-333 (item 5)' });
	});

	it('can still start the workflow with the request, after answering', async () => {
		const { answer, executions } = await priceListCallout({ priceList: { rows: fullList }, startWorkflow: true });
		expect(answer.status).toBe(200);
		expect(executions).toHaveLength(1);
		expect(executions[0].sendResponseCalls).toHaveLength(0);
		expect(executions[0].result.output('DealHub Callout Trigger').map(({ json }) => json.sku)).toEqual([
			'A-1',
			'B-1',
			'B-111',
			'B-222',
			'B-333',
		]);
	});

	it('still verifies and validates', async () => {
		const refused = await priceListCallout({ priceList: { rows: fullList } }, exampleRequest(), 'Bearer wrong');
		expect(refused.answer.status).toBe(401);
		const invalid = await priceListCallout({ priceList: { rows: fullList } }, { ...exampleRequest(), items: [{ id: 1 }] });
		expect(invalid.answer.status).toBe(400);
		expect(invalid.answer.json.message).toBe('Invalid callout request: items[0].sku: required; items[0].type: required');
	});

	it.each([
		['a SKU listed twice', [row('A-1', 1), row('A-1', 2)], 'row 2 (SKU A-1): SKU A-1 is listed twice'],
		['Other Attributes that are not JSON', [row('A-1', 1, { otherAttributes: '{oops' })], 'row 1 (SKU A-1): Other Attributes is not valid JSON'],
		['Other Attributes that are a list', [row('A-1', 1, { otherAttributes: '[1]' })], 'row 1 (SKU A-1): Other Attributes must be a JSON object'],
		['a price that is not a number', [row('A-1', 'ten')], 'row 1 (SKU A-1): List Price must be a number (got "ten")'],
		['an MSRP that is not a number', [row('A-1', 1, { msrp: 'high' })], 'row 1 (SKU A-1): MSRP must be a number or empty (got "high")'],
		['a row without SKU', [row('  ', 1)], 'row 1: SKU is required'],
	])('answers 400 for a price list with %s', async (_name, rows, problem) => {
		const { answer } = await priceListCallout({ priceList: { rows } });
		expect(answer.status).toBe(400);
		expect(answer.json).toEqual({ message: `The price list in n8n is not valid: ${problem}` });
	});
});

import type { IDataObject } from 'n8n-workflow';

import type { CalloutWorkflow, Pricing } from './fixtures';
import { exampleRequest, post, startCallout } from './fixtures';

// Prices From Rows: the trigger outputs one item with the callout's SKUs, a lookup step (here a
// stand-in) outputs the price rows for them, and the Response prices every line item from the row
// of its SKU. The same rows priced by the trigger's price list give the same answer.

async function callout(workflow: CalloutWorkflow, body: IDataObject = exampleRequest()) {
	const server = await startCallout(workflow);
	try {
		const answer = await post(server.url, body);
		await server.idle();
		return { answer, executions: server.executions };
	} finally {
		await server.stop();
	}
}

/** The example's SKUs: A-1 (product), B-1 (bundle) with B-111, B-222, B-333; quantities 15. */
const ROWS: IDataObject[] = [
	{ sku: 'A-1', price: 10, MSRP: 20, partner_discount1: '5', start_date: '2025-09-01' },
	{ sku: 'B-111', price: '100', MSRP: 200 },
	{ sku: 'B-222', price: 0.1 },
	{ sku: 'B-333', price: 7.5, start_date: '2024-02-29T10:00:00+02:00' },
	{ sku: 'UNUSED-1', price: 'not a price' },
	{ sku: 'UNUSED-2', price: 1 },
	{ sku: 'UNUSED-2', price: 2 },
	{ sku: '', price: '' },
];

/** A lookup step: returns `rows` for the SKUs item of the trigger (and checks it got one). */
const lookup =
	(rows: IDataObject[], shape: 'items' | 'field' = 'items'): Pricing =>
	(json) => {
		expect(json.skus).toEqual(['A-1', 'B-1', 'B-111', 'B-222', 'B-333']);
		return shape === 'items' ? rows : { data: { prices: rows } };
	};

const fromRows = (response: IDataObject = {}, rows: IDataObject[] = ROWS, shape: 'items' | 'field' = 'items'): CalloutWorkflow => ({
	trigger: { output: 'skus' },
	pricing: lookup(rows, shape),
	response: { respondWith: 'priceRows', attributeColumns: 'MSRP, partner_discount1, start_date', ...response },
});

const EXPECTED_FLAT = {
	items: [
		{ id: 1, sku: 'A-1', price: 10, MSRP: 20, partner_discount1: 5, start_date: '2025-09-01T00:00:00.000Z' },
		{
			id: 2,
			sku: 'B-1',
			bundle_items: [
				{ id: 3, sku: 'B-111', price: 100, MSRP: 200 },
				{ id: 4, sku: 'B-222', price: 0.1 },
				{ id: 5, sku: 'B-333', price: 7.5, start_date: '2024-02-29T08:00:00.000Z' },
			],
		},
	],
};

describe('DealHub Callout Trigger output: One Item With the SKUs to Price', () => {
	it('outputs one item with every SKU once (bundles and children included, in request order) and the request without its secret', async () => {
		const request = exampleRequest();
		(request.items as IDataObject[]).push({ id: 9, sku: 'A-1', type: 'product', quantity: 1 });
		const { executions } = await callout({ trigger: { output: 'skus' }, pricing: () => undefined, withoutResponse: true }, request);
		const { authentication, ...withoutSecret } = request;
		expect(authentication).toBeDefined();
		expect(executions[0].result.output('DealHub Callout Trigger').map((item) => item.json)).toEqual([
			{ ...withoutSecret, skus: ['A-1', 'B-1', 'B-111', 'B-222', 'B-333'], line_item_count: 6 },
		]);
	});
});

describe('DealHub Callout Response: Prices From Rows', () => {
	it('prices each line item from the row of its SKU, attributes coerced, bundles as DealHub sent them', async () => {
		const { answer } = await callout(fromRows());
		expect(answer.status).toBe(200);
		expect(answer.text).toBe(JSON.stringify(EXPECTED_FLAT));
	});

	it('per unit: price and MSRP times the line item’s quantity', async () => {
		const { answer } = await callout(fromRows({ basis: 'perUnit' }));
		const [product, bundle] = answer.json.items as IDataObject[];
		expect(product).toMatchObject({ price: 150, MSRP: 300 });
		expect(bundle.bundle_items).toEqual([
			{ id: 3, sku: 'B-111', price: 1500, MSRP: 3000 },
			{ id: 4, sku: 'B-222', price: 1.5 },
			{ id: 5, sku: 'B-333', price: 112.5, start_date: '2024-02-29T08:00:00.000Z' },
		]);
	});

	it('reads the rows from an array field of one item, as an ERP may answer them', async () => {
		const { answer } = await callout(fromRows({ rowsIn: 'field', rowsField: 'data.prices' }, ROWS, 'field'));
		expect(answer.text).toBe(JSON.stringify(EXPECTED_FLAT));
	});

	it('finds columns in any letter case and sends list_price when asked', async () => {
		const rows = ROWS.map(({ sku, price, MSRP }) => ({ SKU: sku, Price: price, msrp: MSRP }));
		const { answer } = await callout(fromRows({ skuColumn: 'sku', priceColumn: 'price', attributeColumns: 'MSRP', priceField: 'list_price' }, rows));
		expect((answer.json.items as IDataObject[])[0]).toEqual({ id: 1, sku: 'A-1', list_price: 10, MSRP: 20 });
	});

	it('outputs one summary item, not the rows again', async () => {
		const { executions } = await callout(fromRows());
		const output = executions[0].result.output('DealHub Callout Response');
		expect(output).toEqual([{ json: { status: 200, line_items: 5, price_rows: ROWS.length }, pairedItem: { item: 0 } }]);
	});

	it('answers 400 naming every SKU without a row, as for unpriced line items', async () => {
		const { answer, executions } = await callout(fromRows({}, ROWS.slice(0, 2)));
		expect(answer.status).toBe(400);
		expect(answer.json).toEqual({ message: 'No price for SKU B-222 (item 4), SKU B-333 (item 5)' });
		expect(executions[0].result.output('DealHub Callout Response')[0].json).toMatchObject({ status: 400 });
	});

	it('no rows at all (a lookup with Always Output Data that found nothing) is a 400 naming every SKU', async () => {
		const { answer } = await callout(fromRows({}, [{}]));
		expect(answer.json).toEqual({ message: 'No price for SKU A-1 (item 1), SKU B-111 (item 3), SKU B-222 (item 4), SKU B-333 (item 5)' });
	});

	it('a SKU the quote needs in two rows, or a row whose price is not a number, is a 400 that says which', async () => {
		const twice = await callout(fromRows({}, [...ROWS, { sku: 'B-222', price: 0.2 }]));
		expect(twice.answer.json).toEqual({ message: 'The price rows cannot price this callout: SKU B-222 is in more than one price row (rows 3, 9)' });
		const rows = ROWS.map((row) => (row.sku === 'B-111' ? { ...row, price: 'ask' } : row));
		const notNumber = await callout(fromRows({}, rows));
		expect(notNumber.answer.json).toEqual({ message: 'Price of SKU B-111 (item 3) is not a number' });
	});

	it('an attribute that does not fit the type DealHub asked for is a 400 naming item and attribute', async () => {
		const rows = ROWS.map((row) => (row.sku === 'A-1' ? { ...row, start_date: '2024-02-30' } : row));
		const { answer } = await callout(fromRows({}, rows));
		expect(answer.status).toBe(400);
		expect(answer.json.message).toMatch(/^SKU A-1 \(item 1\): start_date must be a real calendar date/);
	});

	it.each([
		['a SKU column no row has', { skuColumn: 'code' }, 'no price row has the SKU Column "code"'],
		['a price column no row has', { priceColumn: 'cost' }, 'no price row has the Price Column "cost"'],
		['a rows field that is not an array', { rowsIn: 'field', rowsField: 'data' }, 'input item 0 has no array in the Rows Field "data"'],
	])('%s: the workflow is at fault: 400 for DealHub, and the node fails saying why', async (_name, response, problem) => {
		const { answer, executions } = await callout(fromRows(response));
		expect(answer.status).toBe(400);
		expect(answer.json).toEqual({ message: `The n8n workflow could not answer this callout: ${problem}` });
		expect(executions[0].result.error?.message).toBe(`Could not answer the callout: ${problem}`);
	});
});

describe('the trigger’s price list as CSV or JSON text gives the same answers as the table', () => {
	const table = [
		{ sku: 'A-1', listPrice: 10, basis: 'perUnit', msrp: '20' },
		{ sku: 'B-111', listPrice: 100, msrp: 200, otherAttributes: '{"partner_discount1": "10", "start-date": "2025-09-01"}' },
		{ sku: 'B-222', listPrice: 0.1, basis: 'perUnit' },
		{ sku: 'B-333', listPrice: '7.5' },
	];
	const csv = [
		'\uFEFFSKU;List Price;Basis;MSRP;partner_discount1;start-date',
		'A-1;10;per unit;20;;',
		'"B-111";100;flat;200;10;2025-09-01',
		'B-222;0.1;Per Unit;;;',
		'B-333;7.5;;;;',
	].join('\r\n');
	const json = JSON.stringify([
		{ sku: 'A-1', list_price: 10, basis: 'perUnit', MSRP: 20 },
		{ sku: 'B-111', price: 100, MSRP: 200, partner_discount1: '10', 'start-date': '2025-09-01' },
		{ sku: 'B-222', list_price: 0.1, basis: 'per_unit' },
		{ sku: 'B-333', list_price: '7.5' },
	]);

	it('CSV (semicolons, quotes, CRLF, a byte order mark) and JSON answer exactly as the table', async () => {
		const { answer: fromTable } = await callout({ trigger: { pricingSource: 'priceList', priceList: { rows: table } } });
		expect(fromTable.status).toBe(200);
		for (const trigger of [
			{ pricingSource: 'priceList', priceListFormat: 'csv', priceListCsv: csv },
			{ pricingSource: 'priceList', priceListFormat: 'json', priceListJson: json },
		]) {
			const { answer, executions } = await callout({ trigger });
			expect(answer.text).toBe(fromTable.text);
			expect(executions).toHaveLength(0);
		}
	});

	it.each([
		['csv', 'code,amount\nA-1,1', 'the CSV needs a header row with the columns sku and list_price (or price); basis (flat or per unit), MSRP and any attribute are optional'],
		['csv', 'sku,list_price\nA-1,ten\n,3\nA-1,4', 'row 1 (SKU A-1): list_price must be a number (got "ten"); row 2: SKU is required; row 3 (SKU A-1): SKU A-1 is listed twice'],
		['csv', 'sku,price,basis\nA-1,1,monthly', 'row 1 (SKU A-1): Price Basis must be Flat or Per Unit (got "monthly")'],
		['json', '{"sku": "A-1"}', 'the JSON must be an array of objects with the columns sku and list_price (or price); basis (flat or per unit), MSRP and any attribute are optional'],
		['json', '[{"sku": "A-1", "price": 1},', 'the JSON does not parse'],
	])('%s %j answers 400 saying what is wrong with the list', async (format, text, problem) => {
		const trigger = { pricingSource: 'priceList', priceListFormat: format, [format === 'csv' ? 'priceListCsv' : 'priceListJson']: text };
		const { answer } = await callout({ trigger });
		expect(answer.status).toBe(400);
		expect(answer.json.message).toContain(`The price list in n8n is not valid: ${problem}`);
	});
});

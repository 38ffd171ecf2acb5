import { priceBookFromTable } from '../../nodes/DealHubCallout/priceListSources';
import { exactJsonKey, parsePriceListOnce } from '../../nodes/DealHubCalloutTrigger/priceListAnswer';

// The trigger parses its Price List once per distinct content, not once per callout.

const rows = () => [
	{ sku: 'A-1', listPrice: 10, basis: 'perUnit' as const, msrp: '20' },
	{ sku: 'B-111', listPrice: '100', otherAttributes: '{"partner_discount1": 10}' },
];

const priceOf = (result: ReturnType<typeof parsePriceListOnce>, sku: string): unknown => {
	const entry = result.ok ? result.priceBook.entryFor(sku) : undefined;
	return typeof entry === 'object' ? entry.price : entry;
};

describe('price list parsed once per content', () => {
	test('an equal table (a fresh copy, as n8n hands out) is answered from the first parse', () => {
		const first = parsePriceListOnce('table', rows());
		expect(priceOf(first, 'A-1')).toBe(priceOf(priceBookFromTable(rows()), 'A-1'));
		expect(parsePriceListOnce('table', rows())).toBe(first);
	});

	test('an edited table is parsed anew, never answered from the old one', () => {
		const before = parsePriceListOnce('table', rows());
		const edited = rows();
		edited[0].listPrice = 11;
		const after = parsePriceListOnce('table', edited);
		expect(after).not.toBe(before);
		expect(priceOf(after, 'A-1')).toBe(11);
		// A value of another type, a field added or removed, a row more: each is another table.
		const asText = rows().map((row, index) => (index === 0 ? { ...row, listPrice: '10' } : row));
		expect(parsePriceListOnce('table', asText)).not.toBe(before);
		const withField = rows().map((row, index) => (index === 1 ? { ...row, msrp: '' } : row));
		expect(parsePriceListOnce('table', withField)).not.toBe(before);
		const [first] = rows();
		const withoutField = [{ sku: first.sku, listPrice: first.listPrice, basis: first.basis }, rows()[1]];
		expect(parsePriceListOnce('table', withoutField)).not.toBe(before);
		expect(parsePriceListOnce('table', [...rows(), { sku: 'C-1', listPrice: 1 }])).not.toBe(before);
		// Edits do not touch the copy kept of the parsed table.
		const mutable = rows();
		const parsed = parsePriceListOnce('table', mutable);
		mutable[0].listPrice = 99;
		expect(parsePriceListOnce('table', rows())).toBe(parsed);
	});

	test('CSV and JSON text are kept by their text and format, and an edit is a new parse', () => {
		const csv = 'sku,list_price\nA-1,10\n';
		const first = parsePriceListOnce('csv', csv);
		expect(parsePriceListOnce('csv', `${csv}`)).toBe(first);
		expect(priceOf(parsePriceListOnce('csv', 'sku,list_price\nA-1,12\n'), 'A-1')).toBe('12');
		const json = '[{"sku": "A-1", "list_price": 10}]';
		expect(parsePriceListOnce('json', json)).toBe(parsePriceListOnce('json', json));
		expect(parsePriceListOnce('json', json)).not.toBe(first);
	});

	test('refusals are kept per content too', () => {
		const broken = [{ sku: 'A-1', listPrice: 'ten' }];
		expect(parsePriceListOnce('table', broken)).toEqual(priceBookFromTable(broken));
		expect(parsePriceListOnce('table', broken).ok).toBe(false);
	});

	test('values JSON cannot tell apart are never cached', () => {
		expect(exactJsonKey([{ a: 1, b: 'x', c: null, d: [true] }])).toBe('[{"a":1,"b":"x","c":null,"d":[true]}]');
		// Nested rows (from an expression) are cached by that exact JSON.
		const nested = [{ sku: 'A-1', listPrice: 1, otherAttributes: { a: [1] } as unknown as string }];
		expect(parsePriceListOnce('table', nested)).toBe(parsePriceListOnce('table', [{ ...nested[0] }]));
		for (const value of [NaN, Infinity, undefined, new Date(0), { toJSON: () => 'x' }, () => 1, BigInt(1)]) {
			expect(exactJsonKey([{ sku: value }])).toBeUndefined();
		}
		const withDate = [{ sku: new Date(0) as unknown as string, listPrice: 1 }];
		expect(parsePriceListOnce('table', withDate)).not.toBe(parsePriceListOnce('table', withDate));
	});
});

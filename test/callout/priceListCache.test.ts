import { parsePriceList } from '../../nodes/DealHubCallout/priceList';
import { exactJsonKey, parsePriceListOnce } from '../../nodes/DealHubCalloutTrigger/priceListAnswer';

// The trigger parses its Price List once per distinct content, not once per callout.

const rows = () => [
	{ sku: 'A-1', listPrice: 10, basis: 'perUnit' as const, msrp: '20' },
	{ sku: 'B-111', listPrice: '100', otherAttributes: '{"partner_discount1": 10}' },
];

describe('price list parsed once per content', () => {
	test('an equal list (a fresh copy, as n8n hands out) is answered from the first parse', () => {
		const first = parsePriceListOnce(rows());
		expect(first).toEqual(parsePriceList(rows()));
		expect(parsePriceListOnce(rows())).toBe(first);
	});

	test('an edited list is parsed anew, never answered from the old one', () => {
		const before = parsePriceListOnce(rows());
		const edited = rows();
		edited[0].listPrice = 11;
		const after = parsePriceListOnce(edited);
		expect(after).not.toBe(before);
		expect(after).toEqual(parsePriceList(edited));
		expect(after.ok && after.priceList.bySku.get('A-1')?.listPrice).toBe(11);
	});

	test('refusals are kept per content too', () => {
		const broken = [{ sku: 'A-1', listPrice: 'ten' }];
		expect(parsePriceListOnce(broken)).toEqual(parsePriceList(broken));
		expect(parsePriceListOnce(broken).ok).toBe(false);
	});

	test('values JSON cannot tell apart are never cached', () => {
		expect(exactJsonKey([{ a: 1, b: 'x', c: null, d: [true] }])).toBe('[{"a":1,"b":"x","c":null,"d":[true]}]');
		for (const value of [NaN, Infinity, undefined, new Date(0), { toJSON: () => 'x' }, () => 1, BigInt(1)]) {
			expect(exactJsonKey([{ sku: value }])).toBeUndefined();
		}
		const withDate = [{ sku: new Date(0) as unknown as string, listPrice: 1 }];
		expect(parsePriceListOnce(withDate)).toEqual(parsePriceList(withDate));
		expect(parsePriceListOnce(withDate)).not.toBe(parsePriceListOnce(withDate));
	});
});

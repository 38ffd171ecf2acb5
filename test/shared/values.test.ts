import { commaList, toFiniteNumber } from '../../nodes/shared/values';

describe('the pack’s value rules', () => {
	it.each([
		[12.5, 12.5],
		['12.5', 12.5],
		[' -3 ', -3],
		['1e3', 1000],
		['.5', 0.5],
	])('reads %j as the number %j', (value, number) => {
		expect(toFiniteNumber(value)).toBe(number);
	});

	it.each([NaN, Infinity, '', ' ', '10%', '1,5', 'ten', '0x10', null, undefined, true, [1], {}])('refuses %j as a number', (value) => {
		expect(toFiniteNumber(value)).toBeUndefined();
	});

	it('splits comma lists, trimming entries and dropping empty ones', () => {
		expect(commaList(' vip, renewal,, ,x ')).toEqual(['vip', 'renewal', 'x']);
		expect(commaList('')).toEqual([]);
		expect(commaList(undefined)).toEqual([]);
		expect(commaList(null)).toEqual([]);
		expect(commaList(42)).toEqual(['42']);
	});
});

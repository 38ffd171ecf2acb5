import { DateTime } from 'luxon';

import { epochMillisOf, parseIsoDate, toUtcDay, toUtcIsoString } from '../../nodes/shared/calendarDate';

describe('the pack’s one date rule', () => {
	it.each([
		['2024-02-29', Date.UTC(2024, 1, 29)],
		['2000-02-29', Date.UTC(2000, 1, 29)],
		['2024-12-31T23:59:59Z', Date.UTC(2024, 11, 31, 23, 59, 59)],
		['2024-06-30T12:00', Date.UTC(2024, 5, 30, 12)],
		['2024-06-30 12:00:00.25', Date.UTC(2024, 5, 30, 12, 0, 0, 250)],
		['2024-06-30T12:00:00,5+02:00', Date.UTC(2024, 5, 30, 10, 0, 0, 500)],
		['2024-06-30T12:00:00-0530', Date.UTC(2024, 5, 30, 17, 30)],
		['2024-06-30T01:00:00+02', Date.UTC(2024, 5, 29, 23)],
	])('reads %s', (text, millis) => {
		expect(parseIsoDate(text)).toBe(millis);
	});

	it.each([
		'2023-02-29',
		'2024-02-30',
		'2024-13-01',
		'2024-00-10',
		'2024-04-31',
		'1900-02-29',
		'31/12/2024',
		'2024-6-30',
		'2024-06-30T24:00:00Z',
		'2024-06-30T12:60Z',
		'2024-06-30T12:00:00+25:00',
		'next monday',
		'',
	])('refuses %j', (text) => {
		expect(parseIsoDate(text)).toBeUndefined();
		expect(toUtcIsoString(text)).toBeUndefined();
		expect(toUtcDay(text)).toBeUndefined();
	});

	it('reads epoch milliseconds, Date and Luxon DateTime values, and nothing else', () => {
		const millis = Date.UTC(2024, 1, 29, 12);
		expect(epochMillisOf(millis)).toBe(millis);
		expect(epochMillisOf(new Date(millis))).toBe(millis);
		expect(epochMillisOf(DateTime.fromMillis(millis))).toBe(millis);
		for (const other of [NaN, Infinity, 9e15, new Date('x'), {}, [], true, null, undefined]) expect(epochMillisOf(other)).toBeUndefined();
	});

	it('gives canonical UTC strings and UTC days', () => {
		expect(toUtcIsoString('2024-02-29')).toBe('2024-02-29T00:00:00.000Z');
		expect(toUtcIsoString('2024-02-29T10:11:12Z')).toBe('2024-02-29T10:11:12.000Z');
		expect(toUtcIsoString('2024-02-29T10:11:12.345Z')).toBe('2024-02-29T10:11:12.345Z');
		expect(toUtcDay('2024-02-28T23:30:00-02:00')).toBe('2024-02-29');
	});
});

import type { IWebhookFunctions } from 'n8n-workflow';

import type { CalloutAnswer } from '../DealHubCallout/answer';
import { refusal } from '../DealHubCallout/answer';
import type { PriceBookResult } from '../DealHubCallout/priceBook';
import { answerFromPriceBook } from '../DealHubCallout/priceBook';
import type { PriceField } from '../DealHubCallout/pricedResponse';
import type { PriceListFormat, PriceListTableRow } from '../DealHubCallout/priceListSources';
import { priceBookFromCsv, priceBookFromJson, priceBookFromTable } from '../DealHubCallout/priceListSources';
import { outlineFromRequest } from '../DealHubCallout/requestOutline';
import type { CalloutRequest } from '../DealHubCallout/requestSchema';

const isPlainObject = (value: object): boolean => {
	const prototype = Object.getPrototypeOf(value);
	return prototype === Object.prototype || prototype === null;
};

const isExactScalar = (value: unknown): boolean =>
	value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

/** Rows of plain objects holding scalars only: what a table parameter is unless an expression put more in it. */
function isFlatRows(value: unknown): boolean {
	if (!Array.isArray(value)) return false;
	for (const row of value) {
		if (row === null || typeof row !== 'object' || Array.isArray(row) || !isPlainObject(row)) return false;
		for (const key in row) if (!isExactScalar((row as Record<string, unknown>)[key])) return false;
	}
	return true;
}

/**
 * The rows as JSON when that JSON tells them apart from any other rows: strings, finite numbers,
 * booleans, null, arrays and plain objects only. Anything else (undefined, NaN, a Date or Luxon
 * DateTime from an expression, which JSON would turn into a string) gives undefined.
 */
export function exactJsonKey(value: unknown): string | undefined {
	let exact = true;
	let key: string | undefined;
	try {
		key = JSON.stringify(value, function (this: Record<string, unknown>, name: string) {
			const raw = this[name];
			if (isExactScalar(raw)) return raw;
			if (typeof raw === 'object' && raw !== null && (Array.isArray(raw) || isPlainObject(raw))) return raw;
			exact = false;
			return null;
		});
	} catch {
		return undefined;
	}
	return exact ? key : undefined;
}

/**
 * Parsed price lists by format and whole content (the text, or the table rows' exact JSON). n8n
 * hands the node a fresh copy of its parameters on every callout, and parsing checks every row,
 * so a long list would otherwise be parsed again per callout. An edited list is a new key and can
 * never be answered from an old one.
 */
const parsedLists: Record<PriceListFormat, Map<string, PriceBookResult>> = { table: new Map(), csv: new Map(), json: new Map() };
const MAX_PARSED_LISTS = 16;

function parsedOnce(format: PriceListFormat, key: string | undefined, parse: () => PriceBookResult): PriceBookResult {
	if (key === undefined) return parse();
	const lists = parsedLists[format];
	let parsed = lists.get(key);
	if (parsed === undefined) {
		parsed = parse();
		if (lists.size >= MAX_PARSED_LISTS) lists.delete(lists.keys().next().value as string);
		lists.set(key, parsed);
	}
	return parsed;
}

/**
 * Flat tables already parsed, with a copy of their rows. A table equal to one of them, value by
 * value, is answered from its parse: comparing costs no allocation, where serialising a table of
 * 10,000 rows into a key took several milliseconds a callout.
 */
interface ParsedTable {
	rows: Array<Record<string, unknown>>;
	keyCounts: number[];
	result: PriceBookResult;
}
const parsedTables: ParsedTable[] = [];

function isSameTable(rows: unknown[], table: ParsedTable): boolean {
	if (rows.length !== table.rows.length) return false;
	for (let index = 0; index < rows.length; index++) {
		const row = rows[index] as Record<string, unknown>;
		const known = table.rows[index];
		if (row === null || typeof row !== 'object') return false;
		let keys = 0;
		for (const key in row) {
			if (row[key] !== known[key] || !Object.prototype.hasOwnProperty.call(known, key)) return false;
			keys++;
		}
		if (keys !== table.keyCounts[index]) return false;
	}
	return true;
}

function parsedTableOnce(rows: PriceListTableRow[]): PriceBookResult {
	for (const table of parsedTables) if (isSameTable(rows, table)) return table.result;
	// Rows with nested values (from an expression) are told apart by their exact JSON instead.
	if (!isFlatRows(rows)) return parsedOnce('table', exactJsonKey(rows), () => priceBookFromTable(rows));
	const copies = rows.map((row) => ({ ...(row as Record<string, unknown>) }));
	const table: ParsedTable = { rows: copies, keyCounts: copies.map((row) => Object.keys(row).length), result: priceBookFromTable(rows) };
	if (parsedTables.length >= MAX_PARSED_LISTS) parsedTables.shift();
	parsedTables.push(table);
	return table.result;
}

export function parsePriceListOnce(format: 'table', rows: PriceListTableRow[]): PriceBookResult;
export function parsePriceListOnce(format: 'csv' | 'json', text: string): PriceBookResult;
export function parsePriceListOnce(format: PriceListFormat, content: PriceListTableRow[] | string): PriceBookResult {
	if (format === 'table') return parsedTableOnce(content as PriceListTableRow[]);
	const text = String(content);
	return parsedOnce(format, text, () => (format === 'csv' ? priceBookFromCsv(text) : priceBookFromJson(text)));
}

/** The price list of the node, in the form chosen in Price List Format. */
function priceListOf(this: IWebhookFunctions): PriceBookResult {
	const format = this.getNodeParameter('priceListFormat', 'table') as PriceListFormat;
	if (format === 'csv') return parsePriceListOnce('csv', String(this.getNodeParameter('priceListCsv', '')));
	if (format === 'json') {
		const json = this.getNodeParameter('priceListJson', '[]') as unknown;
		// An expression may hand over the array itself rather than its text.
		return parsePriceListOnce('json', typeof json === 'string' ? json : JSON.stringify(json));
	}
	return parsePriceListOnce('table', this.getNodeParameter('priceList.rows', []) as PriceListTableRow[]);
}

/** The answer from the trigger's own price list; a list that does not parse is a 400. */
export function priceListAnswer(this: IWebhookFunctions, request: CalloutRequest): CalloutAnswer {
	const priceList = priceListOf.call(this);
	if (!priceList.ok) return refusal(400, priceList.message);
	const priceField = this.getNodeParameter('priceField', 'price') as PriceField;
	return answerFromPriceBook(outlineFromRequest(request), priceList.priceBook, priceField);
}

import type { IDataObject } from 'n8n-workflow';

import { isRecord } from '../shared/values';
import type { PriceBookResult, PriceRow } from './priceBook';
import { priceBookFromRows } from './priceBook';

/**
 * The trigger's own price list, in the three forms the node takes: a table of rows in the node,
 * CSV text (as a spreadsheet exports it) and JSON text. Each becomes price rows for priceBook.ts,
 * checked strictly: a mistake in a list kept in the node is a configuration error, answered 400.
 */

export type PriceListFormat = 'table' | 'csv' | 'json';

export const NOT_VALID = 'The price list in n8n is not valid';

/** One row of the Price List table parameter. */
export interface PriceListTableRow {
	sku?: unknown;
	listPrice?: unknown;
	basis?: unknown;
	msrp?: unknown;
	/** A JSON object of further attributes, e.g. `{"partner_discount1": 10}`. */
	otherAttributes?: unknown;
}

const STRICT = { defaultBasis: 'flat', strict: true } as const;

function failed(problems: string[] | string): PriceBookResult {
	return { ok: false, message: `${NOT_VALID}: ${Array.isArray(problems) ? problems.join('; ') : problems}` };
}

function withPrefix(result: PriceBookResult): PriceBookResult {
	return result.ok ? result : failed(result.message);
}

function otherAttributesOf(text: unknown): IDataObject | string {
	if (typeof text !== 'string' || text.trim() === '') return {};
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return 'Other Attributes is not valid JSON';
	}
	if (!isRecord(value)) return 'Other Attributes must be a JSON object';
	return value as IDataObject;
}

/** The Price List table of the node. */
export function priceBookFromTable(tableRows: PriceListTableRow[]): PriceBookResult {
	const rows: PriceRow[] = [];
	const problems: string[] = [];
	tableRows.forEach((tableRow, index) => {
		const attributes = otherAttributesOf(tableRow.otherAttributes);
		if (typeof attributes === 'string') {
			const sku = typeof tableRow.sku === 'string' && tableRow.sku.trim() !== '' ? ` (SKU ${tableRow.sku.trim()})` : '';
			problems.push(`row ${index + 1}${sku}: ${attributes}`);
			return;
		}
		rows.push({ sku: tableRow.sku, price: tableRow.listPrice, basis: tableRow.basis, msrp: tableRow.msrp, attributes });
	});
	if (problems.length > 0) return failed(problems);
	return withPrefix(priceBookFromRows(rows, { ...STRICT, priceLabel: 'List Price' }));
}

/** Which price row field a column or key feeds: `SKU`, `List Price`, `list_price`, `price`, `Basis`, `MSRP`. */
type RowField = 'sku' | 'price' | 'basis' | 'msrp';

const FIELD_OF_COLUMN: Record<string, RowField> = {
	sku: 'sku',
	listprice: 'price',
	price: 'price',
	basis: 'basis',
	pricebasis: 'basis',
	msrp: 'msrp',
};

const fieldOfColumn = (column: string): RowField | undefined => FIELD_OF_COLUMN[column.toLowerCase().replace(/[^a-z0-9]/g, '')];

/** A record keyed by column names as a price row; blank attribute cells are left out. */
function rowFromRecord(record: Record<string, unknown>): PriceRow {
	const row: PriceRow = { sku: undefined, price: undefined, attributes: {} };
	for (const [column, value] of Object.entries(record)) {
		const field = fieldOfColumn(column);
		if (field !== undefined) row[field] = value;
		else if (!(value === undefined || value === null || value === '')) row.attributes[column.trim()] = value as IDataObject[string];
	}
	return row;
}

const COLUMNS_RULE = 'the columns sku and list_price (or price); basis (flat or per unit), MSRP and any attribute are optional';

/**
 * RFC 4180 CSV: a header row, quoted fields with "" for a quote, CRLF or LF. The delimiter is the
 * header's: a comma, or the semicolon or tab that spreadsheets in some locales export with.
 */
export function parseCsv(text: string): string[][] {
	const firstLine = text.slice(0, text.search(/\r?\n|$/));
	const delimiter = firstLine.includes(',') ? ',' : firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let quoted = false;
	for (let index = 0; index < text.length; index++) {
		const char = text[index];
		if (quoted) {
			if (char !== '"') field += char;
			else if (text[index + 1] === '"') {
				field += '"';
				index++;
			} else quoted = false;
		} else if (char === '"' && field === '') quoted = true;
		else if (char === delimiter) {
			record.push(field);
			field = '';
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && text[index + 1] === '\n') index++;
			record.push(field);
			records.push(record);
			record = [];
			field = '';
		} else field += char;
	}
	if (field !== '' || record.length > 0) {
		record.push(field);
		records.push(record);
	}
	return records.filter((cells) => cells.some((cell) => cell.trim() !== ''));
}

/** CSV text with a header row. */
export function priceBookFromCsv(text: string): PriceBookResult {
	const [header, ...records] = parseCsv(text.replace(/^\uFEFF/, ''));
	const fields = (header ?? []).map((column) => fieldOfColumn(column));
	if (!fields.includes('sku') || !fields.includes('price')) return failed(`the CSV needs a header row with ${COLUMNS_RULE}`);
	const rows = records.map((cells) => rowFromRecord(Object.fromEntries(header.map((column, index) => [column, cells[index]?.trim() ?? '']))));
	// Row numbers in messages count the data rows, the header row not included.
	return withPrefix(priceBookFromRows(rows, { ...STRICT, priceLabel: 'list_price' }));
}

/** JSON text: an array of objects, one per SKU, with the same keys as the CSV columns. */
export function priceBookFromJson(text: string): PriceBookResult {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		return failed(`the JSON does not parse (${(error as Error).message})`);
	}
	if (!Array.isArray(value) || !value.every(isRecord)) {
		return failed(`the JSON must be an array of objects with ${COLUMNS_RULE}`);
	}
	return withPrefix(priceBookFromRows((value as Array<Record<string, unknown>>).map(rowFromRecord), { ...STRICT, priceLabel: 'list_price' }));
}

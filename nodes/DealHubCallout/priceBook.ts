import type { IDataObject } from 'n8n-workflow';

import type { CalloutAnswer } from './answer';
import { refusal } from './answer';
import { isBlank, shownValue, toFiniteNumber } from '../shared/values';
import { toDealHubName } from './attributeNames';
import { listWithLimit } from './issueMessages';
import type { PriceField } from './pricedResponse';
import { buildPricedResponse } from './pricedResponse';
import type { RequestOutline } from './requestOutline';

/**
 * Pricing a callout from price rows, one per SKU: the one implementation behind the trigger's own
 * price list (a table, CSV or JSON in the node) and the Response's *Prices From Rows* (the rows a
 * lookup step output). A row gives a SKU's price, its basis (flat, or per unit times the line
 * item's quantity) and attributes such as MSRP; the answer is then built like any other (same
 * coercion, same 400 naming every unpriced SKU, bundles as DealHub sent them).
 */

export type PriceBasis = 'flat' | 'perUnit';

/** One price row, whatever it came from. Values are as given: checked when they are used. */
export interface PriceRow {
	sku: unknown;
	price: unknown;
	/** Undefined: the book's default basis. */
	basis?: unknown;
	msrp?: unknown;
	/** Further attributes by their column names (spaces and hyphens become underscores). */
	attributes: IDataObject;
}

export interface PriceBookEntry {
	/** The row number (1-based) it came from, for messages. */
	row: number;
	price: unknown;
	msrp: unknown;
	perUnit: boolean;
	attributes: IDataObject;
}

export interface PriceBook {
	/** The entry of a SKU, or a problem to report when the callout needs that SKU. */
	entryFor(sku: string): PriceBookEntry | string | undefined;
	/** Every attribute name some row sets, so that the answer carries them. */
	attributeNames: string[];
}

export type PriceBookResult = { ok: true; priceBook: PriceBook } | { ok: false; message: string };

/** A SKU as text: strings trimmed, numbers as written (a spreadsheet's 1001 is SKU "1001"). */
function skuText(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

/** `flat`, `perUnit`, `per unit`, `Per-Unit`, `per_unit`; blank is the default. */
function basisOf(value: unknown, fallback: PriceBasis): PriceBasis | undefined {
	if (isBlank(value)) return fallback;
	const word = String(value).toLowerCase().replace(/[^a-z]/g, '');
	if (word === 'flat') return 'flat';
	if (word === 'perunit') return 'perUnit';
	return undefined;
}

export interface PriceBookOptions {
	defaultBasis: PriceBasis;
	/**
	 * Strict: every row must be valid, as for a list kept in the node (a mistake there is a
	 * configuration error). Lenient: only the rows a callout needs are judged, when it needs them,
	 * as for rows from a lookup (a bad row elsewhere in the catalogue must not block a quote; rows
	 * without a SKU, as spreadsheets have, are skipped).
	 */
	strict: boolean;
	/** How the price column is called in messages, e.g. `List Price` or `price`. */
	priceLabel: string;
}

/** The problem with a row's values, or undefined when it can price. */
function rowProblem(row: PriceRow, options: PriceBookOptions): string | undefined {
	if (toFiniteNumber(row.price) === undefined) return `${options.priceLabel} must be a number (got ${shownValue(row.price)})`;
	if (!isBlank(row.msrp) && toFiniteNumber(row.msrp) === undefined) return `MSRP must be a number or empty (got ${shownValue(row.msrp)})`;
	if (basisOf(row.basis, options.defaultBasis) === undefined) return `Price Basis must be Flat or Per Unit (got ${shownValue(row.basis)})`;
	return undefined;
}

const rowLabel = (index: number, sku: string | undefined): string => `row ${index + 1}${sku === undefined ? '' : ` (SKU ${sku})`}`;

export function priceBookFromRows(rows: PriceRow[], options: PriceBookOptions): PriceBookResult {
	const bySku = new Map<string, PriceBookEntry>();
	const duplicates = new Map<string, number[]>();
	const names = new Set<string>();
	const problems: string[] = [];
	for (let index = 0; index < rows.length; index++) {
		const row = rows[index];
		const sku = skuText(row.sku);
		if (sku === undefined) {
			if (options.strict) problems.push(`${rowLabel(index, undefined)}: SKU is required`);
			continue;
		}
		if (options.strict) {
			const problem = rowProblem(row, options);
			if (problem !== undefined) problems.push(`${rowLabel(index, sku)}: ${problem}`);
		}
		const first = bySku.get(sku);
		if (first !== undefined) {
			if (options.strict) problems.push(`${rowLabel(index, sku)}: SKU ${sku} is listed twice`);
			else duplicates.set(sku, [...(duplicates.get(sku) ?? [first.row]), index + 1]);
			continue;
		}
		if (!isBlank(row.msrp)) names.add('MSRP');
		const attributes: IDataObject = {};
		for (const [name, value] of Object.entries(row.attributes)) {
			const dealHubName = toDealHubName(name);
			attributes[dealHubName] = value;
			names.add(dealHubName);
		}
		bySku.set(sku, {
			row: index + 1,
			price: row.price,
			msrp: isBlank(row.msrp) ? undefined : row.msrp,
			perUnit: basisOf(row.basis, options.defaultBasis) === 'perUnit',
			attributes,
		});
	}
	if (problems.length > 0) return { ok: false, message: listWithLimit(problems, '; ') };
	// Lenient rows are judged when a callout needs them: a price or attribute that is not a number
	// gets the answer's own 400 naming the line item; only a SKU in two rows is judged here.
	const entryFor = (sku: string): PriceBookEntry | string | undefined => {
		const rowsOfSku = duplicates.get(sku);
		if (rowsOfSku !== undefined) return `SKU ${sku} is in more than one price row (rows ${rowsOfSku.join(', ')})`;
		return bySku.get(sku);
	};
	return { ok: true, priceBook: { entryFor, attributeNames: [...names] } };
}

/** Per-unit prices times a quantity such as 0.1 x 3 would otherwise answer 0.30000000000000004. */
const tidy = (value: number): number => Number(value.toPrecision(15));

/** The value times the factor; a flat price (factor 1) is not rounded, which took 1 µs a line item. */
function times(value: unknown, factor: number): unknown {
	const number = toFiniteNumber(value);
	if (number === undefined) return value;
	return factor === 1 ? number : tidy(number * factor);
}

/**
 * Prices a callout from a price book: per-unit rows (price and MSRP) are multiplied by the line
 * item's quantity, flat rows are sent as they are. A SKU the book does not know gets the same 400
 * as an unpriced item from a workflow; a row that cannot price a SKU the callout needs is a 400
 * naming the row.
 */
export function answerFromPriceBook(outline: RequestOutline, priceBook: PriceBook, priceField: PriceField): CalloutAnswer {
	const priced: IDataObject[] = [];
	const problems = new Set<string>();
	for (const item of outline.byId.values()) {
		const entry = priceBook.entryFor(item.sku);
		if (entry === undefined) continue;
		if (typeof entry === 'string') {
			problems.add(entry);
			continue;
		}
		const factor = entry.perUnit ? (item.quantity ?? 1) : 1;
		const json: IDataObject = { ...entry.attributes, id: item.id, [priceField]: times(entry.price, factor) as IDataObject[string] };
		if (entry.msrp !== undefined) json.MSRP = times(entry.msrp, factor) as IDataObject[string];
		priced.push(json);
	}
	if (problems.size > 0) return refusal(400, `The price rows cannot price this callout: ${listWithLimit([...problems], '; ')}`);
	return buildPricedResponse(outline, priced, { priceField, additionalAttributes: priceBook.attributeNames });
}

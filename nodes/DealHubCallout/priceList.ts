import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { CalloutAnswer } from './answer';
import { toDealHubName } from './attributeNames';
import { describeRequestIssues, listWithLimit } from './issueMessages';
import type { PriceField } from './pricedResponse';
import { buildPricedResponse } from './pricedResponse';
import { outlineFromRequest } from './requestOutline';
import type { CalloutRequest } from './requestSchema';

const numeric = z.union([
	z.number().finite(),
	z
		.string()
		.trim()
		.regex(/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i, 'expected a number')
		.transform(Number),
]);

/** One row of the trigger's Price List parameter. */
export const priceListRowSchema = z.object({
	sku: z.string().trim().min(1),
	listPrice: numeric,
	basis: z.enum(['flat', 'perUnit']).default('flat'),
	msrp: z.union([z.literal(''), numeric]).optional(),
	/** A JSON object of further attributes, e.g. `{"partner_discount1": 10}`. */
	otherAttributes: z.string().optional(),
});

export type PriceListRow = z.input<typeof priceListRowSchema>;

export interface PriceListEntry {
	listPrice: number;
	msrp: number | undefined;
	perUnit: boolean;
	attributes: IDataObject;
}

export interface PriceList {
	bySku: Map<string, PriceListEntry>;
	/** Every attribute name some row sets, so the answer carries them. */
	attributeNames: string[];
}

export type PriceListResult = { ok: true; priceList: PriceList } | { ok: false; message: string };

function parseAttributes(text: string | undefined): IDataObject | string {
	if (text === undefined || text.trim() === '') return {};
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return 'Other Attributes is not valid JSON';
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'Other Attributes must be a JSON object';
	const attributes: IDataObject = {};
	for (const [name, attribute] of Object.entries(value as IDataObject)) attributes[toDealHubName(name)] = attribute;
	return attributes;
}

export function parsePriceList(rows: PriceListRow[]): PriceListResult {
	const bySku = new Map<string, PriceListEntry>();
	const names = new Set<string>();
	const problems: string[] = [];
	rows.forEach((row, index) => {
		const where = `row ${index + 1}${typeof row?.sku === 'string' && row.sku.trim() ? ` (SKU ${row.sku.trim()})` : ''}`;
		const parsed = priceListRowSchema.safeParse(row);
		if (!parsed.success) {
			problems.push(`${where}: ${describeRequestIssues(parsed.error.issues)}`);
			return;
		}
		const { sku, listPrice, basis, msrp, otherAttributes } = parsed.data;
		const attributes = parseAttributes(otherAttributes);
		if (typeof attributes === 'string') {
			problems.push(`${where}: ${attributes}`);
			return;
		}
		if (bySku.has(sku)) {
			problems.push(`${where}: SKU ${sku} is listed twice`);
			return;
		}
		if (msrp !== undefined && msrp !== '') names.add('MSRP');
		for (const name of Object.keys(attributes)) names.add(name);
		bySku.set(sku, { listPrice, msrp: msrp === '' ? undefined : msrp, perUnit: basis === 'perUnit', attributes });
	});
	if (problems.length > 0) return { ok: false, message: `The price list in n8n is not valid: ${listWithLimit(problems, '; ')}` };
	return { ok: true, priceList: { bySku, attributeNames: [...names] } };
}

/** Per-unit prices times a quantity such as 0.1 x 3 would otherwise answer 0.30000000000000004. */
const tidy = (value: number): number => Number(value.toPrecision(15));

/**
 * Prices a callout from the trigger's own price list: per-unit rows (list price and MSRP) are
 * multiplied by the line item's quantity, flat rows are sent as they are. SKUs the list does not
 * know get the same 400 as an unpriced item from a workflow.
 */
export function answerFromPriceList(request: CalloutRequest, priceList: PriceList, priceField: PriceField): CalloutAnswer {
	const outline = outlineFromRequest(request);
	const priced: IDataObject[] = [];
	for (const item of outline.byId.values()) {
		const entry = priceList.bySku.get(item.sku);
		if (entry === undefined) continue;
		const factor = entry.perUnit ? (item.quantity ?? 1) : 1;
		const json: IDataObject = { ...entry.attributes, id: item.id, [priceField]: tidy(entry.listPrice * factor) };
		if (entry.msrp !== undefined) json.MSRP = tidy(entry.msrp * factor);
		priced.push(json);
	}
	return buildPricedResponse(outline, priced, { priceField, additionalAttributes: priceList.attributeNames });
}

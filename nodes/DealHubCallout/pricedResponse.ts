import type { IDataObject } from 'n8n-workflow';

import type { CalloutAnswer } from './answer';
import { refusal } from './answer';
import { toFiniteNumber } from '../shared/values';
import { AttributeReader, toDealHubName } from './attributeNames';
import { coerceAttribute } from './coerceAttribute';
import { listWithLimit } from './issueMessages';
import type { OutlineItem, RequestOutline } from './requestOutline';

/** The Callouts API reference calls the price `price`; the OpenAPI document 1.0.1 `list_price`. */
export type PriceField = 'price' | 'list_price';

export const PRICE_FIELDS: readonly PriceField[] = ['price', 'list_price'];

export interface PricedResponseOptions {
	priceField: PriceField;
	/** Attributes to send although DealHub did not list them in returned_attributes. */
	additionalAttributes?: string[];
}

const CORE_FIELDS = new Set<string>(['id', 'sku', 'bundle_items', ...PRICE_FIELDS]);

const label = (item: OutlineItem): string => `SKU ${item.sku} (item ${item.id})`;

/** A workflow may have turned the id into a string ("7"); it still names item 7. */
function lineItemIdOf(value: unknown): number | undefined {
	const id = toFiniteNumber(value);
	return id !== undefined && Number.isInteger(id) ? id : undefined;
}

class Problems {
	readonly unpriced: string[] = [];
	readonly other: string[] = [];

	get any(): boolean {
		return this.unpriced.length > 0 || this.other.length > 0;
	}

	message(): string {
		const parts: string[] = [];
		if (this.unpriced.length > 0) parts.push(`No price for ${listWithLimit(this.unpriced)}`);
		if (this.other.length > 0) parts.push(listWithLimit(this.other, '; '));
		return parts.join('; ');
	}
}

/**
 * Rebuilds DealHub's answer in the request's shape and order from the priced workflow items:
 * `{ items: [{ id, sku, price, ...attributes, bundle_items: [...] }] }`. Every product needs a
 * numeric price, a bundle may have none; attribute values take the type DealHub asked for.
 * Any problem makes the whole answer a 400 naming each item, which DealHub shows the rep.
 */
export function buildPricedResponse(
	outline: RequestOutline,
	pricedItems: IDataObject[],
	options: PricedResponseOptions,
): CalloutAnswer {
	const problems = new Problems();
	const pricedById = new Map<number, IDataObject>();
	for (let index = 0; index < pricedItems.length; index++) {
		const json = pricedItems[index];
		const id = lineItemIdOf(json.id);
		const item = id === undefined ? undefined : outline.byId.get(id);
		if (item === undefined) {
			problems.other.push(
				id === undefined ? `Workflow item ${index} has no line item id` : `Unknown item id ${id} (not in this callout)`,
			);
		} else if (pricedById.has(item.id)) {
			problems.other.push(`${label(item)} is priced more than once`);
		} else {
			pricedById.set(item.id, json);
		}
	}

	const additional = (options.additionalAttributes ?? []).map(toDealHubName).filter((name) => !CORE_FIELDS.has(name));
	const otherPriceField: PriceField = options.priceField === 'price' ? 'list_price' : 'price';

	const answerFor = (item: OutlineItem): IDataObject => {
		const json = pricedById.get(item.id);
		const answer: IDataObject = { id: item.id, sku: item.sku };
		const rawPrice = json === undefined ? undefined : (json[options.priceField] ?? json[otherPriceField]);
		if (rawPrice === undefined || rawPrice === null || rawPrice === '') {
			if (item.type === 'product') problems.unpriced.push(label(item));
		} else {
			const price = toFiniteNumber(rawPrice);
			if (price === undefined) problems.other.push(`Price of ${label(item)} is not a number`);
			else answer[options.priceField] = price;
		}
		if (json !== undefined) {
			const reader = new AttributeReader(json);
			if (item.attributes !== undefined) {
				for (const name of Object.keys(item.attributes)) {
					if (CORE_FIELDS.has(name)) continue;
					const value = reader.get(name);
					if (value === undefined || value === null) continue;
					const coerced = coerceAttribute(item.attributes[name], value);
					if (coerced.ok) answer[toDealHubName(name)] = coerced.value;
					else problems.other.push(`${label(item)}: ${name} ${coerced.problem}`);
				}
			}
			for (const name of additional) {
				if (item.attributes?.[name] !== undefined) continue;
				const value = reader.get(name);
				if (value !== undefined && value !== null) answer[name] = value as IDataObject[string];
			}
		}
		if (item.children !== undefined) answer.bundle_items = item.children.map(answerFor);
		return answer;
	};

	const items = outline.items.map(answerFor);
	if (problems.any) return refusal(400, problems.message());
	return { status: 200, body: { items } };
}

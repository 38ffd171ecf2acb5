import type { IWebhookFunctions } from 'n8n-workflow';

import type { CalloutAnswer } from '../DealHubCallout/answer';
import { refusal } from '../DealHubCallout/answer';
import type { PriceListResult, PriceListRow } from '../DealHubCallout/priceList';
import { answerFromPriceList, parsePriceList } from '../DealHubCallout/priceList';
import type { PriceField } from '../DealHubCallout/pricedResponse';
import type { CalloutRequest } from '../DealHubCallout/requestSchema';

const isPlainObject = (value: object): boolean => {
	const prototype = Object.getPrototypeOf(value);
	return prototype === Object.prototype || prototype === null;
};

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
			if (raw === null || typeof raw === 'string' || typeof raw === 'boolean') return raw;
			if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
			if (typeof raw === 'object' && (Array.isArray(raw) || isPlainObject(raw))) return raw;
			exact = false;
			return null;
		});
	} catch {
		return undefined;
	}
	return exact ? key : undefined;
}

/**
 * Parsed price lists by their rows' exact JSON. n8n hands the node a fresh copy of the Price List
 * on every callout and parsing checks each row with zod (tens of microseconds a row), so a long
 * list would otherwise be parsed again per callout. The key is the rows' whole content: an
 * edited list is a new key and can never be answered from an old one.
 */
const parsedLists = new Map<string, PriceListResult>();
const MAX_PARSED_LISTS = 16;

export function parsePriceListOnce(rows: PriceListRow[]): PriceListResult {
	const key = exactJsonKey(rows);
	if (key === undefined) return parsePriceList(rows);
	let parsed = parsedLists.get(key);
	if (parsed === undefined) {
		parsed = parsePriceList(rows);
		if (parsedLists.size >= MAX_PARSED_LISTS) parsedLists.delete(parsedLists.keys().next().value as string);
		parsedLists.set(key, parsed);
	}
	return parsed;
}

/** The answer from the trigger's own Price List parameter; a list that does not parse is a 400. */
export function priceListAnswer(this: IWebhookFunctions, request: CalloutRequest): CalloutAnswer {
	const priceList = parsePriceListOnce(this.getNodeParameter('priceList.rows', []) as PriceListRow[]);
	if (!priceList.ok) return refusal(400, priceList.message);
	const priceField = this.getNodeParameter('priceField', 'price') as PriceField;
	return answerFromPriceList(request, priceList.priceList, priceField);
}

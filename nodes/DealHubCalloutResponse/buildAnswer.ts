import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import type { CalloutAnswer } from '../DealHubCallout/answer';
import { refusal } from '../DealHubCallout/answer';
import type { PriceBasis, PriceRow } from '../DealHubCallout/priceBook';
import { answerFromPriceBook, priceBookFromRows } from '../DealHubCallout/priceBook';
import type { PriceField } from '../DealHubCallout/pricedResponse';
import { buildPricedResponse } from '../DealHubCallout/pricedResponse';
import { commaList, getKey, isRecord } from '../shared/values';
import { findCalloutRequest } from './findCalloutRequest';

/**
 * The answer to send, and, when the workflow itself is at fault (not the prices), why: the node
 * then fails after answering, so the execution shows the problem while DealHub still gets JSON.
 */
export interface BuiltAnswer {
	answer: CalloutAnswer;
	workflowProblem?: string;
	/** What the node outputs instead of its input items, when set. */
	summary?: IDataObject;
}

function workflowFault(problem: string): BuiltAnswer {
	return { answer: refusal(400, `The n8n workflow could not answer this callout: ${problem}`), workflowProblem: problem };
}

function pricedItems(this: IExecuteFunctions): BuiltAnswer {
	const request = findCalloutRequest.call(this);
	if (!request.ok) return workflowFault(request.message);
	const priceField = this.getNodeParameter('priceField', 0, 'price') as PriceField;
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const additionalAttributes = commaList(options.additionalAttributes);
	const inputs = this.getInputData();
	const jsons: IDataObject[] = new Array(inputs.length);
	for (let index = 0; index < inputs.length; index++) jsons[index] = inputs[index].json;
	return { answer: buildPricedResponse(request.outline, jsons, { priceField, additionalAttributes }) };
}

/** Whether some row has the column (its name in any letter case). */
const hasColumn = (rows: IDataObject[], column: string): boolean => rows.some((row) => getKey(row, column) !== undefined);

/**
 * The price rows: the input items themselves, or the arrays one of their fields holds. An empty
 * item is no row: it is what a lookup with Always Output Data gives when it found nothing.
 */
function priceRowsOf(this: IExecuteFunctions): IDataObject[] | string {
	const inputs = this.getInputData();
	if (this.getNodeParameter('rowsIn', 0, 'items') !== 'field') {
		return inputs.map((item) => item.json).filter((json) => Object.keys(json).length > 0);
	}
	const path = String(this.getNodeParameter('rowsField', 0, '')).trim();
	if (path === '') return 'Rows Field is empty: name the field that holds the array of price rows';
	const rows: IDataObject[] = [];
	for (let index = 0; index < inputs.length; index++) {
		let value: unknown = inputs[index].json;
		for (const key of path.split('.')) value = value !== null && typeof value === 'object' ? (value as IDataObject)[key] : undefined;
		if (!Array.isArray(value)) return `input item ${index} has no array in the Rows Field "${path}"`;
		for (const row of value) {
			if (!isRecord(row)) return `the array in "${path}" of input item ${index} holds something other than rows (objects)`;
			rows.push(row as IDataObject);
		}
	}
	return rows;
}

/**
 * Prices From Rows: the input is the price book (one row per SKU, as a lookup step outputs it),
 * not the line items. The callout's line items come from the trigger, as for Priced Line Items,
 * and each is priced from its SKU's row. The node outputs one summary item: n8n stores every
 * node's output with the execution, and thousands of rows stored again would cost each callout.
 */
function priceRows(this: IExecuteFunctions): BuiltAnswer {
	const request = findCalloutRequest.call(this);
	if (!request.ok) return workflowFault(request.message);
	const rows = priceRowsOf.call(this);
	if (typeof rows === 'string') return workflowFault(rows);
	const skuColumn = String(this.getNodeParameter('skuColumn', 0, 'sku')).trim();
	const priceColumn = String(this.getNodeParameter('priceColumn', 0, 'price')).trim();
	for (const [setting, column] of [
		['SKU Column', skuColumn],
		['Price Column', priceColumn],
	]) {
		if (column === '') return workflowFault(`${setting} is empty`);
		if (rows.length > 0 && !hasColumn(rows, column)) return workflowFault(`no price row has the ${setting} "${column}"`);
	}
	const attributeColumns = commaList(this.getNodeParameter('attributeColumns', 0, ''));
	const msrpColumn = attributeColumns.find((column) => column.toLowerCase() === 'msrp');
	const otherColumns = attributeColumns.filter((column) => column !== msrpColumn);
	const priceRowsForBook: PriceRow[] = new Array(rows.length);
	for (let index = 0; index < rows.length; index++) {
		const row = rows[index];
		const attributes: IDataObject = {};
		for (const column of otherColumns) {
			const value = getKey(row, column);
			if (value !== undefined && value !== null && value !== '') attributes[column] = value as IDataObject[string];
		}
		priceRowsForBook[index] = {
			sku: getKey(row, skuColumn),
			price: getKey(row, priceColumn),
			msrp: msrpColumn === undefined ? undefined : getKey(row, msrpColumn),
			attributes,
		};
	}
	const book = priceBookFromRows(priceRowsForBook, {
		defaultBasis: this.getNodeParameter('basis', 0, 'flat') as PriceBasis,
		strict: false,
		priceLabel: priceColumn,
	});
	// Lenient books always build; their problems are reported per SKU in the answer.
	if (!book.ok) return workflowFault(book.message);
	const priceField = this.getNodeParameter('priceField', 0, 'price') as PriceField;
	const answer = answerFromPriceBook(request.outline, book.priceBook, priceField);
	const summary: IDataObject = {
		status: answer.status,
		line_items: request.outline.byId.size,
		price_rows: rows.length,
	};
	if (answer.status !== 200) summary.message = answer.body.message as string;
	return { answer, summary };
}

function error(this: IExecuteFunctions): BuiltAnswer {
	const message = String(this.getNodeParameter('errorMessage', 0, '')).trim();
	return { answer: refusal(400, message === '' ? 'The price could not be calculated' : message) };
}

function json(this: IExecuteFunctions): BuiltAnswer {
	const raw = this.getNodeParameter('responseBody', 0, '{}') as unknown;
	let body: unknown = raw;
	if (typeof raw === 'string') {
		try {
			body = jsonParse(raw);
		} catch {
			return workflowFault('the Response Body is not valid JSON');
		}
	}
	if (body === null || typeof body !== 'object' || Array.isArray(body)) {
		return workflowFault('the Response Body must be a JSON object');
	}
	const code = Number(this.getNodeParameter('responseCode', 0, 200));
	const status = Number.isInteger(code) && code >= 100 && code <= 599 ? code : 200;
	return { answer: { status, body: body as IDataObject } };
}

const builders = { pricedItems, priceRows, error, json };

export function buildAnswer(this: IExecuteFunctions, respondWith: string): BuiltAnswer {
	const builder = builders[respondWith as keyof typeof builders];
	if (builder === undefined) return workflowFault(`unknown Respond With "${respondWith}"`);
	return builder.call(this);
}

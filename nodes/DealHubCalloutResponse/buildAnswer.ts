import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import type { CalloutAnswer } from '../DealHubCallout/answer';
import { refusal } from '../DealHubCallout/answer';
import type { PriceField } from '../DealHubCallout/pricedResponse';
import { buildPricedResponse } from '../DealHubCallout/pricedResponse';
import { findCalloutRequest } from './findCalloutRequest';

/**
 * The answer to send, and, when the workflow itself is at fault (not the prices), why: the node
 * then fails after answering, so the execution shows the problem while DealHub still gets JSON.
 */
export interface BuiltAnswer {
	answer: CalloutAnswer;
	workflowProblem?: string;
}

function workflowFault(problem: string): BuiltAnswer {
	return { answer: refusal(400, `The n8n workflow could not answer this callout: ${problem}`), workflowProblem: problem };
}

function pricedItems(this: IExecuteFunctions): BuiltAnswer {
	const request = findCalloutRequest.call(this);
	if (!request.ok) return workflowFault(request.message);
	const priceField = this.getNodeParameter('priceField', 0, 'price') as PriceField;
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const additionalAttributes = String(options.additionalAttributes ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter((name) => name !== '');
	const inputs = this.getInputData();
	const jsons: IDataObject[] = new Array(inputs.length);
	for (let index = 0; index < inputs.length; index++) jsons[index] = inputs[index].json;
	return { answer: buildPricedResponse(request.outline, jsons, { priceField, additionalAttributes }) };
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

const builders = { pricedItems, error, json };

export function buildAnswer(this: IExecuteFunctions, respondWith: string): BuiltAnswer {
	const builder = builders[respondWith as keyof typeof builders];
	if (builder === undefined) return workflowFault(`unknown Respond With "${respondWith}"`);
	return builder.call(this);
}

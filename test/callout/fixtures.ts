import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions, INodeType } from 'n8n-workflow';

import { DealHubCalloutApi } from '../../credentials/DealHubCalloutApi.credentials';
import { DealHubCalloutResponse } from '../../nodes/DealHubCalloutResponse/DealHubCalloutResponse.node';
import { DealHubCalloutTrigger } from '../../nodes/DealHubCalloutTrigger/DealHubCalloutTrigger.node';
import type { NodeSpec } from '../harness/runWorkflow';
import { WebhookServer } from '../harness/webhookServer';

export const TOKEN = 'DASFE$df422ffg';
export const BEARER: ICredentialDataDecryptedObject = { authType: 'bearer', token: TOKEN };
export const BASIC_USER = 'dealhub';
export const BASIC_PASSWORD = 'pä$$word:with:colons';
export const BASIC: ICredentialDataDecryptedObject = { authType: 'basic', user: BASIC_USER, password: BASIC_PASSWORD };
export const BASIC_HEADER = `Basic ${Buffer.from(`${BASIC_USER}:${BASIC_PASSWORD}`).toString('base64')}`;

/** The request example of DealHub's OpenAPI document 1.0.1, with the secret of BEARER. */
export function exampleRequest(): IDataObject {
	const attributes = {
		price: 'number',
		MSRP: 'number',
		partner_discount1: 'percentage',
		partner_discount2: 'percentage',
		start_date: 'date',
	};
	const child = (id: number, sku: string) => ({
		id,
		sku,
		type: 'product',
		quantity: 15,
		duration: 12,
		family: 'hardware',
		returned_attributes: { ...attributes },
	});
	return {
		request_id: 'RANDOM-32bit-string',
		authentication: TOKEN,
		playbook_answers: {
			'general.currency': 'USD',
			'general.geo': 'North America',
			'group1.customer_type': 'Enterprise',
			'group2.number_of_something': 4323.11,
			'group3.proposal_date': '2021-03-25T15:39:25Z',
		},
		items: [
			{ ...child(1, 'A-1') },
			{
				id: 2,
				sku: 'B-1',
				type: 'bundle',
				quantity: 2,
				duration: 24,
				family: 'software',
				returned_attributes: { MSRP: 'number', start_date: 'date' },
				bundle_items: [child(3, 'B-111'), child(4, 'B-222'), child(5, 'B-333')],
			},
		],
	};
}

export type Pricing = (json: IDataObject, index: number) => IDataObject | IDataObject[] | undefined;

/** A stand-in for the user's pricing steps: maps each item to none, one or several items. */
export function pricingNode(price: Pricing): INodeType {
	return {
		description: {
			displayName: 'Test Pricing',
			name: 'testPricing',
			group: ['transform'],
			version: 1,
			description: 'Prices line items in tests',
			defaults: { name: 'Pricing' },
			inputs: ['main'],
			outputs: ['main'],
			properties: [],
		},
		async execute(this: IExecuteFunctions) {
			const output = this.getInputData().flatMap((item, index) => {
				const json = price(item.json, index);
				const jsons = json === undefined ? [] : Array.isArray(json) ? json : [json];
				return jsons.map((output) => ({ json: output, pairedItem: { item: index } }));
			});
			return [output];
		},
	};
}

export interface CalloutWorkflow {
	trigger?: IDataObject;
	credentials?: ICredentialDataDecryptedObject;
	/** Omit for a workflow that is only the trigger. */
	pricing?: Pricing;
	response?: IDataObject;
	/** Extra nodes between pricing and response (or instead of the response). */
	nodes?: NodeSpec[];
	withoutResponse?: boolean;
}

export async function startCallout(workflow: CalloutWorkflow = {}): Promise<WebhookServer> {
	const nodes: NodeSpec[] = [
		{
			name: 'DealHub Callout Trigger',
			type: new DealHubCalloutTrigger(),
			parameters: workflow.trigger ?? {},
			credentials: ['dealHubCalloutApi'],
		},
	];
	if (workflow.pricing) nodes.push({ name: 'Pricing', type: pricingNode(workflow.pricing) });
	nodes.push(...(workflow.nodes ?? []));
	if (workflow.pricing && !workflow.withoutResponse) {
		nodes.push({ name: 'DealHub Callout Response', type: new DealHubCalloutResponse(), parameters: workflow.response ?? {} });
	}
	return await new WebhookServer({
		nodes,
		credentialTypes: { dealHubCalloutApi: new DealHubCalloutApi() },
		credentials: { dealHubCalloutApi: workflow.credentials ?? BEARER },
	}).start();
}

export interface Answer {
	status: number;
	contentType: string | null;
	text: string;
	json: IDataObject;
}

export interface PostOptions {
	authorization?: string | null;
	contentType?: string | null;
	/** Sent as is instead of JSON.stringify(body). */
	raw?: string | Buffer;
}

export async function post(url: string, body: unknown, options: PostOptions = {}): Promise<Answer> {
	const headers: Record<string, string> = {};
	const authorization = options.authorization === undefined ? `Bearer ${TOKEN}` : options.authorization;
	if (authorization !== null) headers.Authorization = authorization;
	const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
	if (contentType !== null) headers['Content-Type'] = contentType;
	const response = await fetch(url, {
		method: 'POST',
		headers,
		// A string body would make fetch add text/plain itself; bytes go without a content type.
		body: contentType === null ? Buffer.from(options.raw ?? JSON.stringify(body)) : (options.raw ?? JSON.stringify(body)),
	});
	const text = await response.text();
	let json: IDataObject = {};
	try {
		json = JSON.parse(text) as IDataObject;
	} catch {
		json = {};
	}
	return { status: response.status, contentType: response.headers.get('content-type'), text, json };
}

/** Prices every product at 100 + its id, MSRP at twice that; bundles keep their fields only. */
export const priceEveryProduct: Pricing = (json) =>
	json.type === 'product' ? { ...json, price: 100 + Number(json.id), MSRP: 2 * (100 + Number(json.id)) } : json;

import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { testCalloutCredential } from './credentialTest';
import { triggerProperties } from './description';
import { calloutWebhook } from './webhookDescription';

/**
 * The callout code (verification, validation, fan-out, price list, zod schemas) is required on
 * first use: n8n requires every node file of a package at start, where only the description is
 * needed, and every module loaded there adds to n8n's start-up time.
 */
const loadAnswerCallout = async () => await import('./answerCallout');

export class DealHubCalloutTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DealHub Callout Trigger',
		name: 'dealHubCalloutTrigger',
		icon: { light: 'file:../../icons/dealhub.svg', dark: 'file:../../icons/dealhub.dark.svg' },
		group: ['trigger'],
		// 1.1 behaves exactly as 1. On every request to a version-1 webhook node, n8n 2.x
		// evaluates an expression for the Webhook node v1's Binary Data option (which this node
		// does not have) in its expression engine, a V8 isolate by default; from 1.1 on it does
		// not. It then also skips reading bodies it would not parse anyway (content types other
		// than JSON, text, form or XML), so the node sees the same body with either version.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["pricingSource"] === "priceList" ? "Price list" : "Priced by workflow"}}',
		description: 'Answer DealHub’s pricing callouts while a sales rep builds a quote',
		defaults: { name: 'DealHub Callout Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'dealHubCalloutApi', required: true, testedBy: 'dealHubCalloutCredentialTest' }],
		webhooks: [calloutWebhook()],
		properties: triggerProperties,
	};

	methods = {
		credentialTest: { dealHubCalloutCredentialTest: testCalloutCredential },
	};

	// DealHub has no API to register a callout URL: its admin pastes the production URL into the
	// callout settings, so there is nothing to create, check or delete on DealHub's side.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				// n8n asks when it activates the workflow: load the callout code then, not with the
				// node type at n8n's start, and not on the first callout either.
				await loadAnswerCallout();
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const { answerCallout } = await loadAnswerCallout();
		return await answerCallout.call(this);
	}
}

import type {
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { pastedWebhookMethods } from '../shared/descriptionParts';
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

	webhookMethods = pastedWebhookMethods(loadAnswerCallout);

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const { answerCallout } = await loadAnswerCallout();
		return await answerCallout.call(this);
	}
}

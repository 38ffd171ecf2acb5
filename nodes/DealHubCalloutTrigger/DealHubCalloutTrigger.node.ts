import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { answerCallout } from './answerCallout';
import { testCalloutCredential } from './credentialTest';
import { triggerProperties } from './description';

export class DealHubCalloutTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DealHub Callout Trigger',
		name: 'dealHubCalloutTrigger',
		icon: { light: 'file:../../icons/dealhub.svg', dark: 'file:../../icons/dealhub.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["pricingSource"] === "priceList" ? "Price list" : "Priced by workflow"}}',
		description: 'Answer DealHub’s pricing callouts while a sales rep builds a quote',
		defaults: { name: 'DealHub Callout Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'dealHubCalloutApi', required: true, testedBy: 'dealHubCalloutCredentialTest' }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// With its own price list the trigger answers in webhook() itself; otherwise the
				// DealHub Callout Response node does, so n8n must wait for it.
				responseMode: '={{$parameter["pricingSource"] === "priceList" ? "onReceived" : "responseNode"}}',
				path: '={{$parameter["path"]}}',
				isFullPath: true,
			},
		],
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
		return await answerCallout.call(this);
	}
}

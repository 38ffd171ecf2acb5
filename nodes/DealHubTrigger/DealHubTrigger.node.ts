import type { INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { pastedWebhookMethods } from '../shared/descriptionParts';
import { testWebhookCredential } from './credentialTest';
import { triggerProperties } from './description';

/** Required on first use, like the callout trigger's code: n8n requires every node file at start. */
const loadReceiveEvent = async () => await import('./receiveEvent');

export class DealHubTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DealHub Trigger',
		name: 'dealHubTrigger',
		icon: { light: 'file:../../icons/dealhub.svg', dark: 'file:../../icons/dealhub.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Start a workflow when DealHub sends a webhook: a quote won, approved or published, DealRoom activity and more',
		defaults: { name: 'DealHub Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'dealHubWebhookApi',
				required: true,
				testedBy: 'dealHubWebhookCredentialTest',
				displayOptions: { show: { authentication: ['secret'] } },
			},
			{ name: 'dealHubApi', required: true, displayOptions: { show: { fetchQuote: [true] } } },
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: '={{$parameter["path"]}}', isFullPath: true }],
		properties: triggerProperties,
	};

	methods = {
		credentialTest: { dealHubWebhookCredentialTest: testWebhookCredential },
	};

	webhookMethods = pastedWebhookMethods(loadReceiveEvent);

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const { receiveEvent } = await loadReceiveEvent();
		return await receiveEvent.call(this);
	}
}

import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { CalloutHeaders, CalloutOutcome } from '../DealHubCallout/acceptCallout';
import { acceptCallout } from '../DealHubCallout/acceptCallout';
import { refusal } from '../DealHubCallout/answer';
import type { CalloutSecret } from '../DealHubCallout/calloutSecret';
import { calloutSecretFrom } from '../DealHubCallout/calloutSecret';
import { cachedSecret, forgetSecret, rememberSecret, secretCacheKey } from '../DealHubCallout/secretCache';
import { priceListAnswer } from './priceListAnswer';
import { sendAnswer } from './sendAnswer';
import type { TriggerOutput } from './triggerItems';
import { triggerItems } from './triggerItems';

async function readSecret(this: IWebhookFunctions): Promise<CalloutSecret | undefined> {
	try {
		return calloutSecretFrom(await this.getCredentials('dealHubCalloutApi'));
	} catch (error) {
		this.logger.warn(`DealHub Callout Trigger: no usable credential (${(error as Error).message})`);
		return undefined;
	}
}

/**
 * Verification and validation, with the secret read from the credential at most every few
 * seconds (see secretCache.ts). A request the cached secret refuses is verified again with the
 * credential as stored now. Undefined when the credential cannot be read.
 */
async function verifiedCallout(this: IWebhookFunctions): Promise<CalloutOutcome | undefined> {
	const headers = this.getHeaderData() as CalloutHeaders;
	const body = this.getBodyData() as unknown;
	const node = this.getNode();
	const key = secretCacheKey(this.getWorkflow().id, node.name, node.credentials?.dealHubCalloutApi?.id);
	const cached = key === undefined ? undefined : cachedSecret(key, Date.now());
	if (cached !== undefined) {
		const outcome = acceptCallout(headers, body, cached);
		if (outcome.accepted || outcome.answer.status !== 401) return outcome;
	}
	const secret = await readSecret.call(this);
	if (key !== undefined) {
		if (secret === undefined) forgetSecret(key);
		else rememberSecret(key, secret, Date.now());
	}
	return secret === undefined ? undefined : acceptCallout(headers, body, secret);
}

/**
 * The trigger's webhook: verify, validate, then either hand the request to the workflow (whose
 * DealHub Callout Response node answers) or answer from the price list at once. Every refusal is
 * written here and no workflow runs for it.
 */
export async function answerCallout(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const response = this.getResponseObject();
	try {
		const outcome = await verifiedCallout.call(this);
		if (outcome === undefined) {
			sendAnswer(response, refusal(401, 'Unauthorized: no DealHub Callout credential is set up in n8n'));
			return { noWebhookResponse: true };
		}
		if (!outcome.accepted) {
			sendAnswer(response, outcome.answer);
			return { noWebhookResponse: true };
		}
		const output = this.getNodeParameter('output', 'lineItems') as TriggerOutput;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const workflowItems = () => triggerItems(outcome.request, output, options.includePlaybookAnswers !== false);

		if (this.getNodeParameter('pricingSource', 'workflow') !== 'priceList') {
			// Nothing to price: the workflow's steps would output no items, so the Response node
			// would never run and n8n would answer with an empty body.
			if (outcome.request.items.length === 0) {
				sendAnswer(response, { status: 200, body: { items: [] } });
				return { noWebhookResponse: true };
			}
			return { workflowData: [workflowItems()] };
		}
		sendAnswer(response, priceListAnswer.call(this, outcome.request));
		if (this.getNodeParameter('startWorkflow', false) === true) return { noWebhookResponse: true, workflowData: [workflowItems()] };
		return { noWebhookResponse: true };
	} catch (error) {
		// Whatever went wrong, DealHub gets a JSON answer it can show instead of n8n's generic 500.
		this.logger.error(`DealHub Callout Trigger could not process a callout: ${(error as Error).message}`);
		sendAnswer(response, refusal(400, 'The n8n DealHub Callout Trigger could not process this callout'));
		return { noWebhookResponse: true };
	}
}

import type { IWebhookFunctions } from 'n8n-workflow';

import type { CalloutAnswer } from '../DealHubCallout/answer';

type WebhookResponse = ReturnType<IWebhookFunctions['getResponseObject']>;

/** Writes the answer with Node's own response API, which n8n's Express response extends. */
export function sendAnswer(response: WebhookResponse, answer: CalloutAnswer): void {
	if (response.headersSent) return;
	response.statusCode = answer.status;
	response.setHeader('Content-Type', 'application/json; charset=utf-8');
	response.end(JSON.stringify(answer.body));
}

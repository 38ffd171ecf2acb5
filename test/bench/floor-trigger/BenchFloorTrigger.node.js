'use strict';
// Benchmark only (bench 1, variant (e)): a community trigger that answers every request with a
// fixed body from webhook(), with no credential, no parameter read and a static webhook
// description. Whatever it costs per request is n8n's floor for any community trigger that
// answers without a run, which is what the DealHub Callout Trigger's price list does.

const ANSWER = JSON.stringify({ items: [{ id: 1, sku: 'FLOOR', price: 1 }] });

class BenchFloorTrigger {
	constructor() {
		this.description = {
			displayName: 'Bench Floor Trigger',
			name: 'benchFloorTrigger',
			group: ['trigger'],
			version: 1,
			description: 'Answers a fixed body (benchmark only)',
			defaults: { name: 'Bench Floor Trigger' },
			inputs: [],
			outputs: ['main'],
			webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'bench-e', isFullPath: true }],
			properties: [],
		};
	}

	/** @this {import('n8n-workflow').IWebhookFunctions} */
	async webhook() {
		const response = this.getResponseObject();
		response.statusCode = 200;
		response.setHeader('Content-Type', 'application/json; charset=utf-8');
		response.end(ANSWER);
		return { noWebhookResponse: true };
	}
}

module.exports = { BenchFloorTrigger, ANSWER };

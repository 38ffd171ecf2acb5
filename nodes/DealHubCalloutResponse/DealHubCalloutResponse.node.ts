import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { claimCalloutAnswer } from './answerOnce';
import { responseProperties } from './description';

export class DealHubCalloutResponse implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DealHub Callout Response',
		name: 'dealHubCalloutResponse',
		icon: { light: 'file:../../icons/dealhub.svg', dark: 'file:../../icons/dealhub.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["respondWith"]}}',
		description: 'Send DealHub the answer to a pricing callout received by the DealHub Callout Trigger',
		defaults: { name: 'DealHub Callout Response' },
		// Not a tool: it answers the callout waiting on its own execution, which an AI agent's call has
		// none of (like n8n's Respond to Webhook). Declared, as the community lint asks, but not true.
		usableAsTool: undefined,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: responseProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		claimCalloutAnswer.call(this);
		// Required on first use, not with the node type at n8n's start (see the trigger).
		const { buildAnswer } = await import('./buildAnswer');
		const respondWith = this.getNodeParameter('respondWith', 0) as string;
		const { answer, workflowProblem, summary } = buildAnswer.call(this, respondWith);
		await this.sendResponse({
			body: answer.body,
			headers: { 'content-type': 'application/json; charset=utf-8' },
			statusCode: answer.status,
		});
		if (workflowProblem !== undefined) {
			throw new NodeOperationError(this.getNode(), `Could not answer the callout: ${workflowProblem}`, {
				description: `DealHub received HTTP 400: ${String(answer.body.message)}`,
			});
		}
		if (summary !== undefined) return [[{ json: summary, pairedItem: { item: 0 } }]];
		// The input goes out unchanged, so later nodes can log what was answered.
		return [this.getInputData().map((item, index) => ({ ...item, pairedItem: { item: index } }))];
	}
}

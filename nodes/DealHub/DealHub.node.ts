import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { authenticationDescription } from './resources/authentication';
import { dealRoomDescription } from './resources/dealRoom';
import { opportunityDescription } from './resources/opportunity';
import { quoteDescription } from './resources/quote';
import { router } from './router';

export class DealHub implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DealHub',
		name: 'dealHub',
		icon: { light: 'file:../../icons/dealhub.svg', dark: 'file:../../icons/dealhub.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Sign users in to DealHub CPQ, create, open or view quotes, and read quotes, documents and DealRoom signers',
		defaults: { name: 'DealHub' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'dealHubApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Authentication', value: 'authentication' },
					{ name: 'DealRoom', value: 'dealRoom' },
					{ name: 'Opportunity', value: 'opportunity' },
					{ name: 'Quote', value: 'quote' },
				],
				default: 'quote',
			},
			...authenticationDescription,
			...quoteDescription,
			...opportunityDescription,
			...dealRoomDescription,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}

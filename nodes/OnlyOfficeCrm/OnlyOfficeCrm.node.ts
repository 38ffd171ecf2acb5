import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { getStages, getUsers } from './methods/loadOptions';
import { opportunityDescription } from './resources/opportunity';
import { router } from './router';
import { optionsDescription } from './shared/options';

export class OnlyOfficeCrm implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ONLYOFFICE CRM',
		name: 'onlyOfficeCrm',
		icon: { light: 'file:../../icons/onlyoffice.svg', dark: 'file:../../icons/onlyoffice.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, read, update, move and delete opportunities in ONLYOFFICE Workspace CRM',
		defaults: { name: 'ONLYOFFICE CRM' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'onlyOfficeCrmApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Opportunity', value: 'opportunity' }],
				default: 'opportunity',
			},
			...opportunityDescription,
			optionsDescription,
		],
	};

	methods = { loadOptions: { getStages, getUsers } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}

import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchOpportunities, searchStages, searchUsers } from './methods/listSearch';
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
		// Version 2: the opportunity, stage and responsible user are resource locators (shared/locators.ts).
		version: [1, 2],
		defaultVersion: 2,
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

	methods = {
		loadOptions: { getStages, getUsers },
		listSearch: { searchOpportunities, searchStages, searchUsers },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}

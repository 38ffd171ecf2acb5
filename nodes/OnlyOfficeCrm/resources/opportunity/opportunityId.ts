import type { INodeProperties } from 'n8n-workflow';

export function opportunityIdField(operations: string[]): INodeProperties {
	return {
		displayName: 'Opportunity ID',
		name: 'opportunityId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '42',
		displayOptions: { show: { resource: ['opportunity'], operation: operations } },
		description: 'The number ONLYOFFICE gave the opportunity (in its address: ...#/deals/42)',
	};
}

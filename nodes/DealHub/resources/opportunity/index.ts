import type { INodeProperties } from 'n8n-workflow';

import { deliveryField, signInFields, timeoutOption } from '../../shared/descriptions';
import type { RedirectOperation } from '../../shared/redirectOperation';
import { partnerOpenOpportunityRequestSchema, viewOpportunitiesRequestSchema } from '../../shared/schemas';

export const opportunityOperations: Record<string, RedirectOperation> = {
	viewMine: {
		api: 'crm',
		path: '/api/v1/opportunities',
		schema: viewOpportunitiesRequestSchema,
		buildBody() {
			return {};
		},
	},
	partnerView: {
		api: 'partner',
		path: '/api/v1/open/opportunity',
		schema: partnerOpenOpportunityRequestSchema,
		buildBody(itemIndex) {
			return { opportunity_id: this.getNodeParameter('opportunityId', itemIndex, '') as string };
		},
	},
};

export const opportunityDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['opportunity'] } },
		options: [
			{
				name: 'View as Partner',
				value: 'partnerView',
				action: 'View the quotes of an opportunity as a partner',
				description: 'Get the DealHub URL listing the quotes of an opportunity for a partner user (Partner API)',
			},
			{
				name: 'View My Opportunities',
				value: 'viewMine',
				action: 'View my opportunities',
				description: 'Get the DealHub URL of the user’s My Opportunities page (CRM API)',
			},
		],
		default: 'viewMine',
	},
	...signInFields({ resource: ['opportunity'], operation: ['viewMine'] }, 'crm'),
	...signInFields({ resource: ['opportunity'], operation: ['partnerView'] }, 'partner'),
	deliveryField({ resource: ['opportunity'] }),
	{
		displayName: 'Opportunity ID',
		name: 'opportunityId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { resource: ['opportunity'], operation: ['partnerView'] } },
		description: 'The opportunity’s ID in your CRM',
	},
	timeoutOption({ resource: ['opportunity'] }),
];

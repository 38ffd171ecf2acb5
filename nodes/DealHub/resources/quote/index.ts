import type { INodeProperties } from 'n8n-workflow';

import { deliveryField, opportunityInfoFields, signInFields, timeoutOption } from '../../shared/descriptions';
import * as create from './create';
import * as open from './open';
import * as partnerCreate from './partnerCreate';
import * as partnerOpen from './partnerOpen';
import * as viewAll from './viewAll';

export const quoteOperations = {
	create: create.operation,
	open: open.operation,
	viewAll: viewAll.operation,
	partnerCreate: partnerCreate.operation,
	partnerOpen: partnerOpen.operation,
};

const crm = { resource: ['quote'], operation: ['create', 'open', 'viewAll'] };
const partner = { resource: ['quote'], operation: ['partnerCreate', 'partnerOpen'] };
const withOpportunityUpdate = { resource: ['quote'], operation: ['open', 'viewAll'] };

export const quoteDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['quote'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a quote',
				description: 'Create a quote for a CRM opportunity and get the DealHub URL to continue in (CRM API)',
			},
			{
				name: 'Create as Partner',
				value: 'partnerCreate',
				action: 'Create a quote as a partner',
				description: 'Get the DealHub URL where a partner user creates a quote for an opportunity (Partner API)',
			},
			{
				name: 'Open',
				value: 'open',
				action: 'Open a quote',
				description: 'Get the DealHub URL of an existing quote, optionally updating opportunity info (CRM API)',
			},
			{
				name: 'Open as Partner',
				value: 'partnerOpen',
				action: 'Open a quote as a partner',
				description: 'Get the DealHub URL of an existing quote for a partner user (Partner API)',
			},
			{
				name: 'View All for Opportunity',
				value: 'viewAll',
				action: 'View all quotes of an opportunity',
				description: 'Get the DealHub URL of the My Proposals page for an opportunity (CRM API)',
			},
		],
		default: 'create',
	},
	...signInFields(crm, 'crm'),
	...signInFields(partner, 'partner'),
	deliveryField({ resource: ['quote'] }),
	{
		displayName: 'Opportunity ID',
		name: 'externalOpportunityId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: crm },
		description: 'The opportunity’s ID in your CRM (external_opportunity_id)',
	},
	{
		displayName: 'Opportunity ID',
		name: 'opportunityId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: partner },
		description: 'The opportunity’s ID in your CRM',
	},
	...open.description,
	...partnerOpen.description,
	...create.description,
	{
		displayName: 'Update Opportunity Info',
		name: 'updateOpportunityInfo',
		type: 'boolean',
		default: false,
		displayOptions: { show: withOpportunityUpdate },
		description: 'Whether to send opportunity_info so DealHub updates the opportunity (reflected in draft quotes only)',
	},
	...opportunityInfoFields({ ...withOpportunityUpdate, updateOpportunityInfo: [true] }),
	timeoutOption({ resource: ['quote'] }),
];

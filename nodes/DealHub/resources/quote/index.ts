import type { INodeProperties } from 'n8n-workflow';

import { deliveryField, opportunityInfoFields, signInFields, timeoutOption } from '../../shared/descriptions';
import * as create from './create';
import * as downloadDocument from './downloadDocument';
import * as get from './get';
import * as getMany from './getMany';
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

/** The Quote API reads: no sign-in, the Authentication Token on the Quote API host. */
export const quoteReads = { get: get.execute, getMany: getMany.execute, downloadDocument: downloadDocument.execute };

const crm = { resource: ['quote'], operation: ['create', 'open', 'viewAll'] };
const signedIn = { resource: ['quote'], operation: ['create', 'open', 'viewAll', 'partnerCreate', 'partnerOpen'] };
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
				name: 'Download Document',
				value: 'downloadDocument',
				action: 'Download the document of a quote',
				description: 'Get a submitted quote’s PDF, Word or Excel document as a file (Quote API)',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a quote',
				description: 'Get a quote’s info, summary, line items, answers, approvals or DealRoom link (Quote API)',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many quotes',
				description: 'Get the quotes of a CRM opportunity (Quote API)',
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
	deliveryField(signedIn),
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
	...get.description,
	...getMany.description,
	...downloadDocument.description,
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

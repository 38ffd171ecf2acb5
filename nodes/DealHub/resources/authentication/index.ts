import type { INodeProperties } from 'n8n-workflow';

import { timeoutOption } from '../../shared/descriptions';
import * as crmUser from './crmUser';
import * as partnerUser from './partnerUser';

export { crmUser, partnerUser };

export const authenticationDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['authentication'] } },
		options: [
			{
				name: 'Authenticate CRM User',
				value: 'crmUser',
				action: 'Authenticate a CRM user',
				description:
					'Get a one-time access token (valid 60 seconds, single use) and the DealHub user ID for a CRM user; creates the user if needed',
			},
			{
				name: 'Authenticate Partner User',
				value: 'partnerUser',
				action: 'Authenticate a partner user',
				description: 'Get a one-time access token for a partner portal (PRM) user',
			},
		],
		default: 'crmUser',
	},
	...crmUser.description,
	...partnerUser.description,
	timeoutOption({ resource: ['authentication'] }),
];

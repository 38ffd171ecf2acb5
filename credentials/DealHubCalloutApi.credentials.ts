import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * The secret a DealHub admin sets in Version Settings > Advanced Settings > Callouts. DealHub sends
 * it to n8n with every callout; n8n never sends it anywhere, so there is no `authenticate`.
 * The DealHub Callout Trigger checks the fields are complete (its credential test).
 */
export class DealHubCalloutApi implements ICredentialType {
	name = 'dealHubCalloutApi';

	displayName = 'DealHub Callout API';

	icon: Icon = { light: 'file:../icons/dealhub.svg', dark: 'file:../icons/dealhub.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-dealhub/n8n-nodes-dealhub#pricing-callouts';

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authType',
			type: 'options',
			options: [
				{ name: 'Bearer Token', value: 'bearer' },
				{ name: 'Basic Auth', value: 'basic' },
			],
			default: 'bearer',
			description: 'The authentication type chosen in DealHub’s callout configuration',
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authType: ['bearer'] } },
			description: 'The Bearer token set in DealHub’s callout configuration',
		},
		{
			displayName: 'User Name',
			name: 'user',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authType: ['basic'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authType: ['basic'] } },
		},
	];
}

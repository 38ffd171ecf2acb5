import type { INodeProperties } from 'n8n-workflow';

/**
 * The fields of a secret DealHub sends to n8n (Bearer token or Basic user and password), the same
 * for the callout credential and the webhook credential; `where` names the DealHub screen it is
 * set in.
 */
export function inboundSecretProperties(where: string): INodeProperties[] {
	return [
		{
			displayName: 'Authentication',
			name: 'authType',
			type: 'options',
			options: [
				{ name: 'Bearer Token', value: 'bearer' },
				{ name: 'Basic Auth', value: 'basic' },
			],
			default: 'bearer',
			description: `The authentication type chosen in ${where}`,
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authType: ['bearer'] } },
			description: `The Bearer token set in ${where}`,
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

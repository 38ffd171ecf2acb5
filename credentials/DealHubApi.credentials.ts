import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

// The Partner API takes the key in the body; sending it anywhere else would leak it to a call
// that does not need it, and the CRM API answers 400 "Unrecognized parameter" to an extra body field.
const PARTNER_SIGN_IN_ENDPOINT = '/api/v1/authenticate/user';

export class DealHubApi implements ICredentialType {
	name = 'dealHubApi';

	displayName = 'DealHub API';

	icon: Icon = { light: 'file:../icons/dealhub.svg', dark: 'file:../icons/dealhub.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-dealhub/n8n-nodes-dealhub#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Instance URL',
			name: 'instanceUrl',
			type: 'string',
			default: '',
			placeholder: 'https://service-eu1.dealhub.io',
			required: true,
			description: 'The address of your DealHub instance, as in your browser when you use DealHub',
		},
		{
			displayName: 'Authentication Token',
			name: 'authenticationToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The token a DealHub admin generated under System Settings > API Settings > DealHub Authentication Tokens',
		},
		{
			displayName: 'Quote API URL',
			name: 'quoteApiUrl',
			type: 'string',
			default: 'https://api.dealhub.io',
			placeholder: 'https://api.dealhub.io',
			description: 'The host of DealHub’s Quote API, for the Get, Get Many and Download Document quote operations and DealRoom signers. Change it only if DealHub gave your tenant another one.',
		},
	];

	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const token = String(credentials.authenticationToken ?? '');
		if ((requestOptions.url ?? '').endsWith(PARTNER_SIGN_IN_ENDPOINT)) {
			const body = (requestOptions.body ?? {}) as Record<string, unknown>;
			return { ...requestOptions, body: { authentication: token, ...body } };
		}
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${token}` },
		};
	};

	// A sign-in without user fields proves the token without creating anything: DealHub answers
	// 400 (missing mandatory fields) when the token is good and 403 "Unauthenticated" when it is
	// not. n8n drops an empty body and hands the rules only the response body, hence this shape.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.instanceUrl.trim().replace(/\\/+$/, "")}}',
			url: '/api/v1/user/authenticate',
			method: 'POST',
			body: { user_information: {} },
			json: true,
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'message',
					value: 'Unauthenticated',
					message:
						'DealHub rejected the token (403 Unauthenticated). Check the Authentication Token and, if the token has an IP allowlist, that n8n calls from an allowed address.',
				},
			},
		],
	};
}

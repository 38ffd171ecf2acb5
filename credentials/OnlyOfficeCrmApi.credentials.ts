import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { obtainToken } from '../nodes/OnlyOfficeCrm/shared/login';

/** Which portal and user a saved session token was issued for. */
function sessionOwnerOf(credentials: ICredentialDataDecryptedObject): string {
	const portal = String(credentials.portalUrl ?? '').trim().replace(/\/+$/, '');
	return `${portal} ${String(credentials.userName ?? '').trim()}`;
}

const withPassword = { show: { authentication: ['password'] } };
const withAccessToken = { show: { authentication: ['accessToken'] } };

export class OnlyOfficeCrmApi implements ICredentialType {
	name = 'onlyOfficeCrmApi';

	displayName = 'ONLYOFFICE CRM API';

	icon: Icon = { light: 'file:../icons/onlyoffice.svg', dark: 'file:../icons/onlyoffice.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-dealhub/n8n-nodes-dealhub#onlyoffice-crm';

	properties: INodeProperties[] = [
		{
			displayName: 'Portal URL',
			name: 'portalUrl',
			type: 'string',
			default: '',
			placeholder: 'https://yourportal.onlyoffice.com',
			required: true,
			description: 'The address of your ONLYOFFICE Workspace portal, as in your browser',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'User Name and Password',
					value: 'password',
					description: 'n8n signs in, keeps the token and signs in again when it expires',
				},
				{
					name: 'Access Token',
					value: 'accessToken',
					description: 'A token you obtained yourself; needed on portals with two-step verification',
				},
			],
			default: 'password',
		},
		{
			displayName: 'User Name',
			name: 'userName',
			type: 'string',
			default: '',
			placeholder: 'name@email.com',
			required: true,
			displayOptions: withPassword,
			description: 'The email or login of a portal user with access to the CRM module',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: withPassword,
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: withAccessToken,
			description:
				'The token answered by POST /api/2.0/authentication (or /authentication/{code} with two-step verification), sent as is in the Authorization header',
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Session Owner',
			name: 'sessionOwner',
			type: 'hidden',
			default: '',
		},
	];

	// n8n calls this when the session token is empty, and again after a call answered 401.
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		if (credentials.authentication === 'accessToken') return {};
		const { portalUrl, userName, password } = credentials;
		const { token } = await obtainToken(this.helpers, { portalUrl, userName, password });
		return { sessionToken: token, sessionOwner: sessionOwnerOf(credentials) };
	}

	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		if (credentials.authentication !== 'accessToken' && credentials.sessionOwner !== sessionOwnerOf(credentials)) {
			// The saved token belongs to another portal or user: send none, so the 401 makes n8n sign in afresh.
			return requestOptions;
		}
		const token = credentials.authentication === 'accessToken' ? credentials.accessToken : credentials.sessionToken;
		// ONLYOFFICE takes the token raw, without a scheme such as Bearer.
		return { ...requestOptions, headers: { ...requestOptions.headers, Authorization: String(token ?? '').trim() } };
	};

	// The stage list: read-only, and it proves access to the CRM module, not just to the portal.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.portalUrl.trim().replace(/\\/+$/, "")}}',
			url: '/api/2.0/crm/opportunity/stage',
			method: 'GET',
			json: true,
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'ONLYOFFICE did not accept the credential (401). Check the Access Token, or the User Name and Password.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'The user may not use the CRM module of this portal (403). Ask a portal admin for CRM access.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No ONLYOFFICE CRM API at this Portal URL (404). Use the address of your portal, e.g. https://yourportal.onlyoffice.com.',
				},
			},
		],
	};
}

import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { describeTransportFailure } from '../../shared/httpFailure';
import { parseJsonBody } from '../../shared/parseJsonBody';
import type { Envelope } from './envelope';
import { envelopeMessage, isErrorEnvelope, parseEnvelope } from './envelope';
import { isLoginError } from './loginError';
import { apiUrl, PORTAL_URL_RULE, portalUrlOf } from './portalUrl';

export const CREDENTIAL_TYPE = 'onlyOfficeCrmApi';

export type PortalContext = IExecuteFunctions | ILoadOptionsFunctions;

export interface PortalCall {
	method: IHttpRequestMethods;
	/** Relative to /api/2.0/, e.g. `crm/opportunity/12`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	timeout: number;
	itemIndex?: number;
}

const REJECTED = {
	accessToken:
		'The Access Token of the ONLYOFFICE CRM credential is wrong or has expired. Obtain a new one and paste it into the credential.',
	password:
		'n8n signed in again with the User Name and Password of the ONLYOFFICE CRM credential and the new token was refused too. Check that the user is active and may use the CRM module.',
} as const;


async function credentialsOf(this: PortalContext, itemIndex: number): Promise<ICredentialDataDecryptedObject> {
	// The load-options context takes no item index; passing one there is harmless.
	return await (this as IExecuteFunctions).getCredentials(CREDENTIAL_TYPE, itemIndex);
}

function apiError(
	this: PortalContext,
	call: PortalCall,
	status: number,
	envelope: Envelope | undefined,
	authentication: unknown,
): NodeApiError {
	const portalMessage = envelopeMessage(envelope);
	const where = `${call.method} ${call.path}`;
	const httpCode = String(status);
	let message = portalMessage ?? `ONLYOFFICE answered HTTP ${status} to ${where}`;
	let description: string;
	if (status === 401) {
		message = `ONLYOFFICE did not accept the credential (HTTP 401${portalMessage ? `: ${portalMessage}` : ''})`;
		description = authentication === 'accessToken' ? REJECTED.accessToken : REJECTED.password;
	} else if (status === 403) {
		description = `The credential's user may not do ${where}: it needs access to the CRM module, and to the opportunity if it is private.`;
	} else if (status === 404) {
		description = `ONLYOFFICE found nothing for ${where}: check the ID.`;
	} else {
		description = `ONLYOFFICE refused ${where} (HTTP ${status}).`;
	}
	const response: JsonObject = { message, httpCode };
	return new NodeApiError(this.getNode(), response, { message, description, httpCode, itemIndex: call.itemIndex });
}

function failureError(this: PortalContext, call: PortalCall, error: unknown, authentication: unknown): Error {
	// httpRequestWithAuthentication wraps what went wrong (the client's error, or the credential's) as `cause`.
	const cause = (error as { cause?: unknown })?.cause ?? error;
	if (isLoginError(cause)) {
		return new NodeApiError(this.getNode(), { message: cause.message }, { message: cause.message, itemIndex: call.itemIndex });
	}
	const response = (cause as { response?: { status?: unknown; data?: unknown } })?.response;
	if (response && typeof response.status === 'number') {
		return apiError.call(this, call, response.status, parseEnvelope(parseJsonBody(response.data)), authentication);
	}
	const isClientError = Boolean((cause as { isAxiosError?: unknown })?.isAxiosError || (cause as { code?: unknown })?.code);
	if (!isClientError && cause instanceof Error) {
		return new NodeOperationError(this.getNode(), cause.message, { itemIndex: call.itemIndex });
	}
	const failure = describeTransportFailure(error, 'ONLYOFFICE', call.timeout);
	return new NodeApiError(this.getNode(), failure.response, { message: failure.message, itemIndex: call.itemIndex });
}

/**
 * One call to the portal's API, authenticated by the credential, unwrapped from its envelope.
 * Only a 401 throws inside the helper, so that n8n signs in again and retries once; every other
 * answer comes back here and is judged by its envelope.
 */
export async function callPortal(this: PortalContext, call: PortalCall): Promise<Envelope> {
	const itemIndex = call.itemIndex ?? 0;
	const credentials = await credentialsOf.call(this, itemIndex);
	const portalUrl = portalUrlOf(credentials.portalUrl);
	if (portalUrl === undefined) throw new NodeOperationError(this.getNode(), PORTAL_URL_RULE, { itemIndex });
	const options: IHttpRequestOptions = {
		method: call.method,
		url: apiUrl(portalUrl, call.path),
		qs: call.qs,
		arrayFormat: 'brackets',
		body: call.body,
		json: true,
		timeout: call.timeout,
		returnFullResponse: true,
		ignoreHttpStatusErrors: { ignore: true, except: [401] },
		disableFollowRedirect: true,
	};
	let answer: IN8nHttpFullResponse;
	try {
		answer = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, options)) as IN8nHttpFullResponse;
	} catch (error) {
		throw failureError.call(this, call, error, credentials.authentication);
	}
	const status = answer.statusCode;
	if (status >= 300 && status < 400) {
		const location = String(answer.headers?.location ?? 'another address');
		throw new NodeApiError(
			this.getNode(),
			{ message: `redirected to ${location}` },
			{
				message: `ONLYOFFICE redirected ${call.method} ${call.path} to ${location}`,
				description: 'Use the address the portal redirects to (often https) as the Portal URL of the credential.',
				httpCode: String(status),
				itemIndex,
			},
		);
	}
	const envelope = parseEnvelope(parseJsonBody(answer.body));
	if (envelope === undefined) {
		throw new NodeApiError(
			this.getNode(),
			{ message: 'not an ONLYOFFICE answer' },
			{
				message: `The Portal URL did not answer like an ONLYOFFICE API (HTTP ${status} to ${call.method} ${call.path})`,
				description: 'Check the Portal URL of the ONLYOFFICE CRM credential: the address of your portal, e.g. https://yourportal.onlyoffice.com.',
				httpCode: String(status),
				itemIndex,
			},
		);
	}
	if (status >= 400 || isErrorEnvelope(envelope)) {
		throw apiError.call(this, call, status >= 400 ? status : (envelope.statusCode ?? status), envelope, credentials.authentication);
	}
	return envelope;
}

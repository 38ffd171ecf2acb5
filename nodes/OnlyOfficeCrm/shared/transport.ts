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

function redirectError(this: PortalContext, call: PortalCall, status: number, location: unknown): NodeApiError {
	const target = typeof location === 'string' && location !== '' ? location : 'another address';
	return new NodeApiError(
		this.getNode(),
		{ message: `redirected to ${target}` },
		{
			message: `ONLYOFFICE redirected ${call.method} ${call.path} to ${target}`,
			description: 'Use the address the portal redirects to (often https) as the Portal URL of the credential.',
			httpCode: String(status),
			itemIndex: call.itemIndex,
		},
	);
}

/** An answer of the portal, whether the HTTP client returned it or threw it. */
interface PortalAnswer {
	status: number;
	body: unknown;
	location: unknown;
}

// httpRequestWithAuthentication wraps what went wrong (the client's error, or the credential's) as `cause`.
const causeOf = (error: unknown): unknown => (error as { cause?: unknown })?.cause ?? error;

/**
 * The portal's answer inside a thrown error, when there is one (not for timeouts or refused
 * sign-ins). n8n 2.x keeps the HTTP client's error, response and all, as the cause; n8n 1.x drops
 * the cause and keeps only the status (`httpCode`) and a JSON object body (`context.data`).
 */
function thrownAnswer(error: unknown): PortalAnswer | undefined {
	const cause = causeOf(error);
	if (isLoginError(cause)) return undefined;
	const response = (cause as { response?: { status?: unknown; data?: unknown; headers?: Record<string, unknown> } })?.response;
	if (response && typeof response.status === 'number') {
		return { status: response.status, body: response.data, location: response.headers?.location };
	}
	const { httpCode, context } = error as { httpCode?: unknown; context?: { data?: unknown } };
	if (typeof httpCode === 'string' && /^\d{3}$/.test(httpCode)) return { status: Number(httpCode), body: context?.data, location: undefined };
	return undefined;
}

/** What went wrong when no answer came: a refused sign-in, a timeout, a refused connection. */
function failureError(this: PortalContext, call: PortalCall, error: unknown): Error {
	const cause = causeOf(error);
	if (isLoginError(cause)) {
		return new NodeApiError(this.getNode(), { message: cause.message }, { message: cause.message, itemIndex: call.itemIndex });
	}
	const isClientError = Boolean((cause as { isAxiosError?: unknown })?.isAxiosError || (cause as { code?: unknown })?.code);
	if (!isClientError && cause instanceof Error) {
		return new NodeOperationError(this.getNode(), cause.message, { itemIndex: call.itemIndex });
	}
	const failure = describeTransportFailure(error, 'ONLYOFFICE', call.timeout);
	return new NodeApiError(this.getNode(), failure.response, { message: failure.message, itemIndex: call.itemIndex });
}

/** The envelope of a successful answer; every other answer throws, saying why in the portal's words. */
function envelopeOf(this: PortalContext, call: PortalCall, answer: PortalAnswer, authentication: unknown): Envelope {
	const { status } = answer;
	if (status >= 300 && status < 400) throw redirectError.call(this, call, status, answer.location);
	const envelope = parseEnvelope(parseJsonBody(answer.body));
	if (status === 401) throw apiError.call(this, call, status, envelope, authentication);
	if (envelope === undefined) {
		throw new NodeApiError(
			this.getNode(),
			{ message: 'not an ONLYOFFICE answer' },
			{
				message: `The Portal URL did not answer like an ONLYOFFICE API (HTTP ${status} to ${call.method} ${call.path})`,
				description: 'Check the Portal URL of the ONLYOFFICE CRM credential: the address of your portal, e.g. https://yourportal.onlyoffice.com.',
				httpCode: String(status),
				itemIndex: call.itemIndex,
			},
		);
	}
	if (status >= 400 || isErrorEnvelope(envelope)) {
		throw apiError.call(this, call, status >= 400 ? status : (envelope.statusCode ?? status), envelope, authentication);
	}
	return envelope;
}

/**
 * One call to the portal's API, authenticated by the credential, unwrapped from its envelope.
 * Every answer that is not a success throws inside the helper: a 401 must, so that n8n signs in
 * again and retries once (n8n 1.x knows no "every status but 401" setting, and would hand the 401
 * back without signing in), and the others are read from the thrown error like a success.
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
		disableFollowRedirect: true,
	};
	let answer: PortalAnswer;
	try {
		const full = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, options)) as IN8nHttpFullResponse;
		answer = { status: full.statusCode, body: full.body, location: full.headers?.location };
	} catch (error) {
		const thrown = thrownAnswer(error);
		if (thrown === undefined) throw failureError.call(this, call, error);
		answer = thrown;
	}
	return envelopeOf.call(this, call, answer, credentials.authentication);
}

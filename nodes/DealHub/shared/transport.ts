import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { SafeParseReturnType } from 'zod';

import { normalizeBaseUrl } from '../../shared/baseUrl';
import { describeTransportFailure } from '../../shared/httpFailure';
import { parseJsonBody } from '../../shared/parseJsonBody';

export const CREDENTIAL_TYPE = 'dealHubApi';

/**
 * `secret`: the stored Authentication Token, applied by the credential (Bearer header, or the
 * `authentication` body field for partner sign-in). `accessToken`: a one-time token from a sign-in,
 * sent as Bearer; such calls never carry the stored secret.
 */
export type DealHubAuth = { type: 'secret' } | { type: 'accessToken'; token: string };

export interface DealHubCall {
	path: string;
	body: IDataObject;
	auth: DealHubAuth;
	timeout: number;
	itemIndex: number;
}

export async function getInstanceUrl(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE, itemIndex);
	const instanceUrl = normalizeBaseUrl(credentials.instanceUrl);
	if (instanceUrl === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			'The DealHub API credential needs an Instance URL such as https://service-eu1.dealhub.io (http or https, no query)',
			{ itemIndex },
		);
	}
	return instanceUrl;
}


const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/**
 * DealHub's own words from an error answer: the text itself, or `message`, an `errors` list or
 * `error`. The CRM Open API documents `message` and `errors`, the Quote API `error`: each API
 * passes the key it documents as `first`, which wins when an answer carries both.
 */
export function dealHubMessageOf(body: unknown, first: 'message' | 'error' = 'message'): string | undefined {
	if (typeof body === 'string') return textOf(body);
	if (body === null || typeof body !== 'object') return undefined;
	const record = body as Record<string, unknown>;
	const errors = Array.isArray(record.errors) && record.errors.length > 0 ? formatDealHubErrors(record.errors) : undefined;
	const message = textOf(record.message);
	const error = textOf(record.error);
	return first === 'error' ? (error ?? message ?? errors) : (message ?? errors ?? error);
}

/**
 * A successful DealHub answer, read with its schema: DealHub may answer 200 with an `errors` list,
 * which fails the item in DealHub's words; an answer without what the call needs fails it too.
 */
export function readDealHubAnswer<T>(
	node: INode,
	answer: unknown,
	schema: { safeParse(value: unknown): SafeParseReturnType<unknown, T> },
	whenShapeIsWrong: string,
	itemIndex: number,
): T {
	const errors = (answer as { errors?: unknown[] } | undefined)?.errors;
	const parsed = Array.isArray(errors) && errors.length > 0 ? undefined : schema.safeParse(answer);
	if (parsed?.success) return parsed.data;
	const message = parsed === undefined ? formatDealHubErrors(errors as unknown[]) : whenShapeIsWrong;
	throw new NodeApiError(node, { message }, { message, itemIndex });
}

export function formatDealHubErrors(errors: unknown[]): string {
	return errors
		.map((entry) => {
			if (typeof entry === 'string') return entry;
			const message = (entry as { message?: unknown })?.message;
			return typeof message === 'string' ? message : JSON.stringify(entry);
		})
		.join('; ');
}

const UNAUTHENTICATED_CAUSES = {
	secret:
		'DealHub did not accept the Authentication Token of the DealHub API credential: the token is wrong or was deleted, or the token has an IP allowlist that does not include the address n8n calls from.',
	accessToken:
		'DealHub did not accept the one-time access token. Likely causes: the token was already used (each one works once), it is older than 60 seconds, it was issued for another DealHub user id, the account is a native SFDC/MS Dynamics CRM account, or the IP allowlist does not include n8n.',
} as const;

function dealHubError(
	this: IExecuteFunctions,
	call: DealHubCall,
	statusCode: number,
	body: unknown,
): NodeApiError {
	const dealHubMessage = dealHubMessageOf(body);
	const httpCode = String(statusCode);
	const response: JsonObject = { message: dealHubMessage ?? null, httpCode };
	if (statusCode === 403 || statusCode === 401) {
		return new NodeApiError(this.getNode(), response, {
			message: `${dealHubMessage ?? 'Unauthenticated'} (HTTP ${statusCode} from ${call.path})`,
			description: UNAUTHENTICATED_CAUSES[call.auth.type],
			httpCode,
			itemIndex: call.itemIndex,
		});
	}
	return new NodeApiError(this.getNode(), response, {
		message: dealHubMessage ?? `DealHub answered HTTP ${statusCode} to ${call.path}`,
		description: statusCode === 400 ? `DealHub refused the request to ${call.path}` : undefined,
		httpCode,
		itemIndex: call.itemIndex,
	});
}

/**
 * One POST to DealHub. The CRM API documents HTTP 300 for success and the Partner API 200, so any
 * 2xx/3xx with a body is success and redirects are never followed.
 */
export async function callDealHub(this: IExecuteFunctions, call: DealHubCall): Promise<unknown> {
	const instanceUrl = await getInstanceUrl.call(this, call.itemIndex);
	const options: IHttpRequestOptions = {
		method: 'POST',
		url: `${instanceUrl}${call.path}`,
		body: call.body,
		json: true,
		timeout: call.timeout,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
	};
	let response: { statusCode: number; body: unknown };
	try {
		if (call.auth.type === 'secret') {
			response = await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, options);
		} else {
			options.headers = { Authorization: `Bearer ${call.auth.token}` };
			response = await this.helpers.httpRequest(options);
		}
	} catch (error) {
		const failure = describeTransportFailure(error, 'DealHub', call.timeout);
		throw new NodeApiError(this.getNode(), failure.response, {
			message: failure.message,
			itemIndex: call.itemIndex,
		});
	}
	const body = parseJsonBody(response.body);
	if (response.statusCode >= 200 && response.statusCode < 400) return body;
	throw dealHubError.call(this, call, response.statusCode, body);
}

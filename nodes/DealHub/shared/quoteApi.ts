import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, IN8nHttpFullResponse, IWebhookFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { normalizeBaseUrl } from '../../shared/baseUrl';
import { parseIsoDate } from '../../shared/calendarDate';
import { describeTransportFailure } from '../../shared/httpFailure';
import { parseJsonBody } from '../../shared/parseJsonBody';
import { formatPath } from '../../shared/zodIssues';
import { CREDENTIAL_TYPE, dealHubMessageOf } from './transport';

/**
 * DealHub's Quote API (reads): its own host (default https://api.dealhub.io), the long-lived
 * Authentication Token as Bearer (applied by the credential), GET only. Errors are plain strings,
 * `{"error": ...}` or `{"message": ...}`; an unknown id is a 400 `Entity (ID = ...) not found`, a
 * bad token a 403 `Unauthenticated`. Dates come as `yyyy-mm-dd hh:mm:ss` in GMT.
 */

export const DEFAULT_QUOTE_API_URL = 'https://api.dealhub.io';

/** The detail blocks of a quote (`feature`); without one DealHub answers only id, status and upgrade flag. */
export const QUOTE_DETAILS = ['info', 'summary', 'deal_room_info', 'line_items', 'answers', 'approvals'] as const;

export const quoteSchema = z
	.object({
		dealhub_quote_id: z.string(),
		status: z.string().optional(),
		quote_upgrade_required: z.boolean().optional(),
		info: z.object({ dealhub_quote_number: z.string().nullish() }).passthrough().nullish(),
		line_items: z.array(z.record(z.unknown())).nullish(),
	})
	.passthrough();

export type Quote = z.infer<typeof quoteSchema>;

export const quoteListSchema = z.object({
	info: z.object({ more_results_matching_the_request: z.boolean().optional() }).passthrough().optional(),
	quotes: z.array(quoteSchema),
});

export const quoteIdAnswerSchema = z.object({ dealhub_quote_id: z.string() });

/** Node operations read quotes, and so does the DealHub Trigger's Fetch Full Quote. */
export type QuoteApiContext = IExecuteFunctions | IWebhookFunctions;

export interface QuoteApiCall {
	path: string;
	qs?: IDataObject;
	timeout: number;
	itemIndex: number;
	/** What a 400 most likely means for this call, for the error's description. */
	badRequestHint: string;
}

const UNAUTHENTICATED =
	'DealHub did not accept the Authentication Token of the DealHub API credential (the Quote API answers 403 "Unauthenticated"): the token is wrong or was deleted (Control Panel > System Settings > API Settings), or its IP allowlist does not include n8n. Also check the Quote API URL of the credential.';

async function quoteApiUrl(this: QuoteApiContext, itemIndex: number): Promise<string> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE, itemIndex);
	const raw = typeof credentials.quoteApiUrl === 'string' && credentials.quoteApiUrl.trim() !== '' ? credentials.quoteApiUrl : DEFAULT_QUOTE_API_URL;
	const url = normalizeBaseUrl(raw);
	if (url === undefined) {
		throw new NodeOperationError(this.getNode(), `The Quote API URL of the DealHub API credential must be an http(s) address such as ${DEFAULT_QUOTE_API_URL} (got ${JSON.stringify(raw)})`, {
			itemIndex,
		});
	}
	return url;
}

function quoteApiError(this: QuoteApiContext, call: QuoteApiCall, status: number, body: unknown): NodeApiError {
	const dealHubMessage = dealHubMessageOf(body, 'error');
	const httpCode = String(status);
	const response: JsonObject = { message: dealHubMessage ?? null, httpCode };
	let description: string | undefined;
	if (status === 401 || status === 403) description = UNAUTHENTICATED;
	else if (status === 400 && /not found/i.test(dealHubMessage ?? '')) description = `DealHub knows no such entity: ${call.badRequestHint}`;
	else if (status === 400) description = call.badRequestHint;
	return new NodeApiError(this.getNode(), response, {
		message: `${dealHubMessage ?? `DealHub answered HTTP ${status}`} (HTTP ${status} from GET ${call.path})`,
		description,
		httpCode,
		itemIndex: call.itemIndex,
	});
}

async function send(this: QuoteApiContext, call: QuoteApiCall, binary: boolean): Promise<IN8nHttpFullResponse> {
	const options: IHttpRequestOptions = {
		method: 'GET',
		url: `${await quoteApiUrl.call(this, call.itemIndex)}${call.path}`,
		qs: call.qs,
		// `feature` is a repeated query parameter: ?feature=info&feature=summary.
		arrayFormat: 'repeat',
		json: !binary,
		encoding: binary ? 'arraybuffer' : undefined,
		timeout: call.timeout,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	let answer: IN8nHttpFullResponse;
	try {
		answer = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, options)) as IN8nHttpFullResponse;
	} catch (error) {
		const failure = describeTransportFailure(error, 'The DealHub Quote API', call.timeout);
		throw new NodeApiError(this.getNode(), failure.response, { message: failure.message, itemIndex: call.itemIndex });
	}
	if (answer.statusCode >= 200 && answer.statusCode < 300) return answer;
	const body = binary ? parseJsonBody(Buffer.from(answer.body as ArrayBuffer).toString('utf8')) : parseJsonBody(answer.body);
	throw quoteApiError.call(this, call, answer.statusCode, body);
}

/** A GET that answers JSON, checked against `schema`; an answer of another shape is an error that says so. */
export async function getQuoteApiJson<S extends z.ZodTypeAny>(this: QuoteApiContext, call: QuoteApiCall, schema: S): Promise<z.infer<S>> {
	const answer = await send.call(this, call, false);
	const parsed = schema.safeParse(parseJsonBody(answer.body));
	if (parsed.success) return parsed.data as z.infer<S>;
	const issue = parsed.error.issues[0];
	throw new NodeApiError(
		this.getNode(),
		{ message: 'unexpected answer' },
		{
			message: `The DealHub Quote API answered GET ${call.path} in an unexpected shape (${formatPath(issue.path)}: ${issue.message})`,
			description: 'Check the Quote API URL of the DealHub API credential: it must be the Quote API host, e.g. https://api.dealhub.io.',
			itemIndex: call.itemIndex,
		},
	);
}

/**
 * GET /api/v2/quote/{id} with the chosen detail blocks (repeated `feature` parameters); with
 * `external`, the id is the CRM's external_quote_id. For the Get operation and the trigger's Fetch
 * Full Quote alike.
 */
export async function getQuote(
	this: QuoteApiContext,
	id: string,
	details: readonly string[],
	call: Omit<QuoteApiCall, 'path' | 'qs'>,
	external = false,
): Promise<Quote> {
	const qs: IDataObject = {};
	if (details.length > 0) qs.feature = [...details];
	if (external) qs.external_identifier_flag = true;
	return await getQuoteApiJson.call(this, { ...call, path: `/api/v2/quote/${encodeURIComponent(id)}`, qs }, quoteSchema);
}

/** A GET that answers a file: its bytes and the headers that may name it. */
export async function getQuoteApiFile(this: QuoteApiContext, call: QuoteApiCall): Promise<{ bytes: Buffer; headers: IDataObject }> {
	const answer = await send.call(this, call, true);
	return { bytes: Buffer.from(answer.body as ArrayBuffer), headers: (answer.headers ?? {}) as IDataObject };
}

const DEALHUB_DATE = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/;

/**
 * The answer with every DealHub date (`yyyy-mm-dd hh:mm:ss`, GMT) also given as ISO 8601 UTC,
 * in a sibling field with `_iso` appended: `won_date` keeps DealHub's text, `won_date_iso` is
 * `2025-03-01T10:15:00.000Z`. Nested objects and lists are walked; other values stay as they are.
 */
export function withIsoDates<T>(value: T): T {
	if (Array.isArray(value)) return value.map((entry) => withIsoDates(entry)) as T;
	if (value === null || typeof value !== 'object') return value;
	const out: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
		out[key] = withIsoDates(entry);
		const match = typeof entry === 'string' ? DEALHUB_DATE.exec(entry) : null;
		const millis = match === null ? undefined : parseIsoDate(`${match[1]}T${match[2]}Z`);
		if (millis !== undefined) out[`${key}_iso`] = new Date(millis).toISOString();
	}
	return out as T;
}

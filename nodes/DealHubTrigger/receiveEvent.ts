import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { getQuote, withIsoDates } from '../DealHub/shared/quoteApi';
import type { CalloutAnswer } from '../DealHubCallout/answer';
import { refusal } from '../DealHubCallout/answer';
import { calloutSecretFrom } from '../DealHubCallout/calloutSecret';
import { verifyAuthorization } from '../DealHubCallout/verifyAuthorization';
import { sendAnswer } from '../DealHubCalloutTrigger/sendAnswer';
import { commaList, getKey, isRecord } from '../shared/values';
import { ANY_EVENT, QUOTE_EVENTS } from './description';

/**
 * The DealHub Trigger's webhook: verify the secret, read the event name, filter, drop duplicates,
 * answer DealHub at once, then (for quote events, when asked) fetch the full quote and start the
 * run. DealHub documents no signature, no retries and no sample body for quote events, so the body
 * is passed on as sent and never refused for fields the trigger does not know.
 */

const CREDENTIAL_LABEL = 'DealHub Webhook credential';
const QUOTE_FETCH_TIMEOUT_MS = 30_000;
const MAX_REMEMBERED_EVENTS = 1_000;

type Json = Record<string, unknown>;

const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/**
 * Where DealHub most likely names the event: `event`, as in its documented DealRoom payload; else
 * `event_type`, `event_name` or the same inside `event_info`. An unnamed event is ''.
 */
export function eventNameOf(body: Json): string {
	for (const record of [body, getKey(body, 'event_info')]) {
		for (const name of ['event', 'event_type', 'eventType', 'event_name']) {
			const found = textOf(getKey(record, name));
			if (found !== undefined) return found;
		}
	}
	return '';
}

/** The activity key of a DealRoom event: the one key of `action_summary`. */
export function dealRoomActionOf(body: Json): string | undefined {
	const summary = getKey(body, 'action_summary');
	return isRecord(summary) ? Object.keys(summary)[0] : undefined;
}

/**
 * True when `eventId` was seen within `windowMs`; remembers it either way. The ids live in the
 * trigger's workflow static data, which n8n loads from its database for every webhook request and
 * saves after it: every process (webhook processors in queue mode) shares them. Pairs in an
 * array, oldest first, because an object would reorder ids that look like numbers.
 */
export function seenRecently(staticData: IDataObject, eventId: string, windowMs: number, now: number): boolean {
	const stored = Array.isArray(staticData.seenEvents) ? (staticData.seenEvents as Array<[string, number]>) : [];
	const recent = stored.filter(([, at]) => now - at <= windowMs);
	if (recent.some(([id]) => id === eventId)) return true;
	recent.push([eventId, now]);
	staticData.seenEvents = recent.slice(-MAX_REMEMBERED_EVENTS);
	return false;
}

/** Event ids this process saw, per workflow and trigger node, oldest first (a Map keeps insertion order). */
const seenInProcess = new Map<string, Map<string, number>>();

/**
 * The same check in this process's memory. n8n saves the static data only after the request is
 * answered, so a repeat that arrives at once may still load the old static data; this catches it.
 */
export function seenInThisProcess(scope: string, eventId: string, windowMs: number, now: number): boolean {
	let seen = seenInProcess.get(scope);
	if (seen === undefined) seenInProcess.set(scope, (seen = new Map()));
	for (const [id, at] of seen) {
		if (now - at <= windowMs && seen.size <= MAX_REMEMBERED_EVENTS) break;
		seen.delete(id);
	}
	const before = seen.get(eventId);
	if (before !== undefined && now - before <= windowMs) return true;
	seen.delete(eventId);
	seen.set(eventId, now);
	return false;
}

function reply(this: IWebhookFunctions, answer: CalloutAnswer): IWebhookResponseData {
	sendAnswer(this.getResponseObject(), answer);
	return { noWebhookResponse: true };
}

async function verified(this: IWebhookFunctions, body: unknown): Promise<CalloutAnswer | undefined> {
	if (this.getNodeParameter('authentication', 'secret') === 'none') return undefined;
	let credentials;
	try {
		credentials = await this.getCredentials('dealHubWebhookApi');
	} catch (error) {
		this.logger.warn(`DealHub Trigger: no usable credential (${(error as Error).message})`);
		return refusal(401, `Unauthorized: no ${CREDENTIAL_LABEL} is set up in n8n`);
	}
	const verification = verifyAuthorization(this.getHeaderData().authorization, body, calloutSecretFrom(credentials), CREDENTIAL_LABEL);
	return verification.ok ? undefined : refusal(401, verification.message);
}

/** The quote of a quote event from Get Quote, or why it could not be read (the run starts either way). */
async function fetchQuote(this: IWebhookFunctions, quoteId: string): Promise<IDataObject> {
	const details = this.getNodeParameter('quoteDetails', []) as string[];
	try {
		const quote = await getQuote.call(this, quoteId, details, {
			timeout: QUOTE_FETCH_TIMEOUT_MS,
			itemIndex: 0,
			badRequestHint: `the event names quote ${quoteId}, which DealHub does not know (anymore).`,
		});
		return { quote: withIsoDates(quote) as IDataObject };
	} catch (error) {
		return { quote: null, quote_error: (error as Error).message };
	}
}

export async function receiveEvent(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const body = this.getBodyData() as unknown;
	const refused = await verified.call(this, body);
	if (refused !== undefined) return reply.call(this, refused);
	if (!isRecord(body)) return reply.call(this, refusal(400, 'Invalid DealHub event: the body must be a JSON object'));

	const event = eventNameOf(body);
	const events = this.getNodeParameter('events', []) as string[];
	const accepted = { status: 200, body: { received: true } };
	if (!events.includes(ANY_EVENT) && !events.includes(event)) return reply.call(this, accepted);
	const dealRoomAction = event === 'DEALROOM_EVENT' ? dealRoomActionOf(body) : undefined;
	const actions = commaList(this.getNodeParameter('dealRoomActions', ''));
	if (event === 'DEALROOM_EVENT' && actions.length > 0 && !actions.includes(dealRoomAction ?? '')) return reply.call(this, accepted);

	const options = this.getNodeParameter('options', {}) as IDataObject;
	const eventId = textOf(getKey(getKey(body, 'event_info'), 'event_id'));
	if (options.dropDuplicates !== false && eventId !== undefined) {
		const windowMs = Math.max(1, Number(options.duplicateWindowMinutes ?? 60)) * 60_000;
		const now = Date.now();
		const scope = `${this.getWorkflow().id ?? ''}\n${this.getNode().name}`;
		const inThisProcess = seenInThisProcess(scope, eventId, windowMs, now);
		const inStaticData = seenRecently(this.getWorkflowStaticData('node'), eventId, windowMs, now);
		if (inThisProcess || inStaticData) return reply.call(this, accepted);
	}

	// DealHub gets its answer before anything slow happens.
	reply.call(this, accepted);
	const output: IDataObject = { event, ...(withIsoDates(body) as IDataObject) };
	output.event = event;
	if (dealRoomAction !== undefined) output.dealroom_action = dealRoomAction;
	if (options.includeHeaders === true) {
		const headers: IDataObject = { ...(this.getHeaderData() as IDataObject) };
		delete headers.authorization;
		output.headers = headers;
	}
	const quoteId = textOf(getKey(body, 'dealhub_quote_id'));
	if (this.getNodeParameter('fetchQuote', false) === true && quoteId !== undefined && (QUOTE_EVENTS as readonly string[]).includes(event)) {
		Object.assign(output, await fetchQuote.call(this, quoteId));
	}
	return { noWebhookResponse: true, workflowData: [[{ json: output }]] };
}

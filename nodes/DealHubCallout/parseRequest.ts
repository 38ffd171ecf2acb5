import { findTooDeepBundle, MAX_BUNDLE_DEPTH } from './bundleDepth';
import { acceptanceOnFirstUse } from './compileAcceptance';
import { describeRequestIssues } from './issueMessages';
import type { CalloutRequest } from './requestSchema';
import { calloutRequestSchema } from './requestSchema';

export type ParsedRequest = { ok: true; request: CalloutRequest } | { ok: false; message: string };

const PREFIX = 'Invalid callout request: ';

const acceptsRequest = acceptanceOnFirstUse(() => calloutRequestSchema);

/** `application/json; charset=utf-8` -> `application/json` */
export function mediaTypeOf(contentType: string | string[] | undefined): string {
	const value = Array.isArray(contentType) ? contentType[0] : contentType;
	if (typeof value !== 'string') return '';
	const semicolon = value.indexOf(';');
	return (semicolon === -1 ? value : value.slice(0, semicolon)).trim().toLowerCase();
}

/**
 * Checks what n8n parsed from the body against the request schema. n8n has already answered 422
 * to malformed JSON before the trigger runs, so `body` is a parsed value (or undefined when the
 * body was empty or n8n did not parse it because of its content type).
 */
export function parseCalloutRequest(contentType: string | string[] | undefined, body: unknown): ParsedRequest {
	const mediaType = mediaTypeOf(contentType);
	if (mediaType !== 'application/json') {
		return {
			ok: false,
			message: `${PREFIX}Content-Type must be application/json, got ${mediaType === '' ? 'none' : mediaType.slice(0, 100)}`,
		};
	}
	if (body === undefined || body === null || body === '') return { ok: false, message: `${PREFIX}the body is empty` };
	const tooDeep = findTooDeepBundle(body);
	if (tooDeep !== undefined) {
		return { ok: false, message: `${PREFIX}${tooDeep}: bundles nest deeper than ${MAX_BUNDLE_DEPTH} levels` };
	}
	// zod's output would drop the keys the schema does not name; the body itself, once known to
	// match the schema, keeps them and is not copied once more.
	if (acceptsRequest(body)) return { ok: true, request: body as CalloutRequest };
	const result = calloutRequestSchema.safeParse(body);
	if (result.success) return { ok: true, request: body as CalloutRequest };
	return { ok: false, message: PREFIX + describeRequestIssues(result.error.issues) };
}

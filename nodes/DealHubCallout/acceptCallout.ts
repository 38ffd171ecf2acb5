import type { CalloutAnswer } from './answer';
import { refusal } from './answer';
import type { CalloutSecret } from './calloutSecret';
import { parseCalloutRequest } from './parseRequest';
import type { CalloutRequest } from './requestSchema';
import { verifyAuthorization } from './verifyAuthorization';

export type CalloutHeaders = Record<string, string | string[] | undefined>;

export type CalloutOutcome = { accepted: true; request: CalloutRequest } | { accepted: false; answer: CalloutAnswer };

/**
 * Everything the trigger decides before any workflow runs: verification first, so a caller
 * without the secret learns nothing about the schema, then validation.
 */
export function acceptCallout(headers: CalloutHeaders, body: unknown, secret: CalloutSecret): CalloutOutcome {
	const verification = verifyAuthorization(headers.authorization, body, secret);
	if (!verification.ok) return { accepted: false, answer: refusal(401, verification.message) };
	const parsed = parseCalloutRequest(headers['content-type'], body);
	if (!parsed.ok) return { accepted: false, answer: refusal(400, parsed.message) };
	return { accepted: true, request: parsed.request };
}

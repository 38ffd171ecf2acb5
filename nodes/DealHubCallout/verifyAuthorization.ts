import { createHash, timingSafeEqual } from 'node:crypto';

import type { CalloutSecret } from './calloutSecret';
import { describeIncompleteSecret } from './calloutSecret';

/**
 * DealHub sends its secret twice: in the Authorization header and in the body field
 * `authentication`. The header must match; the body field, when present, must match too.
 * Comparisons run on SHA-256 digests with timingSafeEqual, so neither the length nor the first
 * differing byte of the secret shows in the response time. Messages never contain a secret.
 */

export type Verification = { ok: true } | { ok: false; message: string };

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

const sameSecret = (received: string, expected: Buffer): boolean => timingSafeEqual(digest(received), expected);

/** The credential part DealHub puts after the scheme: the token, or base64("user:password"). */
function expectedCredential(secret: CalloutSecret): string {
	if (secret.scheme === 'bearer') return secret.token.trim();
	return Buffer.from(`${secret.user}:${secret.password}`, 'utf8').toString('base64');
}

/** Splits `Bearer abc` into a lower-case scheme and the rest; undefined when there is no rest. */
function splitScheme(value: string): { scheme: string; credential: string } | undefined {
	const trimmed = value.trim();
	const space = trimmed.search(/\s/);
	if (space <= 0) return undefined;
	return { scheme: trimmed.slice(0, space).toLowerCase(), credential: trimmed.slice(space).trim() };
}

function headerMatches(header: string, secret: CalloutSecret, expected: Buffer): boolean {
	const parts = splitScheme(header);
	if (parts === undefined) return false;
	const credentialMatches = sameSecret(parts.credential, expected);
	return parts.scheme === secret.scheme && credentialMatches;
}

/** The body may carry the credential with or without its scheme; Basic may also send it decoded. */
function bodyFieldMatches(field: string, secret: CalloutSecret, expected: Buffer): boolean {
	const parts = splitScheme(field);
	const credential = parts && parts.scheme === secret.scheme ? parts.credential : field.trim();
	let matches = sameSecret(credential, expected);
	if (secret.scheme === 'basic') {
		const decoded = digest(`${secret.user}:${secret.password}`);
		matches = sameSecret(field, decoded) || matches;
	}
	return matches;
}

export function verifyAuthorization(
	authorization: string | string[] | undefined,
	body: unknown,
	secret: CalloutSecret,
	credentialLabel = 'DealHub Callout credential',
): Verification {
	if (describeIncompleteSecret(secret) !== undefined) {
		return { ok: false, message: `Unauthorized: the ${credentialLabel} in n8n is incomplete` };
	}
	const header = Array.isArray(authorization) ? authorization[0] : authorization;
	if (typeof header !== 'string' || header.trim() === '') {
		return { ok: false, message: 'Unauthorized: the Authorization header is missing' };
	}
	const expected = digest(expectedCredential(secret));
	if (!headerMatches(header, secret, expected)) {
		return { ok: false, message: `Unauthorized: the Authorization header does not match the ${credentialLabel}` };
	}
	const field = body !== null && typeof body === 'object' && !Array.isArray(body)
		? (body as { authentication?: unknown }).authentication
		: undefined;
	if (field === undefined || field === null) return { ok: true };
	if (typeof field !== 'string' || !bodyFieldMatches(field, secret, expected)) {
		return { ok: false, message: `Unauthorized: the authentication field does not match the ${credentialLabel}` };
	}
	return { ok: true };
}

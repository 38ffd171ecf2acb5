import type { CalloutSecret } from './calloutSecret';

/**
 * How long a secret read from the credential is used without reading it again.
 *
 * Reading a credential is the dearest step of a callout in n8n 2.x: a database query, a
 * decryption and a new expression isolate (about 30 ms of CPU, and under load a wait for it),
 * more than the verification, validation and fan-out of 5,000 line items together. The trigger
 * reads it again whenever a cached secret refuses a request, so a new secret works at once; a
 * retired secret keeps working for at most this long after the credential is changed.
 */
export const SECRET_MAX_AGE_MS = 5000;

// One entry per trigger node and credential; the bound only guards against unbounded growth
// when very many workflows come and go while n8n keeps running.
const MAX_ENTRIES = 1000;

interface Entry {
	secret: CalloutSecret;
	readAt: number;
}

const entries = new Map<string, Entry>();

/**
 * The key of one trigger node's credential. Undefined when the node names no stored credential,
 * then nothing is cached. Keyed per workflow and node too, so a workflow never verifies with a
 * secret another workflow read.
 */
export function secretCacheKey(workflowId: string | undefined, nodeName: string, credentialId: string | null | undefined): string | undefined {
	if (!workflowId || !credentialId) return undefined;
	return JSON.stringify([workflowId, nodeName, credentialId]);
}

export function cachedSecret(key: string, now: number): CalloutSecret | undefined {
	const entry = entries.get(key);
	if (entry === undefined) return undefined;
	if (now - entry.readAt >= SECRET_MAX_AGE_MS || now < entry.readAt) {
		entries.delete(key);
		return undefined;
	}
	return entry.secret;
}

export function rememberSecret(key: string, secret: CalloutSecret, now: number): void {
	if (entries.size >= MAX_ENTRIES && !entries.has(key)) entries.clear();
	entries.set(key, { secret, readAt: now });
}

export function forgetSecret(key: string): void {
	entries.delete(key);
}

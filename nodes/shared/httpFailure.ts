import type { JsonObject } from 'n8n-workflow';

const NETWORK_REASONS: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ECONNRESET: 'connection reset',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'host name lookup failed',
	EHOSTUNREACH: 'host unreachable',
	CERT_HAS_EXPIRED: 'its TLS certificate has expired',
};

/**
 * What may be said about a request that never got an answer. The helper's error carries the request
 * configuration (headers included, so secrets), so only its code is kept.
 */
export function describeTransportFailure(
	error: unknown,
	service: string,
	timeoutMs: number,
): { message: string; response: JsonObject } {
	// httpRequestWithAuthentication wraps the client's error in a NodeApiError, as `cause`.
	const original = ((error as { cause?: unknown })?.cause ?? error) as { code?: unknown; message?: unknown };
	const code = String(original?.code ?? (error as { code?: unknown })?.code ?? '');
	const timedOut =
		code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(String(original?.message ?? ''));
	// Words rather than codes: NodeApiError replaces messages that contain a known code.
	const reason = NETWORK_REASONS[code];
	const message = timedOut
		? `${service} did not answer within ${timeoutMs} ms (the Timeout option)`
		: `Could not reach ${service}${reason ? ` (${reason})` : ''}`;
	// No `code` key: NodeApiError would swap our message for its generic one for that code.
	return { message, response: { message } };
}

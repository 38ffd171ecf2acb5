import type { JsonObject } from 'n8n-workflow';

/**
 * What may be said about a request that never got an answer. The helper's error carries the request
 * configuration (headers included, so secrets), so only its code is kept.
 */
export function describeTransportFailure(
	error: unknown,
	service: string,
	timeoutMs: number,
): { message: string; response: JsonObject } {
	const code = String((error as { code?: unknown })?.code ?? '');
	const timedOut =
		code === 'ECONNABORTED' ||
		code === 'ETIMEDOUT' ||
		/timeout/i.test(String((error as { message?: unknown })?.message ?? ''));
	const message = timedOut
		? `${service} did not answer within ${timeoutMs} ms (the Timeout option)`
		: `Could not reach ${service}${code ? ` (${code})` : ''}`;
	return { message, response: { message, code } };
}

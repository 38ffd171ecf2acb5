/** A response body as JSON when it is JSON text, otherwise as it came (object, or plain text). */
export function parseJsonBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

import { z } from 'zod';

import { getKey, isRecord } from '../../shared/values';
import { caseInsensitiveObject } from './keys';

/** Every ONLYOFFICE answer: `status` 0 or 1 (error), the payload in `response`, the reason in `error.message`. */
export const envelopeSchema = caseInsensitiveObject({
	status: z.number().optional(),
	statusCode: z.number().optional(),
	response: z.unknown().optional(),
	error: caseInsensitiveObject({ message: z.string().optional() }).nullable().optional(),
	count: z.number().optional(),
	startIndex: z.number().optional(),
	nextIndex: z.number().optional(),
	total: z.number().optional(),
});

export type Envelope = z.infer<typeof envelopeSchema>;

/** The envelope of an answer, or undefined when the body is not one (an HTML page, a proxy's error). */
export function parseEnvelope(body: unknown): Envelope | undefined {
	if (!isRecord(body)) return undefined;
	if (getKey(body, 'status') === undefined && getKey(body, 'response') === undefined) return undefined;
	const parsed = envelopeSchema.safeParse(body);
	return parsed.success ? parsed.data : undefined;
}

export function isErrorEnvelope(envelope: Envelope): boolean {
	return envelope.status === 1;
}

export function envelopeMessage(envelope: Envelope | undefined): string | undefined {
	const message = envelope?.error?.message?.trim();
	return message ? message : undefined;
}

/** The list in `response`; a single record counts as a list of one. */
export function responseList(envelope: Envelope): unknown[] {
	const { response } = envelope;
	if (Array.isArray(response)) return response;
	return response === undefined || response === null ? [] : [response];
}

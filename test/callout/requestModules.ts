import type * as Zod from 'zod';

import { findTooDeepBundle } from '../../nodes/DealHubCallout/bundleDepth';
import type * as CompileAcceptance from '../../nodes/DealHubCallout/compileAcceptance';
import { describeRequestIssues } from '../../nodes/DealHubCallout/issueMessages';
import type * as ParseRequest from '../../nodes/DealHubCallout/parseRequest';
import type * as RequestSchema from '../../nodes/DealHubCallout/requestSchema';

const SCHEMA = '../../nodes/DealHubCallout/requestSchema';

/** The callout request modules, loaded afresh by loadRequestModules. */
export interface RequestModules {
	zod: typeof Zod;
	schemas: typeof RequestSchema;
	compileAcceptance: typeof CompileAcceptance.compileAcceptance;
	parseCalloutRequest: typeof ParseRequest.parseCalloutRequest;
}

/**
 * The schema, parsed by zod v3 exactly as before (its methods are bound to the schema itself),
 * but with zod v4's `_zod` key: what compileAcceptance sees if the host's zod changes shape.
 */
export function lookingLikeZodV4<T extends object>(schema: T): T {
	return new Proxy(schema, {
		has: (target, key) => key === '_zod' || Reflect.has(target, key),
		get: (target, key, receiver) => (key === '_zod' ? { def: { type: 'object' } } : Reflect.get(target, key, receiver)),
	});
}

/**
 * The request schema, compileAcceptance and the trigger's request parsing in a module registry of
 * their own: with `zod` (a file path) as the zod they import, as a host n8n provides it, and with
 * `fallback`, a request schema that looks like zod v4's, so that parsing takes the fallback path
 * (zod alone) while behaving as users see it.
 */
export function loadRequestModules(options: { zod?: string; fallback?: boolean } = {}): RequestModules {
	let modules: RequestModules | undefined;
	jest.isolateModules(() => {
		const { zod, fallback } = options;
		if (zod !== undefined) jest.doMock('zod', () => jest.requireActual(zod));
		if (fallback) {
			jest.doMock(SCHEMA, () => {
				const actual = jest.requireActual<typeof RequestSchema>(SCHEMA);
				return { ...actual, calloutRequestSchema: lookingLikeZodV4(actual.calloutRequestSchema) };
			});
		}
		modules = {
			zod: jest.requireActual<typeof Zod>(zod ?? 'zod'),
			// With `fallback`, the marked schema the parsing below uses.
			schemas: fallback ? jest.requireMock<typeof RequestSchema>(SCHEMA) : jest.requireActual<typeof RequestSchema>(SCHEMA),
			compileAcceptance: jest.requireActual<typeof CompileAcceptance>('../../nodes/DealHubCallout/compileAcceptance')
				.compileAcceptance,
			parseCalloutRequest: jest.requireActual<typeof ParseRequest>('../../nodes/DealHubCallout/parseRequest')
				.parseCalloutRequest,
		};
		// doMock is not undone with the registry: later loads get the real modules again.
		jest.dontMock('zod');
		jest.dontMock(SCHEMA);
	});
	return modules!;
}

/** Whether parseCalloutRequest asks the schema about `body` at all (a JSON body, not too deep). */
function reachesSchema(body: unknown): boolean {
	return body !== undefined && body !== null && body !== '' && findTooDeepBundle(body) === undefined;
}

/**
 * Parses `body` as the trigger does and demands zod's own answer, whichever path the parsing
 * takes: the body itself when zod accepts it, otherwise the message made from zod's issues.
 */
export function expectZodsAnswer(modules: RequestModules, body: unknown): void {
	const answer = modules.parseCalloutRequest('application/json', body);
	if (!reachesSchema(body)) {
		expect(answer.ok).toBe(false);
		return;
	}
	const result = modules.schemas.calloutRequestSchema.safeParse(body);
	expect(answer).toEqual(
		result.success
			? { ok: true, request: body }
			: { ok: false, message: `Invalid callout request: ${describeRequestIssues(result.error.issues)}` },
	);
}

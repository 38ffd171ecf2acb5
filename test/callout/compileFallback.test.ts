import fc from 'fast-check';
import { z } from 'zod';
import { z as z4 } from 'zod/v4';

import { compileAcceptance } from '../../nodes/DealHubCallout/compileAcceptance';
import { calloutRequestSchema } from '../../nodes/DealHubCallout/requestSchema';
import { payload, validLooking } from './arbitraries';
import { exampleRequest } from './fixtures';
import { expectZodsAnswer, loadRequestModules, lookingLikeZodV4 } from './requestModules';

// compileAcceptance reads zod v3's internal definitions. Where the host n8n's zod looks different,
// it must compile nothing, and the trigger must answer from zod alone exactly as it does otherwise.

/** A zod v3 definition that is not a schema built by zod: what another zod could hand over. */
const stub = (definition: Record<string, unknown>) => ({ _def: definition }) as unknown as z.ZodTypeAny;

describe('compileAcceptance leaves schemas it does not know to zod', () => {
	it.each<[string, unknown]>([
		['a zod v4 object', z4.object({ request_id: z4.string().min(1), items: z4.array(z4.unknown()) })],
		['a zod v4 string', z4.string()],
		['a stub shaped like zod v4', { _zod: { def: { type: 'string' } }, _def: { type: 'string' } }],
		['the request schema marked as zod v4', lookingLikeZodV4(calloutRequestSchema)],
		['no _def', {}],
		['a _def without typeName', stub({ checks: [] })],
		['a typeName that is not a string', stub({ typeName: 1, checks: [] })],
		['an unknown typeName', stub({ typeName: 'ZodFuture' })],
		['an unknown typeName deep inside', z.object({ items: z.array(z.object({ id: stub({ typeName: 'ZodFuture' }) })) })],
		['a zod v4 schema inside a zod v3 one', z.object({ items: z.array(z4.string() as unknown as z.ZodTypeAny) })],
		['a check of an unknown kind', stub({ typeName: 'ZodNumber', checks: [{ kind: 'between', value: 1 }], coerce: false })],
		['checks that are not a list', stub({ typeName: 'ZodString', checks: 'min', coerce: false })],
		['a bound that is not a number', stub({ typeName: 'ZodString', checks: [{ kind: 'min', value: '1' }], coerce: false })],
		['enum values that are not strings', stub({ typeName: 'ZodEnum', values: [1, 2] })],
		['an object without a shape function', stub({ typeName: 'ZodObject', shape: {}, unknownKeys: 'strip', catchall: z.never() })],
		['a number multipleOf', z.number().multipleOf(2)],
		['a string max', z.string().max(3)],
		['a coerced number', z.coerce.number()],
		['a branded string', z.object({ sku: z.string().brand<'Sku'>() })],
		['a readonly array', z.array(z.string()).readonly()],
		['a default', z.string().default('x')],
		['a catch', z.string().catch('x')],
		['a pipeline', z.string().pipe(z.string())],
		['a preprocess', z.preprocess((value) => value, z.string())],
		['a literal', z.literal('x')],
		['a catchall', z.object({}).catchall(z.string())],
		['a record with a checked key', z.record(z.string().min(2), z.unknown())],
	])('%s', (_name, schema) => {
		expect(compileAcceptance(schema)).toBeUndefined();
	});
});

describe("the trigger's request parsing, when compileAcceptance leaves the request to zod", () => {
	const compiled = loadRequestModules();
	const fallback = loadRequestModules({ fallback: true });
	const zodCalls = jest.spyOn(fallback.schemas.calloutRequestSchema, 'safeParse');
	const compiledZodCalls = jest.spyOn(compiled.schemas.calloutRequestSchema, 'safeParse');
	afterAll(() => jest.restoreAllMocks());
	beforeEach(() => jest.clearAllMocks());

	it('takes the fallback path: nothing compiled, zod asked about every body', () => {
		expect(compiled.compileAcceptance(compiled.schemas.calloutRequestSchema)).toBeDefined();
		expect(fallback.compileAcceptance(fallback.schemas.calloutRequestSchema)).toBeUndefined();
		expect(fallback.parseCalloutRequest('application/json', exampleRequest())).toMatchObject({ ok: true });
		expect(compiled.parseCalloutRequest('application/json', exampleRequest())).toMatchObject({ ok: true });
		expect(zodCalls).toHaveBeenCalledTimes(1);
		expect(compiledZodCalls).not.toHaveBeenCalled();
	});

	it("accepts and refuses as zod does, with zod's messages, and as the compiled path does", () => {
		fc.assert(
			fc.property(fc.oneof(payload, validLooking), (body) => {
				expectZodsAnswer(fallback, body);
				expect(fallback.parseCalloutRequest('application/json', body)).toEqual(
					compiled.parseCalloutRequest('application/json', body),
				);
			}),
			{ numRuns: 3000 },
		);
	});

	it('refuses a wrong content type or an empty body before asking zod', () => {
		expect(fallback.parseCalloutRequest('text/plain', exampleRequest())).toEqual(
			compiled.parseCalloutRequest('text/plain', exampleRequest()),
		);
		expect(fallback.parseCalloutRequest('application/json', '')).toEqual({
			ok: false,
			message: 'Invalid callout request: the body is empty',
		});
		expect(zodCalls).not.toHaveBeenCalled();
	});
});

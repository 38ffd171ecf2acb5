import fc from 'fast-check';
import { z } from 'zod';

import { compileAcceptance } from '../../nodes/DealHubCallout/compileAcceptance';
import { calloutItemsSchema, calloutRequestSchema } from '../../nodes/DealHubCallout/requestSchema';
import { anyValue, mutated, payload, validLooking } from './arbitraries';

/** The compiled check must agree with zod, or the trigger would accept what the schema refuses. */
function expectSameVerdict(schema: z.ZodTypeAny, values: fc.Arbitrary<unknown>, numRuns = 3000) {
	const accepts = compileAcceptance(schema);
	expect(accepts).toBeDefined();
	fc.assert(
		fc.property(values, (value) => {
			expect(accepts!(value)).toBe(schema.safeParse(value).success);
		}),
		{ numRuns },
	);
}

describe('acceptance check compiled from a zod schema', () => {
	it('agrees with zod on the callout request, for random, valid-looking and mutated bodies', () => {
		expectSameVerdict(calloutRequestSchema, fc.oneof(payload, validLooking, mutated), 5000);
	});

	it('agrees with zod on the request items the Response node re-checks', () => {
		expectSameVerdict(calloutItemsSchema, fc.oneof(validLooking.map((body) => body.items), anyValue));
	});

	it('agrees with zod on every construct it compiles', () => {
		const schema = z
			.object({
				text: z.string().min(2),
				count: z.number().int().min(0).max(10).optional(),
				ratio: z.number().gt(0).lt(1).nullable(),
				kind: z.enum(['x', 'y']).nullish(),
				map: z.record(z.number().finite()).optional(),
				list: z.array(z.unknown()).optional(),
			})
			.passthrough()
			.superRefine((value, ctx) => {
				if (value.text === 'no') ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'no' });
			});
		const near = fc.record(
			{
				text: fc.oneof(fc.string({ maxLength: 3 }), fc.constant('no'), anyValue),
				count: fc.oneof(fc.integer({ min: -2, max: 12 }), fc.double(), anyValue),
				ratio: fc.oneof(fc.double({ min: -1, max: 2 }), fc.constant(null), fc.constant(0), fc.constant(1)),
				kind: fc.oneof(fc.constantFrom('x', 'y', 'z', null, undefined), anyValue),
				map: fc.oneof(fc.dictionary(fc.string({ maxLength: 3 }), fc.oneof(fc.double(), fc.integer())), anyValue),
				list: fc.oneof(fc.array(anyValue, { maxLength: 3 }), anyValue),
			},
			{ requiredKeys: ['ratio'] },
		);
		expectSameVerdict(schema, fc.oneof(near, anyValue));
	});

	it('handles recursive schemas', () => {
		type Tree = { name: string; children?: Tree[] };
		const tree: z.ZodType<Tree> = z.object({ name: z.string(), children: z.lazy(() => z.array(tree)).optional() });
		const accepts = compileAcceptance(tree)!;
		expect(accepts({ name: 'a', children: [{ name: 'b', children: [{ name: 'c' }] }] })).toBe(true);
		expect(accepts({ name: 'a', children: [{ name: 'b', children: [{ name: 3 }] }] })).toBe(false);
	});

	it.each([
		['a string format', z.object({ email: z.string().email() })],
		['a transform', z.string().transform((value) => value.length)],
		['a strict object', z.object({ a: z.string() }).strict()],
		['a union', z.union([z.string(), z.number()])],
		['an array length', z.array(z.string()).min(1)],
	])('leaves %s to zod (no compiled check)', (_name, schema) => {
		expect(compileAcceptance(schema)).toBeUndefined();
	});
});

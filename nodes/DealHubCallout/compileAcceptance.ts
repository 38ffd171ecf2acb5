import type { RefinementCtx, ZodTypeAny } from 'zod';
import { z } from 'zod';

/**
 * A yes/no check compiled from a zod schema, for the hot path: zod v3 allocates a parse context
 * per value, which makes a 5,000-item callout several times slower to validate than to parse.
 * The schema stays the one definition; this walks the same rules without building output or
 * issues. It answers true only when zod would accept the value, and false otherwise (the caller
 * then asks zod itself, for the wording of the errors). A schema using anything not handled here
 * is not compiled at all: compileAcceptance then returns undefined and zod does all the work.
 */
export type Acceptance = (value: unknown) => boolean;

class NotCompilable extends Error {}

/** What zod's getParsedType calls an object: not an array, null, Date, Map, Set or promise. */
function isObject(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	if (value instanceof Date || value instanceof Map || value instanceof Set) return false;
	const { then, catch: onError } = value as { then?: unknown; catch?: unknown };
	return !(typeof then === 'function' && typeof onError === 'function');
}

function compileNumber(schema: z.ZodNumber): Acceptance {
	const rules: Acceptance[] = [];
	for (const check of schema._def.checks) {
		if (check.kind === 'int') rules.push((value) => Number.isInteger(value));
		else if (check.kind === 'finite') rules.push((value) => Number.isFinite(value));
		else if (check.kind === 'min') {
			const { value: min, inclusive } = check;
			rules.push((value) => (inclusive ? (value as number) >= min : (value as number) > min));
		} else if (check.kind === 'max') {
			const { value: max, inclusive } = check;
			rules.push((value) => (inclusive ? (value as number) <= max : (value as number) < max));
		} else throw new NotCompilable(check.kind);
	}
	return (value) => typeof value === 'number' && !Number.isNaN(value) && rules.every((rule) => rule(value));
}

function compileString(schema: z.ZodString): Acceptance {
	let min = 0;
	for (const check of schema._def.checks) {
		if (check.kind === 'min') min = Math.max(min, check.value);
		else throw new NotCompilable(check.kind);
	}
	return (value) => typeof value === 'string' && value.length >= min;
}

function compileObject(schema: z.ZodObject<z.ZodRawShape>, compile: (schema: ZodTypeAny) => Acceptance): Acceptance {
	if (schema._def.unknownKeys === 'strict' || !(schema._def.catchall instanceof z.ZodNever)) {
		throw new NotCompilable('unknown keys policy');
	}
	const fields = Object.entries(schema.shape).map(([key, field]) => [key, compile(field)] as const);
	return (value) => {
		if (!isObject(value)) return false;
		for (const [key, accepts] of fields) if (!accepts(value[key])) return false;
		return true;
	};
}

function compileRecord(schema: z.ZodRecord, compile: (schema: ZodTypeAny) => Acceptance): Acceptance {
	const key = schema._def.keyType;
	if (!(key instanceof z.ZodString) || key._def.checks.length > 0) throw new NotCompilable('record key');
	const accepts = compile(schema._def.valueType);
	return (value) => {
		if (!isObject(value)) return false;
		// zod reads a record with for...in, so it does too.
		for (const name in value) if (!accepts(value[name])) return false;
		return true;
	};
}

function compileArray(schema: z.ZodArray<ZodTypeAny>, compile: (schema: ZodTypeAny) => Acceptance): Acceptance {
	const { minLength, maxLength, exactLength } = schema._def;
	if (minLength !== null || maxLength !== null || exactLength !== null) throw new NotCompilable('array length');
	const accepts = compile(schema.element);
	return (value) => {
		if (!Array.isArray(value)) return false;
		for (let index = 0; index < value.length; index++) if (!accepts(value[index])) return false;
		return true;
	};
}

/**
 * Runs the refinement; any issue it adds means zod rejects the value. zod hands a refinement its
 * parsed output rather than the input, which is the same for refinements that read only keys
 * the schema names, as the callout schema's does.
 */
function compileRefinement(schema: z.ZodEffects<ZodTypeAny>, compile: (schema: ZodTypeAny) => Acceptance): Acceptance {
	const effect = schema._def.effect;
	if (effect.type !== 'refinement') throw new NotCompilable(effect.type);
	const accepts = compile(schema._def.schema);
	return (value) => {
		if (!accepts(value)) return false;
		let issues = 0;
		const context = { addIssue: () => void issues++, path: [] } as unknown as RefinementCtx;
		effect.refinement(value, context);
		return issues === 0;
	};
}

export function compileAcceptance(root: ZodTypeAny): Acceptance | undefined {
	const compiled = new Map<ZodTypeAny, Acceptance>();
	const compile = (schema: ZodTypeAny): Acceptance => {
		const known = compiled.get(schema);
		if (known !== undefined) return known;
		// Recursive schemas meet themselves again before they are compiled: point at the slot.
		compiled.set(schema, (value) => resolved(value));
		const resolved = compileOne(schema);
		compiled.set(schema, resolved);
		return resolved;
	};
	const compileOne = (schema: ZodTypeAny): Acceptance => {
		if (schema instanceof z.ZodString) return compileString(schema);
		if (schema instanceof z.ZodNumber) return compileNumber(schema);
		if (schema instanceof z.ZodEnum) {
			const options = new Set<unknown>(schema.options);
			return (value) => typeof value === 'string' && options.has(value);
		}
		if (schema instanceof z.ZodUnknown || schema instanceof z.ZodAny) return () => true;
		if (schema instanceof z.ZodOptional) {
			const accepts = compile(schema.unwrap());
			return (value) => value === undefined || accepts(value);
		}
		if (schema instanceof z.ZodNullable) {
			const accepts = compile(schema.unwrap());
			return (value) => value === null || accepts(value);
		}
		if (schema instanceof z.ZodObject) return compileObject(schema, compile);
		if (schema instanceof z.ZodRecord) return compileRecord(schema, compile);
		if (schema instanceof z.ZodArray) return compileArray(schema, compile);
		if (schema instanceof z.ZodLazy) return compile(schema.schema);
		if (schema instanceof z.ZodEffects) return compileRefinement(schema, compile);
		throw new NotCompilable(schema.constructor.name);
	};
	try {
		return compile(root);
	} catch {
		// Not compilable (NotCompilable names what): zod alone validates, which is always right.
		return undefined;
	}
}

/**
 * compileAcceptance on the first call instead of at module load: compiling walks the whole
 * schema, a cost only the first callout needs to pay. Answers false when the schema is not
 * compilable, so the caller asks zod, as it does for every value this rejects.
 */
export function acceptanceOnFirstUse(root: () => ZodTypeAny): Acceptance {
	let accepts: Acceptance | undefined;
	return (value) => {
		accepts ??= compileAcceptance(root()) ?? (() => false);
		return accepts(value);
	};
}

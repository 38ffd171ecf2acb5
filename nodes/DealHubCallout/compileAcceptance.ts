import type { RefinementCtx, ZodTypeAny } from 'zod';

/**
 * A yes/no check compiled from a zod schema, for the hot path: zod v3 allocates a parse context
 * per value, which makes a 5,000-item callout several times slower to validate than to parse.
 * The schema stays the one definition; this walks the same rules without building output or
 * issues. It answers true only when zod would accept the value, and false otherwise (the caller
 * then asks zod itself, for the wording of the errors).
 *
 * It reads zod v3's internal definitions (`_def`), which zod does not promise to keep: zod is the
 * host n8n's, so every n8n version brings its own. Whatever does not look exactly like the v3
 * definitions known here (no `_def.typeName`, zod v4's `_zod`, a type, check, coercion, key
 * policy or effect not listed below, anywhere in the schema) is not compiled at all:
 * compileAcceptance then returns undefined and zod does all the work, which is always right.
 */
export type Acceptance = (value: unknown) => boolean;

class NotCompilable extends Error {}

type Definition = { readonly [field: string]: unknown; readonly typeName: string };

/** The `_def` of a zod v3 schema; anything else (zod v4 keeps its definition in `_zod`) throws. */
function definitionOf(schema: unknown): Definition {
	if (typeof schema !== 'object' || schema === null || '_zod' in schema) throw new NotCompilable('not zod v3');
	const definition = (schema as { _def?: unknown })._def;
	if (typeof definition !== 'object' || definition === null) throw new NotCompilable('no _def');
	if (typeof (definition as { typeName?: unknown }).typeName !== 'string') throw new NotCompilable('no _def.typeName');
	return definition as Definition;
}

/** `checks` of a string or number, uncoerced: each a `{ kind }` object. */
function checksOf(definition: Definition): Array<{ readonly [field: string]: unknown; kind: unknown }> {
	if (definition.coerce !== false && definition.coerce !== undefined) throw new NotCompilable('coercion');
	const { checks } = definition;
	if (!Array.isArray(checks) || !checks.every((check) => typeof check === 'object' && check !== null)) {
		throw new NotCompilable('checks');
	}
	return checks;
}

function numberOf(value: unknown): number {
	if (typeof value !== 'number') throw new NotCompilable('check value');
	return value;
}

function functionOf<T>(value: unknown): T {
	if (typeof value !== 'function') throw new NotCompilable('not a function');
	return value as T;
}

/** What zod's getParsedType calls an object: not an array, null, Date, Map, Set or promise. */
function isObject(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	if (value instanceof Date || value instanceof Map || value instanceof Set) return false;
	const { then, catch: onError } = value as { then?: unknown; catch?: unknown };
	return !(typeof then === 'function' && typeof onError === 'function');
}

function compileNumber(definition: Definition): Acceptance {
	const rules: Acceptance[] = [];
	for (const check of checksOf(definition)) {
		if (check.kind === 'int') rules.push((value) => Number.isInteger(value));
		else if (check.kind === 'finite') rules.push((value) => Number.isFinite(value));
		else if ((check.kind === 'min' || check.kind === 'max') && typeof check.inclusive === 'boolean') {
			const bound = numberOf(check.value);
			const { inclusive } = check;
			if (check.kind === 'min') {
				rules.push((value) => (inclusive ? (value as number) >= bound : (value as number) > bound));
			} else rules.push((value) => (inclusive ? (value as number) <= bound : (value as number) < bound));
		} else throw new NotCompilable(`number check ${String(check.kind)}`);
	}
	return (value) => typeof value === 'number' && !Number.isNaN(value) && rules.every((rule) => rule(value));
}

function compileString(definition: Definition): Acceptance {
	let min = 0;
	for (const check of checksOf(definition)) {
		if (check.kind === 'min') min = Math.max(min, numberOf(check.value));
		else throw new NotCompilable(`string check ${String(check.kind)}`);
	}
	return (value) => typeof value === 'string' && value.length >= min;
}

function compileEnum(definition: Definition): Acceptance {
	const { values } = definition;
	if (!Array.isArray(values) || !values.every((option) => typeof option === 'string')) throw new NotCompilable('enum');
	const options = new Set<unknown>(values);
	return (value) => typeof value === 'string' && options.has(value);
}

function compileObject(definition: Definition, compile: (schema: unknown) => Acceptance): Acceptance {
	// Both policies let unknown keys through (strip drops them from the output, which is not read).
	if (definition.unknownKeys !== 'strip' && definition.unknownKeys !== 'passthrough') {
		throw new NotCompilable('unknown keys policy');
	}
	if (definitionOf(definition.catchall).typeName !== 'ZodNever') throw new NotCompilable('catchall');
	const shape: unknown = functionOf<() => unknown>(definition.shape)();
	if (typeof shape !== 'object' || shape === null) throw new NotCompilable('shape');
	const fields = Object.entries(shape).map(([key, field]) => [key, compile(field)] as const);
	return (value) => {
		if (!isObject(value)) return false;
		for (const [key, accepts] of fields) if (!accepts(value[key])) return false;
		return true;
	};
}

function compileRecord(definition: Definition, compile: (schema: unknown) => Acceptance): Acceptance {
	const key = definitionOf(definition.keyType);
	if (key.typeName !== 'ZodString' || checksOf(key).length > 0) throw new NotCompilable('record key');
	const accepts = compile(definition.valueType);
	return (value) => {
		if (!isObject(value)) return false;
		// zod reads a record with for...in, so it does too.
		for (const name in value) if (!accepts(value[name])) return false;
		return true;
	};
}

function compileArray(definition: Definition, compile: (schema: unknown) => Acceptance): Acceptance {
	const { minLength, maxLength, exactLength } = definition;
	if (minLength !== null || maxLength !== null || exactLength !== null) throw new NotCompilable('array length');
	const accepts = compile(definition.type);
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
function compileRefinement(definition: Definition, compile: (schema: unknown) => Acceptance): Acceptance {
	const effect = definition.effect as { type?: unknown; refinement?: unknown } | null | undefined;
	if (effect?.type !== 'refinement') throw new NotCompilable('effect');
	const refinement = functionOf<(value: unknown, context: RefinementCtx) => void>(effect.refinement);
	const accepts = compile(definition.schema);
	return (value) => {
		if (!accepts(value)) return false;
		let issues = 0;
		const context = { addIssue: () => void issues++, path: [] } as unknown as RefinementCtx;
		refinement(value, context);
		return issues === 0;
	};
}

export function compileAcceptance(root: unknown): Acceptance | undefined {
	const compiled = new Map<unknown, Acceptance>();
	const compile = (schema: unknown): Acceptance => {
		const known = compiled.get(schema);
		if (known !== undefined) return known;
		// Recursive schemas meet themselves again before they are compiled: point at the slot.
		compiled.set(schema, (value) => resolved(value));
		const resolved = compileOne(definitionOf(schema));
		compiled.set(schema, resolved);
		return resolved;
	};
	const compileOne = (definition: Definition): Acceptance => {
		switch (definition.typeName) {
			case 'ZodString':
				return compileString(definition);
			case 'ZodNumber':
				return compileNumber(definition);
			case 'ZodEnum':
				return compileEnum(definition);
			case 'ZodUnknown':
			case 'ZodAny':
				return () => true;
			case 'ZodOptional': {
				const accepts = compile(definition.innerType);
				return (value) => value === undefined || accepts(value);
			}
			case 'ZodNullable': {
				const accepts = compile(definition.innerType);
				return (value) => value === null || accepts(value);
			}
			case 'ZodObject':
				return compileObject(definition, compile);
			case 'ZodRecord':
				return compileRecord(definition, compile);
			case 'ZodArray':
				return compileArray(definition, compile);
			case 'ZodLazy':
				return compile(functionOf<() => unknown>(definition.getter)());
			case 'ZodEffects':
				return compileRefinement(definition, compile);
			default:
				throw new NotCompilable(definition.typeName);
		}
	};
	try {
		return compile(root);
	} catch {
		// Not compilable (NotCompilable names what), or a definition that threw while read: zod
		// alone validates.
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

import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { TOKEN } from './fixtures';

/** Random, valid-looking and mutated callout bodies for the property tests. */

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'id', 'sku', 'type', 'bundle_items', 'items'];

export const anyValue = fc.anything({
	maxDepth: 3,
	maxKeys: 4,
	key: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(...HOSTILE_KEYS)),
	withBoxedValues: false,
	withNullPrototype: true,
	withObjectString: true,
});

const attributeType = fc.oneof({ arbitrary: fc.constantFrom('number', 'percentage', 'date'), weight: 20 }, fc.constant('text'));
const sku = fc.oneof({ arbitrary: fc.string({ minLength: 1, maxLength: 6 }), weight: 20 }, fc.constant(''));
const mostly = fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, fc.constant(false));

type Json = Record<string, unknown>;

const calloutItem = fc.letrec<{ product: Json; bundle: Json; item: Json }>((tie) => ({
	product: fc.record(
		{
			id: fc.integer({ min: 1, max: 40 }),
			sku,
			type: fc.constant('product'),
			quantity: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double(), fc.constant(null)),
			duration: fc.integer({ min: 0, max: 36 }),
			family: fc.string({ maxLength: 6 }),
			returned_attributes: fc.dictionary(fc.constantFrom('MSRP', 'start_date', 'discount', 'price', 'a b'), attributeType, {
				maxKeys: 3,
			}),
			color: anyValue,
		},
		{ requiredKeys: ['id', 'sku', 'type'] },
	),
	bundle: fc.record(
		{
			id: fc.integer({ min: 1, max: 40 }),
			sku,
			type: fc.constant('bundle'),
			bundle_items: fc.array(tie('item'), { maxLength: 3 }),
			returned_attributes: fc.dictionary(fc.constantFrom('MSRP', 'start_date'), attributeType, { maxKeys: 2 }),
		},
		{ requiredKeys: ['id', 'sku', 'type', 'bundle_items'] },
	),
	item: fc.oneof({ depthSize: 'small' }, tie('product'), tie('bundle')),
}));

/** Gives every item of the tree a distinct id, so that many generated requests are valid. */
function renumber(items: Json[], next = { id: 1 }): void {
	for (const item of items) {
		item.id = next.id++;
		if (Array.isArray(item.bundle_items)) renumber(item.bundle_items as Json[], next);
	}
}

export const validLooking = fc
	.record({
		request_id: fc.string({ minLength: 1, maxLength: 12 }),
		authentication: fc.constantFrom(TOKEN, `Bearer ${TOKEN}`, undefined, TOKEN, undefined, 'wrong'),
		playbook_answers: fc.dictionary(fc.string({ maxLength: 8 }), anyValue, { maxKeys: 3 }),
		items: fc.array(calloutItem.item, { maxLength: 6 }),
		unique: mostly,
	})
	.map(({ unique, authentication, ...request }) => {
		if (unique) renumber(request.items);
		return authentication === undefined ? request : { ...request, authentication };
	});

/** Every (container, key) pair inside a JSON-like value, to pick a mutation point from. */
function slots(value: unknown, found: Array<[Record<string, unknown>, string]> = []): Array<[Record<string, unknown>, string]> {
	if (value === null || typeof value !== 'object') return found;
	for (const key of Object.keys(value)) {
		found.push([value as Record<string, unknown>, key]);
		slots((value as Record<string, unknown>)[key], found);
	}
	return found;
}

const mutation = fc.record({ at: fc.nat(), remove: fc.boolean(), value: anyValue });

export const mutated = fc.tuple(validLooking, fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([request, mutations]) => {
	const copy = structuredClone(request) as IDataObject;
	for (const { at, remove, value } of mutations) {
		const points = slots(copy);
		if (points.length === 0) break;
		const [container, key] = points[at % points.length];
		if (remove) delete container[key];
		else container[key] = value;
	}
	return copy;
});

export const payload = fc.oneof({ arbitrary: validLooking, weight: 3 }, { arbitrary: mutated, weight: 2 }, anyValue);


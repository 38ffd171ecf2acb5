import { z } from 'zod';

/**
 * The body DealHub POSTs to a pricing callout (Callouts API reference and OpenAPI 1.0.1): the one
 * definition of the request that verification, validation, fan-out and reassembly all read.
 * Unknown keys are allowed (admins add product attributes, DealHub may add fields) and kept: the
 * schema checks the keys it names, and the callout goes on with the body as parsed (see
 * parseRequest.ts). Optional fields also accept null, which a quote without that value may send.
 */

export const attributeTypeSchema = z.enum(['number', 'percentage', 'date']);

/** What DealHub expects back for a line item, by attribute name: `{ "MSRP": "number" }`. */
export const returnedAttributesSchema = z.record(attributeTypeSchema);

const calloutItemFieldsSchema = z.object({
	id: z.number().int(),
	sku: z.string().min(1),
	type: z.enum(['product', 'bundle']),
	quantity: z.number().finite().nullish(),
	duration: z.number().finite().nullish(),
	family: z.string().nullish(),
	returned_attributes: returnedAttributesSchema.nullish(),
});

export type CalloutItem = z.infer<typeof calloutItemFieldsSchema> & {
	bundle_items?: CalloutItem[] | null;
	[attribute: string]: unknown;
};

// No refinement per item: a zod effect on each of 5,000 items doubles the validation time, so
// the checks that span items run once over the whole request below.
export const calloutItemSchema: z.ZodType<CalloutItem, z.ZodTypeDef, unknown> = calloutItemFieldsSchema.extend({
	// The getter must return an existing schema: z.lazy calls it for every bundle it parses.
	bundle_items: z.lazy(() => calloutItemsSchema).nullish(),
});

export const calloutItemsSchema = z.array(calloutItemSchema);

/** Ids are matched to request items, so they must be unique; a bundle must list its items. */
function checkAcrossItems(request: { items: CalloutItem[] }, ctx: z.RefinementCtx): void {
	const seen = new Set<number>();
	const pending: Array<{ items: CalloutItem[]; path: Array<string | number> }> = [
		{ items: request.items, path: ['items'] },
	];
	while (pending.length > 0) {
		const { items, path } = pending.pop()!;
		for (let index = 0; index < items.length; index++) {
			const item = items[index];
			// A fractional id already has its issue; zod runs this check on such requests too.
			if (Number.isInteger(item.id) && !Number.isSafeInteger(item.id)) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, path: [...path, index, 'id'], message: 'id is too large' });
			} else if (seen.has(item.id)) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, path: [...path, index, 'id'], message: `duplicate id ${item.id}` });
			}
			seen.add(item.id);
			if (item.bundle_items) pending.push({ items: item.bundle_items, path: [...path, index, 'bundle_items'] });
			else if (item.type === 'bundle') {
				ctx.addIssue({ code: z.ZodIssueCode.custom, path: [...path, index, 'bundle_items'], message: 'required for a bundle' });
			}
		}
	}
}

export const calloutRequestSchema = z
	.object({
		request_id: z.string().min(1),
		authentication: z.string().nullish(),
		playbook_answers: z.record(z.unknown()).nullish(),
		items: calloutItemsSchema,
	})
	.superRefine(checkAcrossItems);

export type CalloutRequest = z.infer<typeof calloutRequestSchema> & {
	items: CalloutItem[];
	[field: string]: unknown;
};
export type AttributeType = z.infer<typeof attributeTypeSchema>;
export type ReturnedAttributes = z.infer<typeof returnedAttributesSchema>;

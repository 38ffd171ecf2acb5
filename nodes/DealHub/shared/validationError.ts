import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ZodType, ZodTypeDef } from 'zod';

import { validateRequest } from './validation';

/** Checks a body before it is sent; DealHub's own wording, and the item it came from. */
export function assertValidRequest<T>(
	this: IExecuteFunctions,
	schema: ZodType<T, ZodTypeDef, unknown>,
	body: unknown,
	itemIndex: number,
): T {
	const result = validateRequest(schema, body);
	if (result.ok) return result.data;
	throw new NodeOperationError(this.getNode(), result.message, {
		itemIndex,
		description: 'Checked by n8n before sending, with the rules of DealHub’s API; nothing was sent.',
	});
}

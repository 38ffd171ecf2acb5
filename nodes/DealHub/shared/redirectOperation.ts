import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { AnyZodObject } from 'zod';

import { handOffPage, type BrowserRequest } from './handOffPage';
import { redirectResponseSchema } from './schemas';
import type { DealHubApiKind } from './signIn';
import { resolveAccess } from './signIn';
import { callDealHub, getInstanceUrl, readDealHubAnswer } from './transport';
import { assertValidRequest } from './validationError';

/** A call that answers with a DealHub URL to send the user to (every quote/opportunity call). */
export interface RedirectOperation {
	api: DealHubApiKind;
	path: string;
	schema: AnyZodObject;
	/** The body without dealhub_user_id, which comes from the sign-in. */
	buildBody(this: IExecuteFunctions, itemIndex: number): IDataObject;
}

const bodyWithoutUserSchemas = new WeakMap<AnyZodObject, AnyZodObject>();

/** The request schema less dealhub_user_id: what can be checked before anyone signs in. */
function bodyWithoutUserSchema(schema: AnyZodObject): AnyZodObject {
	let derived = bodyWithoutUserSchemas.get(schema);
	if (!derived) {
		derived = schema.omit({ dealhub_user_id: true });
		bodyWithoutUserSchemas.set(schema, derived);
	}
	return derived;
}

export function timeoutFor(ctx: IExecuteFunctions, itemIndex: number): number {
	return (ctx.getNodeParameter('options.timeout', itemIndex, 10000) as number) || 10000;
}

export async function runRedirectOperation(
	this: IExecuteFunctions,
	itemIndex: number,
	operation: RedirectOperation,
): Promise<IDataObject> {
	const timeout = timeoutFor(this, itemIndex);
	// Check the body before signing in: a sign-in spends a one-time token.
	const fields = assertValidRequest.call(
		this,
		bodyWithoutUserSchema(operation.schema),
		operation.buildBody.call(this, itemIndex),
		itemIndex,
	) as IDataObject;
	const access = await resolveAccess.call(this, operation.api, itemIndex, timeout);
	if (!access.accessToken) {
		throw new NodeOperationError(this.getNode(), 'Access Token is empty', {
			itemIndex,
			description: 'Map the access_token output of a DealHub Authenticate step, or choose Sign In Automatically.',
		});
	}
	const body = assertValidRequest.call(
		this,
		operation.schema,
		operation.api === 'crm' ? { dealhub_user_id: access.dealHubUserId, ...fields } : fields,
		itemIndex,
	) as IDataObject;
	const signedInUser = access.dealHubUserId === undefined ? {} : { dealhub_user_id: access.dealHubUserId };

	if (this.getNodeParameter('delivery', itemIndex, 'server') === 'browser') {
		const request: BrowserRequest = {
			method: 'POST',
			url: `${await getInstanceUrl.call(this, itemIndex)}${operation.path}`,
			headers: { Authorization: `Bearer ${access.accessToken}`, 'Content-Type': 'application/json' },
			body,
		};
		return { html: handOffPage(request), request: request as unknown as IDataObject, ...signedInUser };
	}

	const answer = await callDealHub.call(this, {
		path: operation.path,
		body,
		auth: { type: 'accessToken', token: access.accessToken },
		timeout,
		itemIndex,
	});
	const redirect = readDealHubAnswer(this.getNode(), answer, redirectResponseSchema, `DealHub answered ${operation.path} without a url`, itemIndex);
	return { ...redirect, ...signedInUser };
}

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { ZodType, ZodTypeDef } from 'zod';

import { crmUserFromParameters, partnerUserFromParameters } from './requestBodies';
import type { AuthenticateResponse, DealHubUserId } from './schemas';
import {
	authenticateResponseSchema,
	crmAuthenticateRequestSchema,
	partnerAuthenticateRequestSchema,
} from './schemas';
import { callDealHub, readDealHubAnswer } from './transport';
import { assertValidRequest } from './validationError';

export type DealHubApiKind = 'crm' | 'partner';

export interface Access {
	accessToken: string;
	dealHubUserId?: DealHubUserId;
}

export const AUTHENTICATE_PATHS: Record<DealHubApiKind, string> = {
	crm: '/api/v1/user/authenticate',
	partner: '/api/v1/authenticate/user',
};

const REQUEST_SCHEMAS: Record<DealHubApiKind, ZodType<unknown, ZodTypeDef, unknown>> = {
	crm: crmAuthenticateRequestSchema,
	partner: partnerAuthenticateRequestSchema,
};

/** Signs a user in with the stored secret and returns the one-time access token. */
export async function authenticate(
	this: IExecuteFunctions,
	api: DealHubApiKind,
	itemIndex: number,
	timeout: number,
): Promise<AuthenticateResponse> {
	const user = api === 'crm' ? crmUserFromParameters(this, itemIndex) : partnerUserFromParameters(this, itemIndex);
	const body = assertValidRequest.call(this, REQUEST_SCHEMAS[api], { user_information: user }, itemIndex);
	const answer = await callDealHub.call(this, {
		path: AUTHENTICATE_PATHS[api],
		body: body as IDataObject,
		auth: { type: 'secret' },
		timeout,
		itemIndex,
	});
	return readDealHubAnswer(this.getNode(), answer, authenticateResponseSchema, 'DealHub answered the sign-in without an access_token', itemIndex);
}

/** The token for one quote/opportunity call: a fresh sign-in, or the one given by an earlier step. */
export async function resolveAccess(
	this: IExecuteFunctions,
	api: DealHubApiKind,
	itemIndex: number,
	timeout: number,
): Promise<Access> {
	if (this.getNodeParameter('signIn', itemIndex, 'auto') === 'accessToken') {
		return {
			accessToken: String(this.getNodeParameter('accessToken', itemIndex, '')),
			dealHubUserId:
				api === 'crm' ? (this.getNodeParameter('dealHubUserId', itemIndex, '') as DealHubUserId) : undefined,
		};
	}
	const signedIn = await authenticate.call(this, api, itemIndex, timeout);
	return { accessToken: signedIn.access_token, dealHubUserId: signedIn.dealhub_user_id };
}

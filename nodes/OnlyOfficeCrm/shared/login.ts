import type { IHttpRequestHelper, IN8nHttpFullResponse } from 'n8n-workflow';
import { z } from 'zod';

import { describeTransportFailure } from '../../shared/httpFailure';
import { parseJsonBody } from '../../shared/parseJsonBody';
import { envelopeMessage, parseEnvelope } from './envelope';
import { caseInsensitiveObject } from './keys';
import { OnlyOfficeLoginError } from './loginError';
import { apiUrl, PORTAL_URL_RULE, portalUrlOf } from './portalUrl';

/** Sign-in is made by n8n before the node's call, outside its Timeout option. */
export const LOGIN_TIMEOUT_MS = 30_000;

const loginAnswerSchema = caseInsensitiveObject({
	token: z.string().optional(),
	expires: z.string().optional(),
	sms: z.boolean().optional(),
	tfa: z.boolean().optional(),
});

export type LoginAnswer = z.infer<typeof loginAnswerSchema>;

export interface LoginInput {
	portalUrl: unknown;
	userName: unknown;
	password: unknown;
}


function twoStepMessage(answer: LoginAnswer, userName: string): string {
	const by = answer.sms ? 'a code sent by SMS' : 'a code from an authenticator app';
	return (
		`This ONLYOFFICE portal uses two-step verification: signing in as "${userName}" needs ${by}, which n8n cannot enter. ` +
		'In the ONLYOFFICE CRM credential choose Authentication: Access Token and paste a token obtained by completing the sign-in with the code (POST /api/2.0/authentication/{code}).'
	);
}

function unreachableMessage(failure: unknown): string {
	const { message } = describeTransportFailure(failure, 'the ONLYOFFICE portal', LOGIN_TIMEOUT_MS);
	const reason = message.replace(/ \(the Timeout option\)$/, '');
	return `Signing in to ONLYOFFICE failed: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`;
}

/** POST /api/2.0/authentication: the token for a user name and password, or an error that says why not. */
export async function obtainToken(
	helpers: IHttpRequestHelper['helpers'],
	input: LoginInput,
): Promise<{ token: string; expires?: string }> {
	const portalUrl = portalUrlOf(input.portalUrl);
	if (portalUrl === undefined) throw new OnlyOfficeLoginError(PORTAL_URL_RULE);
	const userName = typeof input.userName === 'string' ? input.userName.trim() : '';
	const password = typeof input.password === 'string' ? input.password : '';
	if (userName === '' || password === '') {
		throw new OnlyOfficeLoginError(
			'The ONLYOFFICE CRM credential needs a User Name and a Password (or choose Authentication: Access Token)',
		);
	}
	let answer: IN8nHttpFullResponse | undefined;
	let failure: unknown;
	try {
		answer = (await helpers.httpRequest({
			method: 'POST',
			url: apiUrl(portalUrl, 'authentication'),
			body: { userName, password },
			json: true,
			timeout: LOGIN_TIMEOUT_MS,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		failure = error;
	}
	if (answer === undefined) throw new OnlyOfficeLoginError(unreachableMessage(failure));
	const status = answer.statusCode;
	const envelope = parseEnvelope(parseJsonBody(answer.body));
	if (envelope === undefined) {
		throw new OnlyOfficeLoginError(
			`The Portal URL did not answer the sign-in like an ONLYOFFICE portal (HTTP ${status}). Check the Portal URL of the ONLYOFFICE CRM credential.`,
		);
	}
	if (status >= 300 || envelope.status === 1) {
		const reason = envelopeMessage(envelope) ?? `HTTP ${status}`;
		throw new OnlyOfficeLoginError(
			`ONLYOFFICE refused the sign-in of "${userName}": ${reason}. Check the User Name and Password of the ONLYOFFICE CRM credential.`,
		);
	}
	const parsed = loginAnswerSchema.safeParse(envelope.response);
	const login = parsed.success ? parsed.data : {};
	if (login.sms || login.tfa) throw new OnlyOfficeLoginError(twoStepMessage(login, userName));
	if (!login.token) throw new OnlyOfficeLoginError('ONLYOFFICE accepted the sign-in but sent no token');
	return { token: login.token, expires: login.expires };
}

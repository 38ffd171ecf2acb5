import type { IHttpRequestOptions } from 'n8n-workflow';

import { DealHubApi } from '../../credentials/DealHubApi.credentials';
import type { DealHubStandIn } from '../standins/dealhub';
import { SECRET, startStandIn } from './fixtures';

const credential = new DealHubApi();

/**
 * Sends the credential's Test request the way n8n's credential tester does: an empty body is
 * dropped, HTTP errors are ignored, and the rules see only the response body.
 */
async function testCredential(instanceUrl: string, authenticationToken: string): Promise<string> {
	const { request, rules } = credential.test;
	const baseURL = instanceUrl.trim().replace(/\/+$/, '');
	const options = await credential.authenticate({ instanceUrl, authenticationToken }, { ...request, baseURL } as IHttpRequestOptions);
	const body = options.body as Record<string, unknown> | undefined;
	const response = await fetch(`${options.baseURL}${options.url}`, {
		method: options.method,
		headers: { 'Content-Type': 'application/json', ...(options.headers as Record<string, string>) },
		body: body && Object.keys(body).length > 0 ? JSON.stringify(body) : undefined,
	});
	const answer = (await response.json()) as Record<string, unknown>;
	for (const rule of rules ?? []) {
		if (rule.type === 'responseSuccessBody' && answer[rule.properties.key] === rule.properties.value) {
			return rule.properties.message;
		}
	}
	return 'OK';
}

describe('DealHub API credential', () => {
	let standIn: DealHubStandIn;
	beforeAll(async () => (standIn = await startStandIn()));
	afterAll(async () => await standIn.stop());

	test('puts the token in a Bearer header for the CRM API', async () => {
		const options = await credential.authenticate(
			{ instanceUrl: 'https://x', authenticationToken: 'T1' },
			{ url: 'https://x/api/v1/user/authenticate', method: 'POST', body: { user_information: {} } },
		);
		expect(options.headers).toEqual({ Authorization: 'Bearer T1' });
		expect(options.body).toEqual({ user_information: {} });
	});

	test('puts the key in the body, and only there, for partner sign-in', async () => {
		const options = await credential.authenticate(
			{ instanceUrl: 'https://x', authenticationToken: 'T1' },
			{ url: 'https://x/api/v1/authenticate/user', method: 'POST', body: { user_information: { type: 'partner' } } },
		);
		expect(options.headers).toBeUndefined();
		expect(options.body).toEqual({ authentication: 'T1', user_information: { type: 'partner' } });
	});

	test('the Test request proves a good token without creating anything, and names the cause of a bad one', async () => {
		expect(await testCredential(`${standIn.baseUrl}/`, SECRET)).toBe('OK');
		expect(standIn.requests.at(-1)?.path).toBe('/api/v1/user/authenticate');
		expect(standIn.issuedTokens).toHaveLength(0);
		expect(standIn.requests.at(-1)?.body).toEqual({ user_information: {} });
		expect(await testCredential(standIn.baseUrl, 'wrong')).toMatch(/^DealHub rejected the token \(403 Unauthenticated\)/);
	});
});

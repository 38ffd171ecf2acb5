import type { OnlyOfficeStandIn } from '../standins/onlyoffice';
import { calls, passwordCredential, runCrm, startStandIn, testCredential, tokenCredential } from './fixtures';

const GET_ONE = (id: number) => ({ operation: 'get', opportunityId: String(id) });

describe('ONLYOFFICE CRM credential: token login, renewal and the access token', () => {
	let standIn: OnlyOfficeStandIn;
	beforeEach(async () => (standIn = await startStandIn()));
	afterEach(async () => {
		expect(standIn.batchDeleteCalls).toEqual([]);
		await standIn.stop();
	});

	test('signs in once with the user name and password, then sends the token raw in Authorization', async () => {
		const { id } = standIn.seed();
		const run = await runCrm(passwordCredential(standIn), GET_ONE(id));
		expect(run.error).toBeUndefined();
		expect(run.items[0].json.id).toBe(id);
		expect(standIn.logins).toHaveLength(1);
		expect(standIn.logins[0].body).toEqual({ userName: 'ops@example.com', password: 'dummy-password-olga' });
		const token = run.savedCredential.sessionToken as string;
		expect(standIn.tokens.has(token)).toBe(true);
		const get = standIn.requests.find((request) => request.method === 'GET');
		expect(get?.headers.authorization).toBe(token);

		// The saved token is reused by the next execution: no new sign-in.
		const again = await runCrm(run.savedCredential, GET_ONE(id));
		expect(again.error).toBeUndefined();
		expect(standIn.logins).toHaveLength(1);
	});

	test('an expired token answers 401; the credential signs in again and the call is retried once', async () => {
		const { id } = standIn.seed({ title: 'Still here' });
		const first = await runCrm(passwordCredential(standIn), GET_ONE(id));
		const oldToken = first.savedCredential.sessionToken;
		standIn.expireTokens();

		const second = await runCrm(first.savedCredential, GET_ONE(id));
		expect(second.error).toBeUndefined();
		expect(second.items[0].json.title).toBe('Still here');
		expect(standIn.logins).toHaveLength(2);
		expect(second.savedCredential.sessionToken).not.toBe(oldToken);
		expect(calls(standIn)).toEqual([
			`GET /api/2.0/crm/opportunity/${id}`,
			`GET /api/2.0/crm/opportunity/${id}`,
			`GET /api/2.0/crm/opportunity/${id}`,
		]);
		const retried = standIn.requests.filter((request) => request.method === 'GET').map((request) => request.headers.authorization);
		expect(retried).toEqual([oldToken, oldToken, second.savedCredential.sessionToken]);
	});

	test('a token refused right after a fresh sign-in is an error that says so: one sign-in, no loop', async () => {
		const { id } = standIn.seed();
		const first = await runCrm(passwordCredential(standIn), GET_ONE(id));
		standIn.expireTokens();
		standIn.issueExpiredTokens = true;

		const refused = await runCrm(first.savedCredential, GET_ONE(id));
		expect(refused.error?.message).toBe('ONLYOFFICE did not accept the credential (HTTP 401: Unauthorized)');
		expect((refused.error as { description?: string }).description).toMatch(/^n8n signed in again with the User Name and Password .* the new token was refused too/);
		expect(standIn.logins).toHaveLength(2);
		expect(JSON.stringify(refused.run)).not.toContain(standIn.users[0].password);
	});

	test('a saved token is never sent for another user or to another portal: the credential signs in afresh', async () => {
		const { id } = standIn.seed();
		const first = await runCrm(passwordCredential(standIn), GET_ONE(id));
		const olgasToken = first.savedCredential.sessionToken as string;
		const sam = standIn.users[1];

		const asSam = await runCrm({ ...first.savedCredential, userName: sam.userName, password: sam.password }, GET_ONE(id));
		expect(asSam.error).toBeUndefined();
		expect(standIn.logins.map((login) => (login.body as { userName: string }).userName)).toEqual(['ops@example.com', sam.userName]);
		expect(standIn.tokens.get(asSam.savedCredential.sessionToken as string)?.userId).toBe(sam.id);

		const otherPortal = await startStandIn();
		try {
			const moved = await runCrm({ ...first.savedCredential, portalUrl: otherPortal.baseUrl }, GET_ONE(id));
			expect(moved.error?.message).toBe('The opportunity was not found');
			expect(otherPortal.logins).toHaveLength(1);
			expect(otherPortal.requests.map((request) => request.headers.authorization)).not.toContain(olgasToken);
		} finally {
			await otherPortal.stop();
		}
	});

	test('the access token goes as is in Authorization, with no scheme and no sign-in', async () => {
		const token = standIn.registerToken();
		const { id } = standIn.seed();
		const run = await runCrm(tokenCredential(standIn, token), GET_ONE(id));
		expect(run.error).toBeUndefined();
		expect(standIn.logins).toHaveLength(0);
		expect(standIn.requests.map((request) => request.headers.authorization)).toEqual([token]);
	});

	test('a rejected access token is reported plainly, without the token', async () => {
		const token = standIn.registerToken();
		standIn.expireTokens();
		const { id } = standIn.seed();
		const run = await runCrm(tokenCredential(standIn, token), GET_ONE(id));
		expect(run.error?.message).toBe('ONLYOFFICE did not accept the credential (HTTP 401: Unauthorized)');
		expect((run.error as { description?: string }).description).toMatch(/Access Token .* is wrong or has expired/);
		expect(standIn.logins).toHaveLength(0);
		expect(JSON.stringify(run.run)).not.toContain(token);
	});

	test('a wrong password fails once, with the portal’s reason and without the password', async () => {
		const credential = passwordCredential(standIn, { password: 'not-the-password' });
		const run = await runCrm(credential, GET_ONE(1));
		expect(run.error?.message).toBe(
			'ONLYOFFICE refused the sign-in of "ops@example.com": User authentication failed. Check the User Name and Password of the ONLYOFFICE CRM credential.',
		);
		expect(standIn.logins).toHaveLength(1);
		expect(calls(standIn)).toEqual([]);
		expect(JSON.stringify(run.run)).not.toContain('not-the-password');
	});

	test.each([
		['sms' as const, 'a code sent by SMS'],
		['tfa' as const, 'a code from an authenticator app'],
	])('a portal with two-step login (%s) is explained, pointing to the Access Token option', async (twoStep, code) => {
		const twoStepPortal = await startStandIn({ twoStep });
		try {
			const run = await runCrm(passwordCredential(twoStepPortal), GET_ONE(1));
			expect(run.error?.message).toBe(
				`This ONLYOFFICE portal uses two-step verification: signing in as "ops@example.com" needs ${code}, which n8n cannot enter. ` +
					'In the ONLYOFFICE CRM credential choose Authentication: Access Token and paste a token obtained by completing the sign-in with the code (POST /api/2.0/authentication/{code}).',
			);
			expect(twoStepPortal.logins).toHaveLength(1);
			expect(calls(twoStepPortal)).toEqual([]);
		} finally {
			await twoStepPortal.stop();
		}
	});

	test('the Portal URL is validated, and trailing slashes are dropped', async () => {
		const token = standIn.registerToken();
		for (const portalUrl of ['yourportal.onlyoffice.com', 'ftp://portal.example', `${standIn.baseUrl}/api/2.0`]) {
			const run = await runCrm(tokenCredential(standIn, token, { portalUrl }), GET_ONE(1));
			expect(run.error?.message).toMatch(/^The ONLYOFFICE CRM credential needs a Portal URL such as https:\/\/yourportal\.onlyoffice\.com/);
		}
		const signIn = await runCrm(passwordCredential(standIn, { portalUrl: 'portal.example' }), GET_ONE(1));
		expect(signIn.error?.message).toMatch(/^The ONLYOFFICE CRM credential needs a Portal URL/);
		expect(standIn.requests).toHaveLength(0);

		const { id } = standIn.seed();
		const run = await runCrm(passwordCredential(standIn, { portalUrl: `${standIn.baseUrl}//` }), GET_ONE(id));
		expect(run.error).toBeUndefined();
		expect(standIn.requests.map((request) => request.path)).toEqual(['/api/2.0/authentication', `/api/2.0/crm/opportunity/${id}`]);
	});

	test('an unreachable portal is reported without the request or its secrets', async () => {
		const token = standIn.registerToken();
		const byToken = await runCrm(tokenCredential(standIn, token, { portalUrl: 'http://127.0.0.1:9' }), GET_ONE(1));
		expect(byToken.error?.message).toBe('Could not reach ONLYOFFICE (connection refused)');
		expect(JSON.stringify(byToken.run)).not.toContain(token);
		const byPassword = await runCrm(passwordCredential(standIn, { portalUrl: 'http://127.0.0.1:9' }), GET_ONE(1));
		expect(byPassword.error?.message).toBe('Signing in to ONLYOFFICE failed: could not reach the ONLYOFFICE portal (connection refused)');
		expect(JSON.stringify(byPassword.run)).not.toContain('dummy-password-olga');
	});

	describe('the Test button', () => {
		test('passes for a good password or token, with one read-only call', async () => {
			expect(await testCredential(passwordCredential(standIn))).toEqual({ status: 'OK', message: 'Connection successful!' });
			expect(await testCredential(tokenCredential(standIn, standIn.registerToken()))).toEqual({ status: 'OK', message: 'Connection successful!' });
			expect(calls(standIn)).toEqual(['GET /api/2.0/crm/opportunity/stage', 'GET /api/2.0/crm/opportunity/stage']);
		});

		test('names the cause of a failure', async () => {
			const expired = standIn.registerToken();
			standIn.expireTokens();
			expect((await testCredential(tokenCredential(standIn, expired))).message).toBe(
				'ONLYOFFICE did not accept the credential (401). Check the Access Token, or the User Name and Password.',
			);
			expect((await testCredential(passwordCredential(standIn, { password: 'wrong' }))).message).toMatch(
				/^ONLYOFFICE refused the sign-in of "ops@example.com": User authentication failed/,
			);
			const elsewhere = tokenCredential(standIn, standIn.registerToken(), { portalUrl: `${standIn.baseUrl}/elsewhere` });
			expect((await testCredential(elsewhere)).message).toMatch(/^No ONLYOFFICE CRM API at this Portal URL \(404\)/);
		});

		test('explains a two-step portal', async () => {
			const twoStepPortal = await startStandIn({ twoStep: 'sms' });
			try {
				expect((await testCredential(passwordCredential(twoStepPortal))).message).toMatch(/two-step verification.*Access Token/);
			} finally {
				await twoStepPortal.stop();
			}
		});
	});
});

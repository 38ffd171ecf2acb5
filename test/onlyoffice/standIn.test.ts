import type { OnlyOfficeStandIn } from '../standins/onlyoffice';
import { startStandIn } from './fixtures';

/** The stand-in enforces the contract the node is tested against; these prove that it does. */
describe('ONLYOFFICE stand-in', () => {
	let standIn: OnlyOfficeStandIn;
	beforeEach(async () => (standIn = await startStandIn()));
	afterEach(async () => await standIn.stop());

	const call = async (method: string, path: string, options: { token?: string; body?: unknown } = {}) => {
		const response = await fetch(`${standIn.baseUrl}/api/2.0/${path}`, {
			method,
			headers: { ...(options.token ? { Authorization: options.token } : {}), 'Content-Type': 'application/json' },
			body: options.body === undefined ? undefined : JSON.stringify(options.body),
		});
		return { status: response.status, body: (await response.json()) as Record<string, unknown> };
	};

	test('token login answers 201 with a token and its expiry; the token works raw, not with a scheme', async () => {
		const [user] = standIn.users;
		const login = await call('POST', 'authentication', { body: { userName: user.userName, password: user.password } });
		expect(login.status).toBe(201);
		const { token, expires } = login.body.response as { token: string; expires: string };
		expect(expires).toMatch(/^\d{4}-/);
		expect((await call('GET', 'crm/opportunity/stage', { token })).status).toBe(200);
		expect((await call('GET', 'crm/opportunity/stage', { token: `Bearer ${token}` })).status).toBe(401);
		expect((await call('GET', 'crm/opportunity/stage')).body).toEqual({ status: 1, statusCode: 401, error: { message: 'Unauthorized', type: 'System.Exception', stack: '' } });
		standIn.expireTokens();
		expect((await call('GET', 'crm/opportunity/stage', { token })).status).toBe(401);
	});

	test('a two-step portal answers the password without a token', async () => {
		const twoStep = await startStandIn({ twoStep: 'tfa' });
		try {
			const [user] = twoStep.users;
			const response = await fetch(`${twoStep.baseUrl}/api/2.0/authentication`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ userName: user.userName, password: user.password }),
			});
			const body = (await response.json()) as { response: Record<string, unknown> };
			expect(body.response.tfa).toBe(true);
			expect(body.response.token).toBeUndefined();
		} finally {
			await twoStep.stop();
		}
	});

	test('records are camelCase with default values left out; request keys must be the documented ones', async () => {
		const token = standIn.registerToken();
		const created = await call('POST', 'crm/opportunity', { token, body: { title: 'T', stageid: 11 } });
		expect(Object.keys(created.body.response as object)).toEqual(['id', 'createBy', 'created', 'members', 'title', 'bidCurrency', 'stage', 'canEdit', 'customFields']);
		const wrongCase = await call('POST', 'crm/opportunity', { token, body: { Title: 'T', StageId: 11 } });
		expect(wrongCase.status).toBe(400);
		expect(wrongCase.body.error).toMatchObject({ message: 'Unknown parameter(s): Title, StageId' });
	});

	test('the batch-delete endpoints are real and destructive, which is why the node must never call them', async () => {
		const token = standIn.registerToken();
		const [a, b, c] = [standIn.seed(), standIn.seed(), standIn.seed({ title: 'Other' })];
		await call('PUT', 'crm/opportunity', { token, body: { opportunityids: [a.id] } });
		expect(standIn.opportunities.has(a.id)).toBe(false);
		await call('DELETE', 'crm/opportunity/filter?filterValue=seeded', { token });
		expect([...standIn.opportunities.keys()]).toEqual([c.id]);
		expect(standIn.opportunities.has(b.id)).toBe(false);
		expect(standIn.batchDeleteCalls).toHaveLength(2);
	});
});

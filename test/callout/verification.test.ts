import { SECRET_MAX_AGE_MS } from '../../nodes/DealHubCallout/secretCache';
import type { WebhookServer } from '../harness/webhookServer';
import {
	BASIC,
	BASIC_HEADER,
	BASIC_PASSWORD,
	BASIC_USER,
	exampleRequest,
	post,
	priceEveryProduct,
	startCallout,
	TOKEN,
} from './fixtures';

/** Changes one byte of a string: the secret's last character, or any chosen position. */
const mutate = (value: string, at = value.length - 1): string =>
	value.slice(0, at) + String.fromCharCode(value.charCodeAt(at) ^ 1) + value.slice(at + 1);

const withoutSecret = () => {
	const body = exampleRequest();
	delete body.authentication;
	return body;
};

function expectNoSecretIn(text: string) {
	for (const secret of [TOKEN, BASIC_PASSWORD, BASIC_HEADER.slice(6)]) expect(text).not.toContain(secret);
}

describe('DealHub Callout Trigger verification (Bearer)', () => {
	let server: WebhookServer;
	beforeAll(async () => {
		server = await startCallout({ pricing: priceEveryProduct });
	});
	afterAll(async () => await server.stop());

	it('accepts the secret in the header and the body, and runs the workflow', async () => {
		const answer = await post(server.url, exampleRequest());
		expect(answer.status).toBe(200);
		expect(server.executions).toHaveLength(1);
	});

	it('reads the scheme case-insensitively', async () => {
		expect((await post(server.url, exampleRequest(), { authorization: `bEARER ${TOKEN}` })).status).toBe(200);
		expect((await post(server.url, exampleRequest(), { authorization: `BEARER   ${TOKEN}  ` })).status).toBe(200);
	});

	it('accepts the header alone (no authentication field)', async () => {
		expect((await post(server.url, withoutSecret())).status).toBe(200);
	});

	it('accepts the body field with its scheme prefix', async () => {
		expect((await post(server.url, { ...exampleRequest(), authentication: `Bearer ${TOKEN}` })).status).toBe(200);
	});

	describe('refusals: 401, a JSON message without the secret, no run', () => {
		const cases: Array<[string, () => Promise<Awaited<ReturnType<typeof post>>>]> = [
			['the body field alone (no header)', async () => await post(server.url, exampleRequest(), { authorization: null })],
			['no secret at all', async () => await post(server.url, withoutSecret(), { authorization: null })],
			['an empty header', async () => await post(server.url, exampleRequest(), { authorization: '' })],
			['a header without scheme', async () => await post(server.url, exampleRequest(), { authorization: TOKEN })],
			['a wrong token', async () => await post(server.url, exampleRequest(), { authorization: 'Bearer not-the-token' })],
			['the token mutated by one byte', async () => await post(server.url, exampleRequest(), { authorization: `Bearer ${mutate(TOKEN)}` })],
			['the first byte mutated', async () => await post(server.url, exampleRequest(), { authorization: `Bearer ${mutate(TOKEN, 0)}` })],
			['the token with a byte more', async () => await post(server.url, exampleRequest(), { authorization: `Bearer ${TOKEN}x` })],
			['the token with a byte less', async () => await post(server.url, exampleRequest(), { authorization: `Bearer ${TOKEN.slice(0, -1)}` })],
			['the Basic scheme with the token', async () => await post(server.url, exampleRequest(), { authorization: `Basic ${TOKEN}` })],
			['a right header but a wrong body field', async () => await post(server.url, { ...exampleRequest(), authentication: mutate(TOKEN) })],
			['a right header but an empty body field', async () => await post(server.url, { ...exampleRequest(), authentication: '' })],
			['a right header but a numeric body field', async () => await post(server.url, { ...exampleRequest(), authentication: 42 })],
		];
		it.each(cases)('%s', async (_name, send) => {
			const before = server.executions.length;
			const answer = await send();
			expect(answer.status).toBe(401);
			expect(answer.contentType).toMatch(/^application\/json/);
			expect(Object.keys(answer.json)).toEqual(['message']);
			expect(answer.json.message).toMatch(/^Unauthorized: /);
			expectNoSecretIn(answer.text);
			await server.idle();
			expect(server.executions.length).toBe(before);
		});
	});

	it('verifies before validating, so strangers learn nothing about the schema', async () => {
		const answer = await post(server.url, { nonsense: true }, { authorization: 'Bearer wrong' });
		expect(answer.status).toBe(401);
	});
});

describe('DealHub Callout Trigger verification (Basic)', () => {
	let server: WebhookServer;
	beforeAll(async () => {
		server = await startCallout({ credentials: BASIC, pricing: priceEveryProduct });
	});
	afterAll(async () => await server.stop());

	const body = (authentication?: string) => ({ ...exampleRequest(), authentication });

	it.each([
		['the header alone', undefined],
		['the body field as base64', BASIC_HEADER.slice(6)],
		['the body field with its scheme', BASIC_HEADER],
		['the body field as user:password', `${BASIC_USER}:${BASIC_PASSWORD}`],
	])('accepts %s', async (_name, authentication) => {
		const answer = await post(server.url, body(authentication), { authorization: BASIC_HEADER });
		expect(answer.status).toBe(200);
	});

	it('reads the scheme case-insensitively', async () => {
		const answer = await post(server.url, body(), { authorization: `basic ${BASIC_HEADER.slice(6)}` });
		expect(answer.status).toBe(200);
	});

	it.each([
		['a Bearer header', `Bearer ${BASIC_HEADER.slice(6)}`, undefined],
		['a wrong password', `Basic ${Buffer.from(`${BASIC_USER}:wrong`).toString('base64')}`, undefined],
		['the base64 mutated by one byte', mutate(BASIC_HEADER), undefined],
		['the padding mutated by one byte', BASIC_HEADER.replace(/=$/, '!'), undefined],
		['the body field mutated by one byte', BASIC_HEADER, mutate(`${BASIC_USER}:${BASIC_PASSWORD}`)],
		['no header', null, BASIC_HEADER],
	])('refuses %s', async (_name, authorization, authentication) => {
		const before = server.executions.length;
		const answer = await post(server.url, body(authentication), { authorization });
		expect(answer.status).toBe(401);
		expect(Object.keys(answer.json)).toEqual(['message']);
		expectNoSecretIn(answer.text);
		await server.idle();
		expect(server.executions.length).toBe(before);
	});
});

describe('DealHub Callout Trigger with an incomplete credential', () => {
	it('refuses every callout with 401', async () => {
		const server = await startCallout({ credentials: { authType: 'bearer', token: '' }, pricing: priceEveryProduct });
		try {
			const answer = await post(server.url, exampleRequest(), { authorization: 'Bearer ' });
			expect(answer.status).toBe(401);
			expect(answer.json.message).toMatch(/incomplete/);
			expect(server.executions).toHaveLength(0);
		} finally {
			await server.stop();
		}
	});
});

describe('DealHub Callout Trigger reading its credential', () => {
	const ROTATED = 'example-rotated-callout-token';
	let server: WebhookServer;
	const reads = () => server.credentialsHelper.reads.dealHubCalloutApi ?? 0;
	const setToken = (token: string) => {
		server.credentialsHelper.store.dealHubCalloutApi = { authType: 'bearer', token };
	};
	const withToken = async (token: string) =>
		await post(server.url, { ...exampleRequest(), authentication: token }, { authorization: `Bearer ${token}` });

	beforeEach(async () => {
		server = await startCallout({ pricing: priceEveryProduct });
	});
	afterEach(async () => {
		jest.restoreAllMocks();
		await server.stop();
	});

	it('reads it once for callouts in quick succession, and again once it is older than the maximum age', async () => {
		for (let index = 0; index < 5; index++) expect((await withToken(TOKEN)).status).toBe(200);
		expect(reads()).toBe(1);
		const later = Date.now() + SECRET_MAX_AGE_MS;
		jest.spyOn(Date, 'now').mockReturnValue(later);
		expect((await withToken(TOKEN)).status).toBe(200);
		expect(reads()).toBe(2);
	});

	it('accepts a new secret at once: a request the cached secret refuses is checked against the credential', async () => {
		expect((await withToken(TOKEN)).status).toBe(200);
		setToken(ROTATED);
		expect((await withToken(ROTATED)).status).toBe(200);
		expect(reads()).toBe(2);
		const refused = await withToken(TOKEN);
		expect(refused.status).toBe(401);
		expectNoSecretIn(refused.text);
	});

	it('stops accepting a retired secret once the cached one is older than the maximum age', async () => {
		expect((await withToken(TOKEN)).status).toBe(200);
		setToken(ROTATED);
		jest.spyOn(Date, 'now').mockReturnValue(Date.now() + SECRET_MAX_AGE_MS);
		expect((await withToken(TOKEN)).status).toBe(401);
		expect((await withToken(ROTATED)).status).toBe(200);
	});

	it('refuses a wrong secret after reading the credential again, and drops the secret of a credential it cannot read', async () => {
		expect((await withToken(TOKEN)).status).toBe(200);
		expect((await withToken(mutate(TOKEN))).status).toBe(401);
		expect(reads()).toBe(2);
		delete server.credentialsHelper.store.dealHubCalloutApi;
		expect((await withToken(mutate(TOKEN))).status).toBe(401);
		const unreadable = await withToken(TOKEN);
		expect(unreadable.status).toBe(401);
		expect(unreadable.json.message).toMatch(/no DealHub Callout credential/);
		setToken(TOKEN);
		expect((await withToken(TOKEN)).status).toBe(200);
		expect((await withToken(TOKEN)).status).toBe(200);
		expect(reads()).toBe(5);
	});

	it('keeps the secrets of two workflows apart', async () => {
		const other = await startCallout({ credentials: { authType: 'bearer', token: ROTATED }, pricing: priceEveryProduct });
		try {
			expect((await withToken(TOKEN)).status).toBe(200);
			expect((await post(other.url, { ...exampleRequest(), authentication: TOKEN }, { authorization: `Bearer ${TOKEN}` })).status).toBe(401);
			expect((await post(other.url, { ...exampleRequest(), authentication: ROTATED }, { authorization: `Bearer ${ROTATED}` })).status).toBe(200);
		} finally {
			await other.stop();
		}
	});
});

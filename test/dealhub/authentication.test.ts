import type { DealHubStandIn } from '../standins/dealhub';
import { CRM_USER, PARTNER_USER, SECRET, requestsTo, runDealHub, startStandIn } from './fixtures';

const ALL_CRM_USER_FIELDS = {
	login: 'david.s',
	position: 'Sales',
	phone: '03-12345678',
	mobile: '058-12345678',
	fax: '03-12345679',
	company: 'Acme Partner1',
	street: '12nd Broadway',
	city: 'New York',
	state: 'NY',
	country: 'USA',
	postal_code: '1234567',
	user_manager_login: 'manager@domain.com',
};

describe('DealHub node: Authentication', () => {
	let standIn: DealHubStandIn;
	beforeEach(async () => (standIn = await startStandIn()));
	afterEach(async () => await standIn.stop());

	test('authenticates a CRM user with all 15 user_information fields and outputs the one-time token', async () => {
		const run = await runDealHub(standIn, {
			resource: 'authentication',
			operation: 'crmUser',
			...CRM_USER,
			userAdditionalFields: ALL_CRM_USER_FIELDS,
		});
		expect(run.error).toBeUndefined();
		const [sent] = requestsTo(standIn, '/api/v1/user/authenticate');
		expect(sent.headers.authorization).toBe(`Bearer ${SECRET}`);
		expect(sent.body).toEqual({
			user_information: {
				external_user_id: 'crm-user-42',
				email: 'david.s@domain.com',
				name: 'David Solomon',
				...ALL_CRM_USER_FIELDS,
			},
		});
		expect(Object.keys((sent.body as { user_information: object }).user_information)).toHaveLength(15);
		const issued = standIn.issuedTokens[0];
		expect(run.items).toEqual([
			{ json: { access_token: issued.token, dealhub_user_id: issued.userId }, pairedItem: { item: 0 } },
		]);
	});

	test('authenticates a partner user with the key in the body, never in a header', async () => {
		const run = await runDealHub(standIn, {
			resource: 'authentication',
			operation: 'partnerUser',
			...PARTNER_USER,
			partnerAdditionalFields: { company: 'Partner Co', profile_img: 'https://partner.example/p.png' },
		});
		expect(run.error).toBeUndefined();
		const [sent] = requestsTo(standIn, '/api/v1/authenticate/user');
		expect(sent.headers.authorization).toBeUndefined();
		expect(sent.body).toEqual({
			authentication: SECRET,
			user_information: {
				type: 'partner',
				user_id: 'prm-7',
				login: 'pat@partner.example',
				email: 'pat@partner.example',
				name: 'Pat Partner',
				company: 'Partner Co',
				profile_img: 'https://partner.example/p.png',
			},
		});
		expect(run.items[0].json).toEqual({ access_token: standIn.issuedTokens[0].token });
	});

	test('one sign-in per input item, each output paired with its item', async () => {
		const run = await runDealHub(
			standIn,
			{
				resource: 'authentication',
				operation: 'crmUser',
				userExternalId: '={{ $json.id }}',
				userEmail: '={{ $json.id }}@domain.com',
				userName: 'User {{ $json.id }}',
			},
			{ input: [{ json: { id: 'a' } }, { json: { id: 'b' } }, { json: { id: 'c' } }] },
		);
		expect(run.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(new Set(run.items.map((item) => item.json.dealhub_user_id)).size).toBe(3);
	});

	test('a wrong Authentication Token gets a 403 error explaining the likely causes, without the token', async () => {
		const run = await runDealHub(
			standIn,
			{ resource: 'authentication', operation: 'crmUser', ...CRM_USER },
			{ token: 'not-the-secret' },
		);
		expect(run.error?.message).toBe('Unauthenticated (HTTP 403 from /api/v1/user/authenticate)');
		expect((run.error as { description?: string }).description).toMatch(/IP allowlist/);
		expect(JSON.stringify(run.run)).not.toContain('not-the-secret');
	});

	test('a wrong partner key gets 403 too', async () => {
		const run = await runDealHub(
			standIn,
			{ resource: 'authentication', operation: 'partnerUser', ...PARTNER_USER },
			{ token: 'wrong-partner-key' },
		);
		expect(run.error?.message).toMatch(/^Unauthenticated \(HTTP 403/);
		expect(JSON.stringify(run.run)).not.toContain('wrong-partner-key');
	});
});

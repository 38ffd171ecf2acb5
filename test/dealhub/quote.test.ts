import type { DealHubStandIn } from '../standins/dealhub';
import { CREATE_QUOTE, PARTNER_USER, SECRET, requestsTo, runDealHub, startStandIn } from './fixtures';

const FULL_OPPORTUNITY_FIELDS = {
	external_quote_id: 'qr564',
	opportunity_owner: {
		owner: {
			external_user_id: 'owner-1',
			email: 'owner@domain.com',
			name: 'Olivia Owner',
			login: 'olivia',
			position: 'AE',
			phone: '1',
			mobile: '2',
			fax: '3',
			company: 'Acme Seller',
			street: 'Main St',
			city: 'Boston',
			state: 'MA',
			country: 'USA',
			postal_code: '02101',
			user_manager_login: 'boss@domain.com',
		},
	},
	customer_shipping_address: { address: { street: 'balfur', city: 'tel aviv', country: 'israel', postal_code: 'bdfje34' } },
	customer_billing_address: { address: { street: 'harokmim', city: 'holon', state: 'israel', country: 'israel' } },
	customer_contacts: {
		contact: [
			{ first_name: 'Eyal', last_name: 'Meshulam', email: 'email@gmail.com', salutation: 'Mr', title: 'CTO', phone: '+9725684242', account_name: '12345', mailing_address: '123 Heirloom ST', primary_contact: true },
			{ first_name: 'Dana', last_name: 'Levi', email: 'dana@gmail.com', primary_contact: false },
		],
	},
	custom_fields: {
		field: [
			{ name: 'segment', type: 'text', value: 'Enterprise' },
			{ name: 'modules', type: 'textList', value: 'CPQ, CLM,  Billing' },
			{ name: 'seats', type: 'numeric', value: '250' },
			{ name: 'renewal_date', type: 'date', value: '2026-03-01T10:00:00.000Z' },
			{ name: 'discount', type: 'numeric', value: '' },
		],
	},
	repeatable_groups: {
		group: [{ group_id: 'qg1', questions: '[{"id1":"id1_val","id2":"a;b;c"},{"id1":"x"}]' }],
	},
};

describe('DealHub node: Quote', () => {
	let standIn: DealHubStandIn;
	beforeEach(async () => (standIn = await startStandIn()));
	afterEach(async () => await standIn.stop());

	test('create signs in, then calls with the one-time token (never the secret) and treats HTTP 300 as success', async () => {
		const run = await runDealHub(standIn, CREATE_QUOTE);
		expect(run.error).toBeUndefined();
		const [signIn] = requestsTo(standIn, '/api/v1/user/authenticate');
		const [create] = requestsTo(standIn, '/api/v1.1/quote/create');
		const token = standIn.issuedTokens[0];
		expect(signIn.headers.authorization).toBe(`Bearer ${SECRET}`);
		expect(create.headers.authorization).toBe(`Bearer ${token.token}`);
		expect(create.rawBody).not.toContain(SECRET);
		expect(run.items).toEqual([
			{
				json: { url: `${standIn.baseUrl}/cpq/quote/1000?new=1`, errors: [], dealhub_user_id: token.userId },
				pairedItem: { item: 0 },
			},
		]);
	});

	test('create sends every documented field in DealHub’s shape', async () => {
		const run = await runDealHub(standIn, { ...CREATE_QUOTE, versionId: 'v7', opportunityFields: FULL_OPPORTUNITY_FIELDS });
		expect(run.error).toBeUndefined();
		const [create] = requestsTo(standIn, '/api/v1.1/quote/create');
		expect(create.body).toEqual({
			dealhub_user_id: standIn.issuedTokens[0].userId,
			external_opportunity_id: 'opp-1',
			version_id: 'v7',
			external_opportunity_name: 'Acme renewal',
			external_customer_id: 'acme',
			customer_name: 'Acme Inc.',
			geo_code: 'NA',
			currency: 'USD',
			external_quote_id: 'qr564',
			opportunity_owner: FULL_OPPORTUNITY_FIELDS.opportunity_owner.owner,
			customer_shipping_address: FULL_OPPORTUNITY_FIELDS.customer_shipping_address.address,
			customer_billing_address: FULL_OPPORTUNITY_FIELDS.customer_billing_address.address,
			customer_contacts: FULL_OPPORTUNITY_FIELDS.customer_contacts.contact,
			custom_fields: [
				{ name: 'segment', value: ['Enterprise'] },
				{ name: 'modules', value: ['CPQ', 'CLM', 'Billing'] },
				{ name: 'seats', value: 250 },
				{ name: 'renewal_date', value: '2026-03-01' },
				{ name: 'discount', value: '' },
			],
			repeatable_groups: [{ group_id: 'qg1', questions: [{ id1: 'id1_val', id2: 'a;b;c' }, { id1: 'x' }] }],
		});
	});

	test('create also succeeds when DealHub answers 200 (the OpenAPI variant)', async () => {
		await standIn.stop();
		standIn = await startStandIn({ crmSuccessStatus: 200 });
		const run = await runDealHub(standIn, CREATE_QUOTE);
		expect(run.items[0].json.url).toBe(`${standIn.baseUrl}/cpq/quote/1000?new=1`);
	});

	test('open sends opportunity_info only when asked, and reaches the quote', async () => {
		await runDealHub(standIn, CREATE_QUOTE);
		const plain = await runDealHub(standIn, { ...CREATE_QUOTE, operation: 'open', dealHubQuoteId: '1000' });
		expect(plain.items[0].json.url).toBe(`${standIn.baseUrl}/cpq/quote/1000`);
		const withInfo = await runDealHub(standIn, {
			...CREATE_QUOTE,
			operation: 'open',
			dealHubQuoteId: '1000',
			updateOpportunityInfo: true,
			externalOpportunityName: 'Acme renewal 2027',
		});
		expect(withInfo.error).toBeUndefined();
		const [first, second] = requestsTo(standIn, '/api/v2/quote/open').map((request) => request.body as Record<string, unknown>);
		expect(first.opportunity_info).toBeUndefined();
		expect(second.opportunity_info).toEqual({
			external_opportunity_name: 'Acme renewal 2027',
			external_customer_id: 'acme',
			customer_name: 'Acme Inc.',
			geo_code: 'NA',
			currency: 'USD',
		});
	});

	test('open of an unknown quote passes DealHub’s 400 message through verbatim', async () => {
		const run = await runDealHub(standIn, { ...CREATE_QUOTE, operation: 'open', dealHubQuoteId: '999' });
		expect(run.error?.message).toBe('Entity (ID = 999) not found.');
		expect((run.error as { httpCode?: string }).httpCode).toBe('400');
	});

	test('view all quotes of an opportunity, with and without opportunity_info', async () => {
		await runDealHub(standIn, CREATE_QUOTE);
		const run = await runDealHub(standIn, { ...CREATE_QUOTE, operation: 'viewAll' });
		expect(run.items[0].json.url).toBe(`${standIn.baseUrl}/cpq/proposals/opp-1`);
		const updated = await runDealHub(standIn, { ...CREATE_QUOTE, operation: 'viewAll', updateOpportunityInfo: true });
		expect(updated.error).toBeUndefined();
		expect((requestsTo(standIn, '/api/v2/quotes')[1].body as Record<string, unknown>).opportunity_info).toBeDefined();
		const unknown = await runDealHub(standIn, { ...CREATE_QUOTE, operation: 'viewAll', externalOpportunityId: 'nope' });
		expect(unknown.error?.message).toBe('Entity (ID = nope) not found.');
	});

	test('partner create and open use the partner sign-in and answer 200', async () => {
		const created = await runDealHub(standIn, { resource: 'quote', operation: 'partnerCreate', ...PARTNER_USER, opportunityId: 'x444' });
		expect(created.items[0].json).toEqual({ url: `${standIn.baseUrl}/cpq/partner/create/x444`, errors: [] });
		const opened = await runDealHub(standIn, { resource: 'quote', operation: 'partnerOpen', ...PARTNER_USER, opportunityId: 'x444', quoteId: 'q-9' });
		expect(opened.items[0].json.url).toBe(`${standIn.baseUrl}/cpq/partner/quote/x444/q-9`);
		const [sent] = requestsTo(standIn, '/api/v1/open/quote');
		expect(sent.body).toEqual({ opportunity_id: 'x444', quote_id: 'q-9' });
		expect(sent.headers.authorization).toBe(`Bearer ${standIn.issuedTokens[1].token}`);
	});

	test('a non-empty errors list in a success answer is an error', async () => {
		standIn.overrides.set('/api/v1.1/quote/create', { status: 300, body: { url: 'https://x', errors: ['Quota exceeded'] } });
		const run = await runDealHub(standIn, CREATE_QUOTE);
		expect(run.error?.message).toBe('Quota exceeded');
	});

	test('an answer without a url is an error, not an empty success', async () => {
		standIn.overrides.set('/api/v1.1/quote/create', { status: 300, body: { errors: [] } });
		const run = await runDealHub(standIn, CREATE_QUOTE);
		expect(run.error?.message).toBe('DealHub answered /api/v1.1/quote/create without a url');
	});
});

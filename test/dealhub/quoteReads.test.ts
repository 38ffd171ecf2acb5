import type { IDataObject } from 'n8n-workflow';

import type { DealHubStandIn } from '../standins/dealhub';
import { DealHubQuoteApiStandIn, pdfBytes, quoteFixture } from '../standins/dealhubQuoteApi';
import { SECRET, runDealHub, startStandIn } from './fixtures';

// The Quote API reads of the DealHub node against a loopback Quote API: the Authentication Token
// as Bearer on the Quote API host, never a sign-in.

describe('DealHub node: Quote API reads', () => {
	let crm: DealHubStandIn;
	let quoteApi: DealHubQuoteApiStandIn;
	const run = (parameters: IDataObject, options: { continueOnFail?: boolean; token?: string } = {}) =>
		runDealHub(crm, parameters, { ...options, quoteApiUrl: `${quoteApi.baseUrl}/` });
	const paths = () => quoteApi.requests.map((request) => decodeURIComponent(request.path));

	beforeEach(async () => {
		crm = await startStandIn();
		quoteApi = await new DealHubQuoteApiStandIn(SECRET).start();
		quoteApi.quotes.push(
			quoteFixture('Q0000000000000A1', 'Q-12927', 'opp-1'),
			quoteFixture('Q0000000000000A2', 'Q-12928', 'opp-1', { status: 'Draft' }),
			quoteFixture('Q0000000000000A3', 'Q-12929', 'opp-2', { status: 'Draft', quote_upgrade_required: true }),
		);
	});
	afterEach(async () => {
		// Reads never sign in nor touch the CRM Open API host.
		expect(crm.requests).toHaveLength(0);
		await quoteApi.stop();
		await crm.stop();
	});

	describe('Quote > Get', () => {
		test('by DealHub quote id, with the chosen blocks as repeated feature parameters, dates also in ISO 8601', async () => {
			const result = await run({ resource: 'quote', operation: 'get', quoteId: 'Q0000000000000A1', details: ['info', 'summary', 'line_items'] });
			expect(result.error).toBeUndefined();
			expect(paths()).toEqual(['/api/v2/quote/Q0000000000000A1?feature=info&feature=summary&feature=line_items']);
			expect(quoteApi.requests[0].headers.authorization).toBe(`Bearer ${SECRET}`);
			const [quote] = result.items.map((item) => item.json);
			expect(quote).toMatchObject({
				dealhub_quote_id: 'Q0000000000000A1',
				status: 'Won',
				summary: { total_net_price: 10800 },
				info: { dealhub_quote_number: 'Q-12927', won_date: '2025-03-01 10:15:00', won_date_iso: '2025-03-01T10:15:00.000Z' },
			});
			expect(quote).not.toHaveProperty('answers');
			expect((quote.line_items as IDataObject[]).map((line) => line.sku)).toEqual(['A-1', 'B-1']);
			expect(result.items[0].pairedItem).toEqual({ item: 0 });
		});

		test('by CRM quote id (external_identifier_flag) and by proposal number (looked up first)', async () => {
			const byCrmId = await run({ resource: 'quote', operation: 'get', quoteIdType: 'external', quoteId: 'crm-q-Q0000000000000A2', details: [] });
			expect(byCrmId.items[0].json).toEqual({ dealhub_quote_id: 'Q0000000000000A2', status: 'Draft', quote_upgrade_required: false });
			const byNumber = await run({ resource: 'quote', operation: 'get', quoteIdType: 'proposalNumber', quoteId: 'Q-12927', details: ['deal_room_info'] });
			expect(byNumber.items[0].json).toMatchObject({ dealhub_quote_id: 'Q0000000000000A1', deal_room_info: { url: 'https://dealroom.example/Q0000000000000A1' } });
			expect(paths()).toEqual([
				'/api/v2/quote/crm-q-Q0000000000000A2?external_identifier_flag=true',
				'/api/v1/quote/id/Q-12927',
				'/api/v2/quote/Q0000000000000A1?feature=deal_room_info',
			]);
		});

		test('line items as items: one output item per line item, with the quote’s id and number', async () => {
			const result = await run({ resource: 'quote', operation: 'get', quoteId: 'Q0000000000000A1', details: ['info', 'line_items'], lineItemsAsItems: true });
			expect(result.items.map((item) => [item.json.dealhub_quote_id, item.json.dealhub_quote_number, item.json.sku, item.pairedItem])).toEqual([
				['Q0000000000000A1', 'Q-12927', 'A-1', { item: 0 }],
				['Q0000000000000A1', 'Q-12927', 'B-1', { item: 0 }],
			]);
		});

		test('a quote that needs an upgrade is an error saying so, not a quote with empty blocks', async () => {
			const result = await run({ resource: 'quote', operation: 'get', quoteId: 'Q0000000000000A3', details: ['summary'] });
			expect(result.error?.message).toBe('DealHub withholds the details of quote Q0000000000000A3: it needs an upgrade (quote_upgrade_required)');
			expect((result.error as { description?: string }).description).toMatch(/Version that is no longer active/);
		});

		test('DealHub’s errors in its words: an unknown id (400 not found), a wrong token (403), and nothing lost with Continue On Fail', async () => {
			const unknown = await run({ resource: 'quote', operation: 'get', quoteId: 'NOPE', details: ['info'] });
			expect(unknown.error?.message).toBe('Entity (ID = NOPE) not found (HTTP 400 from GET /api/v2/quote/NOPE)');
			expect((unknown.error as { description?: string }).description).toMatch(/^DealHub knows no such entity: check the Quote ID/);
			const unknownNumber = await run({ resource: 'quote', operation: 'get', quoteIdType: 'proposalNumber', quoteId: 'Q-1', details: [] });
			expect(unknownNumber.error?.message).toBe('Entity (ID = Q-1) not found. (HTTP 400 from GET /api/v1/quote/id/Q-1)');
			const refused = await run({ resource: 'quote', operation: 'get', quoteId: 'Q0000000000000A1', details: [] }, { token: 'dummy-wrong-token' });
			expect(refused.error?.message).toBe('Unauthenticated (HTTP 403 from GET /api/v2/quote/Q0000000000000A1)');
			expect((refused.error as { description?: string }).description).toMatch(/Authentication Token/);
			expect(JSON.stringify(refused.error)).not.toContain(SECRET);

			const mixed = await runDealHub(
				crm,
				{ resource: 'quote', operation: 'get', quoteId: '={{ $json.id }}', details: [] },
				{ quoteApiUrl: quoteApi.baseUrl, continueOnFail: true, input: [{ json: { id: 'Q0000000000000A1' } }, { json: { id: 'NOPE' } }, { json: { id: 'Q0000000000000A2' } }] },
			);
			expect(mixed.items.map((item) => item.json.dealhub_quote_id ?? item.json.error)).toEqual([
				'Q0000000000000A1',
				'Entity (ID = NOPE) not found (HTTP 400 from GET /api/v2/quote/NOPE)',
				'Q0000000000000A2',
			]);
		});

		test('bad input is refused before sending', async () => {
			const tooLong = await run({ resource: 'quote', operation: 'get', quoteId: 'X'.repeat(17), details: [] });
			expect(tooLong.error?.message).toBe('Quote ID must be at most 16 characters, as DealHub quote IDs are (got 17)');
			const empty = await run({ resource: 'quote', operation: 'get', quoteId: '={{ "" }}', details: [] });
			expect(empty.error?.message).toBe('Quote ID is empty');
			expect(quoteApi.requests).toHaveLength(0);
		});
	});

	describe('Quote > Get Many', () => {
		beforeEach(() => {
			for (let index = 0; index < 120; index++) {
				quoteApi.quotes.push(quoteFixture(`M${String(index).padStart(15, '0')}`, `Q-2${String(index).padStart(4, '0')}`, 'opp-many'));
			}
		});

		test('Return All follows more_results_matching_the_request in pages of 50', async () => {
			const result = await run({ resource: 'quote', operation: 'getMany', crmOpportunityId: 'opp-many', returnAll: true, details: ['summary'] });
			expect(result.items).toHaveLength(120);
			expect(new Set(result.items.map((item) => item.json.dealhub_quote_id)).size).toBe(120);
			expect(paths()).toEqual([
				'/api/v2/quotes?external_opportunity_id=opp-many&offset=0&limit=50&feature=summary',
				'/api/v2/quotes?external_opportunity_id=opp-many&offset=50&limit=50&feature=summary',
				'/api/v2/quotes?external_opportunity_id=opp-many&offset=100&limit=50&feature=summary',
			]);
		});

		test('Limit gives exactly that many and asks for no more; no match is no item', async () => {
			const limited = await run({ resource: 'quote', operation: 'getMany', crmOpportunityId: 'opp-many', limit: 70, details: [] });
			expect(limited.items).toHaveLength(70);
			expect(paths()).toEqual([
				'/api/v2/quotes?external_opportunity_id=opp-many&offset=0&limit=50',
				'/api/v2/quotes?external_opportunity_id=opp-many&offset=50&limit=20',
			]);
			const none = await run({ resource: 'quote', operation: 'getMany', crmOpportunityId: 'opp-none', returnAll: true, details: [] });
			expect(none.error).toBeUndefined();
			expect(none.items).toEqual([]);
		});

		test('a quote that needs an upgrade stays in the list, flagged in words', async () => {
			const result = await run({ resource: 'quote', operation: 'getMany', crmOpportunityId: 'opp-2', returnAll: true, details: ['summary'] });
			expect(result.items.map((item) => item.json)).toEqual([
				{ dealhub_quote_id: 'Q0000000000000A3', status: 'Draft', quote_upgrade_required: true, notice: expect.stringMatching(/no longer active/) },
			]);
		});
	});

	describe('Quote > Download Document', () => {
		test('the document as binary data with the right bytes, a file name and a MIME type', async () => {
			const result = await run({ resource: 'quote', operation: 'downloadDocument', quoteId: 'Q0000000000000A1' });
			expect(result.error).toBeUndefined();
			const [item] = result.items;
			expect(item.json).toEqual({ dealhub_quote_id: 'Q0000000000000A1', file_name: 'quote-Q0000000000000A1.pdf', mime_type: 'application/pdf', size: pdfBytes('quote Q-12927').length });
			expect(item.binary?.data).toMatchObject({ fileName: 'quote-Q0000000000000A1.pdf', mimeType: 'application/pdf', fileExtension: 'pdf' });
			expect(Buffer.from(item.binary!.data.data, 'base64').equals(pdfBytes('quote Q-12927'))).toBe(true);
			expect(paths()).toEqual(['/api/v1/quote/Q0000000000000A1/document']);
		});

		test('by CRM quote id and by proposal number: looked up first, the document asked for by the DealHub id', async () => {
			const byCrmId = await run({ resource: 'quote', operation: 'downloadDocument', quoteIdType: 'external', quoteId: 'crm-q-Q0000000000000A1' });
			expect(byCrmId.error).toBeUndefined();
			expect(Buffer.from(byCrmId.items[0].binary!.data.data, 'base64').equals(pdfBytes('quote Q-12927'))).toBe(true);
			const byNumber = await run({ resource: 'quote', operation: 'downloadDocument', quoteIdType: 'proposalNumber', quoteId: 'Q-12927' });
			expect(byNumber.items[0].json.dealhub_quote_id).toBe('Q0000000000000A1');
			expect(paths()).toEqual([
				'/api/v2/quote/crm-q-Q0000000000000A1?external_identifier_flag=true',
				'/api/v1/quote/Q0000000000000A1/document',
				'/api/v1/quote/id/Q-12927',
				'/api/v1/quote/Q0000000000000A1/document',
			]);
		});

		test('a Draft quote’s 400 is explained as such; a format the playbook does not allow too', async () => {
			const draft = await run({ resource: 'quote', operation: 'downloadDocument', quoteId: 'Q0000000000000A2' });
			expect(draft.error?.message).toMatch(/^The quote is in draft status/);
			expect((draft.error as { description?: string }).description).toMatch(/only for a submitted quote: this one is probably still a Draft/);
			const word = await run({ resource: 'quote', operation: 'downloadDocument', quoteId: 'Q0000000000000A1', documentType: 'WORD' });
			expect(word.error?.message).toMatch(/^Invalid document type WORD/);
			expect(paths()[1]).toBe('/api/v1/quote/Q0000000000000A1/document?document_type=WORD');
		});
	});

	describe('DealRoom > Get Signers', () => {
		test('by CRM opportunity id, signature dates also in ISO 8601; no DealRoom is a 400 that says so', async () => {
			quoteApi.dealRooms.set('opp-1', {
				dealroom_state: 'Partially signed',
				buyer_signers: [{ company_name: 'Acme Inc.', signee_name: 'Dana Buyer', signee_title: 'CFO', signature_date: '2025-03-01 10:10:00', ordinal: 1 }],
				seller_signers: [],
			});
			const result = await run({ resource: 'dealRoom', operation: 'getSigners', crmOpportunityId: 'opp-1' });
			expect(result.items[0].json).toMatchObject({
				crm_opportunity_id: 'opp-1',
				dealroom_state: 'Partially signed',
				buyer_signers: [{ signee_name: 'Dana Buyer', signature_date_iso: '2025-03-01T10:10:00.000Z' }],
			});
			const none = await run({ resource: 'dealRoom', operation: 'getSigners', crmOpportunityId: 'opp-9' });
			expect(none.error?.message).toBe('No DealRoom found for opportunity opp-9 (HTTP 400 from GET /api/v1/dealroom/opp-9)');
			expect((none.error as { description?: string }).description).toMatch(/no DealRoom has been published/);
		});
	});
});

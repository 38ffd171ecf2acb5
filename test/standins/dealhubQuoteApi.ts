import type { RecordedRequest, ServerResponse } from './http';
import { LoopbackServer, sendJson } from './http';

/**
 * DealHub's Quote API (reads), written from ../shared/specs/reference/dealhub-quote-api-openapi.json
 * and the webhook and Quote API notes, not from the node: the Bearer Authentication Token (403
 * "Unauthenticated" otherwise), GET /api/v2/quote/{id} with repeated `feature` blocks (none: only
 * id, status and quote_upgrade_required; an upgrade-required Draft withholds every block),
 * `external_identifier_flag`, GET /api/v2/quotes paged by offset/limit (at most 50, offset and
 * limit echoed as strings), the document as application/octet-stream (400 for a Draft), DealRoom
 * signers by CRM opportunity id, proposal numbers, and 400 `Entity (ID = ...) not found`. Fixtures
 * follow the schema, not the spec's example JSON (whose keys are malformed).
 */

export interface StoredQuote {
	dealhub_quote_id: string;
	status: string;
	quote_upgrade_required: boolean;
	external_quote_id: string;
	external_opportunity_id: string;
	number: string;
	document?: { bytes: Buffer; types: string[] };
	blocks: Record<string, unknown>;
}

const FEATURES = ['info', 'summary', 'deal_room_info', 'line_items', 'answers', 'approvals'];
const PAGE_LIMIT = 50;

export function pdfBytes(text: string): Buffer {
	return Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
}

/** A quote as DealHub's schema describes it, every block filled. */
export function quoteFixture(id: string, number: string, opportunityId: string, overrides: Partial<StoredQuote> = {}): StoredQuote {
	return {
		dealhub_quote_id: id,
		status: 'Won',
		quote_upgrade_required: false,
		external_quote_id: `crm-q-${id}`,
		external_opportunity_id: opportunityId,
		number,
		document: { bytes: pdfBytes(`quote ${number}`), types: ['PDF'] },
		blocks: {
			info: {
				external_opportunity_id: opportunityId,
				external_quote_id: `crm-q-${id}`,
				external_customer_id: 'acme',
				customer_id: 'C-1',
				account_name: 'Acme Inc.',
				contact_name: 'Dana Buyer',
				contact_email: 'dana@acme.example',
				dealhub_opportunity_id: 'DHOPP0000000001',
				dealhub_quote_name: `Acme ${number}`,
				dealhub_quote_number: number,
				duplicate_from_quote: null,
				primary_quote: true,
				created_by: 'rep@seller.example',
				creation_date: '2025-02-27 09:00:00',
				submitted_by: 'rep@seller.example',
				submission_date: '2025-02-28 16:30:00',
				expiration_date: '2025-03-31 00:00:00',
				won_date: '2025-03-01 10:15:00',
				geo_code: 'NA',
				currency: 'USD',
				playbook: 'Standard',
				quote_url: `https://app.dealhub.io/cpq/quote/${id}`,
				version_id: 'V1',
			},
			summary: { currency: 'USD', total_list_price: 12000, total_net_price: 10800, total_discount: 10, sales_discount: 5 },
			deal_room_info: { url: `https://dealroom.example/${id}` },
			line_items: [
				{ id: 1, sku: 'A-1', bundle_ref: null, name: 'Analytics', list_price: 10000, net_price: 9000, product_factors: { quantity: '10' }, attributes: {} },
				{ id: 2, sku: 'B-1', bundle_ref: null, name: 'Support', list_price: 2000, net_price: 1800, product_factors: { quantity: '1' }, attributes: {} },
			],
			answers: [{ group_id: 'general', question_id: 'currency', question: '<b>Currency</b>', answer: 'USD' }],
			approvals: [{ reviewer: 'boss@seller.example', step: 1, reason: 'Discount', status: 'approved', review_date: '2025-02-28 17:00:00' }],
		},
		...overrides,
	};
}

export class DealHubQuoteApiStandIn {
	readonly server: LoopbackServer;

	readonly quotes: StoredQuote[] = [];

	/** DealRoom signers by CRM opportunity id; an opportunity without an entry has no DealRoom. */
	readonly dealRooms = new Map<string, unknown>();

	constructor(private readonly secret: string) {
		this.server = new LoopbackServer((request, response) => this.handle(request, response));
	}

	get baseUrl(): string {
		return this.server.baseUrl;
	}

	get requests(): RecordedRequest[] {
		return this.server.requests;
	}

	async start(): Promise<this> {
		await this.server.start();
		return this;
	}

	async stop(): Promise<void> {
		await this.server.stop();
	}

	private handle(request: RecordedRequest, response: ServerResponse): void {
		const url = new URL(request.path, 'http://stand-in');
		if (request.headers.authorization !== `Bearer ${this.secret}`) return sendJson(response, 403, { message: 'Unauthenticated' });
		if (request.method !== 'GET') return sendJson(response, 405, { message: 'Method not allowed' });
		try {
			const document = /^\/api\/v1\/quote\/([^/]+)\/document$/.exec(url.pathname);
			if (document) return this.document(decodeURIComponent(document[1]), url, response);
			const { status, body } = this.route(url);
			sendJson(response, status, body);
		} catch (error) {
			sendJson(response, 400, { message: (error as Error).message });
		}
	}

	private allowOnly(url: URL, names: string[]): void {
		const unknown = [...url.searchParams.keys()].find((name) => !names.includes(name));
		if (unknown !== undefined) throw new Error(`Unrecognized parameter: ${unknown}`);
	}

	private find(id: string, external = false): StoredQuote {
		const quote = this.quotes.find((entry) => (external ? entry.external_quote_id : entry.dealhub_quote_id) === id);
		if (!quote) throw new Error(`Entity (ID = ${id}) not found`);
		return quote;
	}

	private features(url: URL): string[] {
		const asked = url.searchParams.getAll('feature');
		for (const feature of asked) {
			if (feature !== 'all' && !FEATURES.includes(feature)) throw new Error(`feature - Invalid parameter value. Valid value(s): ${[...FEATURES, 'all'].join(', ')}`);
		}
		return asked.includes('all') ? FEATURES : asked;
	}

	private view(quote: StoredQuote, features: string[]): Record<string, unknown> {
		const out: Record<string, unknown> = { dealhub_quote_id: quote.dealhub_quote_id, status: quote.status, quote_upgrade_required: quote.quote_upgrade_required };
		if (quote.quote_upgrade_required) return out;
		for (const feature of features) out[feature] = quote.blocks[feature];
		return out;
	}

	private route(url: URL): { status: number; body: unknown } {
		const path = url.pathname;
		const single = /^\/api\/v2\/quote\/([^/]+)$/.exec(path);
		if (single) {
			this.allowOnly(url, ['feature', 'external_identifier_flag']);
			const id = decodeURIComponent(single[1]);
			if (id.length > 16 && url.searchParams.get('external_identifier_flag') !== 'true') {
				throw new Error('The request parameter quote_id exceeds its limits. Allowed maximum length: 16');
			}
			const quote = this.find(id, url.searchParams.get('external_identifier_flag') === 'true');
			return { status: 200, body: this.view(quote, this.features(url)) };
		}
		if (path === '/api/v2/quotes') {
			this.allowOnly(url, ['external_opportunity_id', 'feature', 'offset', 'limit']);
			const offset = Number(url.searchParams.get('offset') ?? 0);
			const limit = Number(url.searchParams.get('limit') ?? PAGE_LIMIT);
			if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_LIMIT) throw new Error('limit - Invalid parameter value. Valid value(s): 1-50');
			if (!Number.isInteger(offset) || offset < 0 || offset > 10000) throw new Error('offset - Invalid parameter value. Valid value(s): 0-10000');
			const opportunity = url.searchParams.get('external_opportunity_id');
			const matching = this.quotes.filter((quote) => opportunity === null || quote.external_opportunity_id === opportunity);
			const features = this.features(url);
			return {
				status: 200,
				body: {
					info: { more_results_matching_the_request: offset + limit < matching.length, offset: String(offset), limit: String(limit) },
					quotes: matching.slice(offset, offset + limit).map((quote) => this.view(quote, features)),
				},
			};
		}
		const byNumber = /^\/api\/v1\/quote\/id\/([^/]+)$/.exec(path);
		if (byNumber) {
			const number = decodeURIComponent(byNumber[1]);
			const quote = this.quotes.find((entry) => entry.number === number);
			if (!quote) return { status: 400, body: { error: `Entity (ID = ${number}) not found.` } };
			return { status: 200, body: { dealhub_quote_id: quote.dealhub_quote_id } };
		}
		const dealRoom = /^\/api\/v1\/dealroom\/([^/]+)$/.exec(path);
		if (dealRoom) {
			const signers = this.dealRooms.get(decodeURIComponent(dealRoom[1]));
			if (signers === undefined) return { status: 400, body: { error: `No DealRoom found for opportunity ${decodeURIComponent(dealRoom[1])}` } };
			return { status: 200, body: signers };
		}
		return { status: 404, body: { message: `No route ${path}` } };
	}

	private document(id: string, url: URL, response: ServerResponse): void {
		this.allowOnly(url, ['document_type']);
		const quote = this.find(id);
		const type = url.searchParams.get('document_type');
		if (quote.status === 'Draft' || !quote.document) {
			return sendJson(response, 400, { error: 'The quote is in draft status; a document is available once it is submitted.' });
		}
		if (type !== null && !quote.document.types.includes(type)) {
			return sendJson(response, 400, { error: `Invalid document type ${type} for this quote.` });
		}
		response.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(quote.document.bytes.length) });
		response.end(quote.document.bytes);
	}
}

import { randomBytes } from 'node:crypto';
import type { RecordedRequest, ServerResponse } from './http';
import { LoopbackServer, delay, sendJson } from './http';

/**
 * A DealHub stand-in that enforces the documented contract (CRM Open API and Partner API):
 * the secret token, one-time 60-second access tokens bound to their user, mandatory fields and
 * maximum lengths with the documented messages, HTTP 300 on CRM endpoints, 200 on partner ones,
 * 403 "Unauthenticated", and CORS for the browser hand-off. Written from the spec tables, not
 * from the node's schemas, so the two can disagree and a test will show it.
 */

/** `emptyAllowed`: DealHub documents that a custom field value may be empty (""), not absent. */
type FieldSpec = {
	max?: number;
	required?: boolean;
	emptyAllowed?: boolean;
	object?: Spec;
	array?: Spec | 'records';
};
type Spec = Record<string, FieldSpec>;

const USER: Spec = {
	external_user_id: { max: 200, required: true },
	login: { max: 100 },
	email: { max: 100, required: true },
	name: { max: 300, required: true },
	position: { max: 300 },
	phone: { max: 50 },
	mobile: { max: 100 },
	fax: { max: 100 },
	company: { max: 100 },
	street: { max: 128 },
	city: { max: 32 },
	state: { max: 32 },
	country: { max: 32 },
	postal_code: { max: 16 },
	user_manager_login: { max: 100 },
};
const ADDRESS: Spec = {
	street: { max: 128 },
	city: { max: 32 },
	state: { max: 32 },
	country: { max: 32 },
	postal_code: { max: 16 },
};
const CONTACT: Spec = {
	salutation: { max: 50 },
	first_name: { max: 128, required: true },
	last_name: { max: 128, required: true },
	title: { max: 400 },
	email: { max: 100, required: true },
	phone: { max: 50 },
	account_name: { max: 100 },
	mailing_address: { max: 250 },
	primary_contact: {},
};
const CUSTOM_FIELD: Spec = { name: { max: 200, required: true }, value: { max: 8192, required: true, emptyAllowed: true } };
const REPEATABLE_GROUP: Spec = { group_id: { max: 50, required: true }, questions: { required: true, array: 'records' } };
const OPPORTUNITY_INFO: Spec = {
	external_opportunity_name: { max: 200, required: true },
	opportunity_owner: { object: USER },
	external_quote_id: { max: 50 },
	external_customer_id: { max: 50, required: true },
	customer_name: { max: 256, required: true },
	customer_shipping_address: { object: ADDRESS },
	customer_billing_address: { object: ADDRESS },
	customer_contacts: { array: CONTACT },
	geo_code: { max: 100, required: true },
	currency: { max: 3, required: true },
	custom_fields: { array: CUSTOM_FIELD },
	repeatable_groups: { array: REPEATABLE_GROUP },
};
const USER_ID: FieldSpec = { max: 16, required: true };
const CREATE_QUOTE: Spec = {
	dealhub_user_id: USER_ID,
	external_opportunity_id: { max: 50, required: true },
	version_id: { max: 16 },
	...OPPORTUNITY_INFO,
};
const OPEN_QUOTE: Spec = {
	dealhub_user_id: USER_ID,
	dealhub_quote_id: { max: 16, required: true },
	external_opportunity_id: { max: 50, required: true },
	opportunity_info: { object: OPPORTUNITY_INFO },
};
const VIEW_QUOTES: Spec = {
	dealhub_user_id: USER_ID,
	external_opportunity_id: { max: 50, required: true },
	opportunity_info: { object: OPPORTUNITY_INFO },
};
const VIEW_OPPORTUNITIES: Spec = { dealhub_user_id: USER_ID };
const PARTNER_USER: Spec = {
	type: { required: true },
	user_id: { required: true },
	login: { required: true },
	email: { required: true },
	name: { required: true },
	position: {},
	phone: {},
	mobile: {},
	fax: {},
	company: {},
	street: {},
	city: {},
	state: {},
	country: {},
	postal_code: {},
	profile_img: {},
};

class BadRequest extends Error {}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}

function lengthOf(value: unknown): number {
	if (Array.isArray(value)) return Math.max(0, ...value.map((entry) => String(entry).length));
	return String(value).length;
}

function check(spec: Spec, value: unknown, prefix: string, missing: string[]): void {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new BadRequest('Invalid payload format. Supported format: JSON');
	}
	const record = value as Record<string, unknown>;
	for (const key of Object.keys(record)) {
		if (!(key in spec)) throw new BadRequest(`Unrecognized parameter: ${prefix}${key}`);
	}
	for (const [key, field] of Object.entries(spec)) {
		const entry = record[key];
		if (isEmpty(entry) && !(field.emptyAllowed && entry === '')) {
			if (field.required) missing.push(`${prefix}${key}`);
			continue;
		}
		if (field.object) check(field.object, entry, `${prefix}${key}.`, missing);
		else if (field.array === 'records') {
			if (!Array.isArray(entry)) throw new BadRequest(`Invalid payload format. Supported format: JSON`);
		} else if (field.array) {
			if (!Array.isArray(entry)) throw new BadRequest('Invalid payload format. Supported format: JSON');
			entry.forEach((item, index) => check(field.array as Spec, item, `${prefix}${key}[${index}].`, missing));
		} else if (field.max !== undefined && lengthOf(entry) > field.max) {
			throw new BadRequest(
				`The request parameter ${prefix}${key} exceeds its limits. Allowed maximum length: ${field.max}`,
			);
		}
	}
}

function validate(spec: Spec, body: unknown): Record<string, unknown> {
	const missing: string[] = [];
	check(spec, body, '', missing);
	if (missing.length > 0) {
		throw new BadRequest(`Request payload missing mandatory field(s): ${missing.join(', ')}`);
	}
	return body as Record<string, unknown>;
}

interface AccessToken {
	token: string;
	userId: string;
	kind: 'crm' | 'partner';
	issuedAt: number;
	used: boolean;
}

interface Opportunity {
	currency?: string;
	quotes: Set<string>;
}

export interface DealHubStandInOptions {
	secret: string;
	/** The CRM API doc says 300; set 200 to play the OpenAPI/partner variant. */
	crmSuccessStatus?: number;
	supportedCurrencies?: string[];
	now?: () => number;
}

const TOKEN_TTL_MS = 60_000;

export class DealHubStandIn {
	readonly server: LoopbackServer;

	readonly issuedTokens: AccessToken[] = [];

	readonly opportunities = new Map<string, Opportunity>();

	/** Answers to serve instead of the normal one, by path, once each. */
	readonly overrides = new Map<string, { status: number; body: unknown; delayMs?: number }>();

	private readonly userIds = new Map<string, string>();

	private nextQuoteId = 1000;

	constructor(private readonly options: DealHubStandInOptions) {
		this.server = new LoopbackServer((request, response) => this.handle(request, response));
	}

	get baseUrl(): string {
		return this.server.baseUrl;
	}

	get requests(): RecordedRequest[] {
		return this.server.requests;
	}

	async start(port = 0): Promise<this> {
		await this.server.start(port);
		return this;
	}

	async stop(): Promise<void> {
		await this.server.stop();
	}

	private now(): number {
		return this.options.now?.() ?? Date.now();
	}

	private corsHeaders(request: RecordedRequest): Record<string, string> {
		const origin = request.headers.origin;
		if (!origin) return {};
		return {
			'Access-Control-Allow-Origin': origin,
			'Access-Control-Allow-Credentials': 'true',
			Vary: 'Origin',
		};
	}

	private handle(request: RecordedRequest, response: ServerResponse): void {
		const cors = this.corsHeaders(request);
		if (request.method === 'OPTIONS') {
			response.writeHead(204, {
				...cors,
				'Access-Control-Allow-Methods': 'POST',
				'Access-Control-Allow-Headers': 'authorization, content-type',
				'Access-Control-Max-Age': '60',
			});
			response.end();
			return;
		}
		const path = request.path.split('?')[0];
		if (request.method === 'GET' && path.startsWith('/cpq/')) {
			response.writeHead(200, { 'Content-Type': 'text/html' });
			response.end(`<!doctype html><title>DealHub CPQ</title><h1 id="landed">${path}</h1>`);
			return;
		}
		const override = this.overrides.get(path);
		if (override) {
			this.overrides.delete(path);
			void delay(override.delayMs ?? 0).then(() => sendJson(response, override.status, override.body, cors));
			return;
		}
		const { status, body, headers } = this.answer(path, request);
		sendJson(response, status, body, { ...cors, ...headers });
	}

	/** DealHub's documented errors become its 400 and 403 answers; anything else is a stand-in bug. */
	private answer(path: string, request: RecordedRequest): { status: number; body: unknown; headers?: Record<string, string> } {
		try {
			return this.route(path, request);
		} catch (error) {
			if (error instanceof BadRequest) return { status: 400, body: { message: error.message } };
			if (error instanceof Unauthenticated) return { status: 403, body: { message: 'Unauthenticated' } };
			return { status: 500, body: { message: `stand-in failure: ${(error as Error).message}` } };
		}
	}

	private route(
		path: string,
		request: RecordedRequest,
	): { status: number; body: unknown; headers?: Record<string, string> } {
		if (request.method !== 'POST') throw new BadRequest(`Unsupported method ${request.method}`);
		const contentType = String(request.headers['content-type'] ?? '');
		if (!contentType.includes('application/json') || typeof request.body !== 'object' || request.body === null) {
			throw new BadRequest('Invalid payload format. Supported format: JSON');
		}
		const crmStatus = this.options.crmSuccessStatus ?? 300;
		switch (path) {
			case '/api/v1/user/authenticate':
				return { status: 200, body: this.authenticateCrm(request) };
			case '/api/v1/authenticate/user':
				return { status: 200, body: this.authenticatePartner(request) };
			case '/api/v1.1/quote/create':
				return this.redirect(crmStatus, this.createQuote(request));
			case '/api/v2/quote/open':
				return this.redirect(crmStatus, this.openQuote(request));
			case '/api/v2/quotes':
				return this.redirect(crmStatus, this.viewQuotes(request));
			case '/api/v1/opportunities':
				return this.redirect(crmStatus, this.viewOpportunities(request));
			case '/api/v1/create/quote':
				return this.redirect(200, this.partnerCall(request, ['opportunity_id'], 'create'));
			case '/api/v1/open/quote':
				return this.redirect(200, this.partnerCall(request, ['opportunity_id', 'quote_id'], 'quote'));
			case '/api/v1/open/opportunity':
				return this.redirect(200, this.partnerCall(request, ['opportunity_id'], 'opportunity'));
			default:
				return { status: 404, body: { message: `No such endpoint ${path}` } };
		}
	}

	private redirect(status: number, cpqPath: string) {
		return {
			status,
			body: { url: `${this.baseUrl}/cpq/${cpqPath}`, errors: [] },
			headers: { 'Set-Cookie': `DH_SESSION=${randomBytes(8).toString('hex')}; Path=/; HttpOnly; SameSite=Lax` },
		};
	}

	private issue(kind: AccessToken['kind'], userId: string): string {
		const token = randomBytes(15).toString('hex').toUpperCase();
		this.issuedTokens.push({ token, userId, kind, issuedAt: this.now(), used: false });
		return token;
	}

	private authenticateCrm(request: RecordedRequest) {
		if (request.headers.authorization !== `Bearer ${this.options.secret}`) throw new Unauthenticated();
		const body = validate({ user_information: { required: true, object: USER } }, request.body);
		const user = body.user_information as Record<string, string>;
		let userId = this.userIds.get(user.external_user_id);
		if (!userId) {
			userId = String(555455484000 + this.userIds.size);
			this.userIds.set(user.external_user_id, userId);
		}
		return { access_token: this.issue('crm', userId), dealhub_user_id: userId, errors: [] };
	}

	private authenticatePartner(request: RecordedRequest) {
		const body = request.body as Record<string, unknown>;
		if (body.authentication !== this.options.secret) throw new Unauthenticated();
		const checked = validate(
			{ authentication: { required: true }, user_information: { required: true, object: PARTNER_USER } },
			body,
		);
		const user = checked.user_information as Record<string, string>;
		if (user.type !== 'partner') throw new BadRequest('user_information.type must be partner');
		return { access_token: this.issue('partner', `partner:${user.user_id}`), errors: [] };
	}

	/** Consumes the one-time token whatever happens next, as a single-use token must. */
	private spendToken(request: RecordedRequest, kind: AccessToken['kind']): AccessToken {
		const header = String(request.headers.authorization ?? '');
		const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
		const issued = this.issuedTokens.find((entry) => entry.token === token && entry.kind === kind);
		if (!issued || issued.used) throw new Unauthenticated();
		issued.used = true;
		if (this.now() - issued.issuedAt > TOKEN_TTL_MS) throw new Unauthenticated();
		return issued;
	}

	private crmCall(request: RecordedRequest, spec: Spec): Record<string, unknown> {
		const token = this.spendToken(request, 'crm');
		const body = validate(spec, request.body);
		if (String(body.dealhub_user_id) !== token.userId) throw new Unauthenticated();
		const infos = [body, body.opportunity_info].filter(Boolean) as Array<Record<string, unknown>>;
		for (const info of infos) {
			this.checkCurrency(info.currency);
			this.checkCustomFields(info.custom_fields);
		}
		return body;
	}

	private checkCurrency(currency: unknown): void {
		const supported = this.options.supportedCurrencies ?? ['USD', 'EUR', 'GBP'];
		if (currency !== undefined && !supported.includes(String(currency))) {
			throw new BadRequest(
				`Currency ${String(currency)} is not supported in DealHub. Supported currencies: ${supported.join(', ')}`,
			);
		}
	}

	private checkCustomFields(fields: unknown): void {
		if (!Array.isArray(fields)) return;
		const seen = new Set<string>();
		for (const field of fields as Array<{ name: string }>) {
			const key = field.name.toLowerCase();
			if (seen.has(key)) throw new BadRequest(`Parameter ${field.name} specified more than once in custom_fields list.`);
			seen.add(key);
		}
	}

	private createQuote(request: RecordedRequest): string {
		const body = this.crmCall(request, CREATE_QUOTE);
		const opportunityId = String(body.external_opportunity_id);
		const opportunity = this.opportunities.get(opportunityId) ?? { quotes: new Set<string>() };
		if (opportunity.currency && opportunity.currency !== body.currency) {
			throw new BadRequest(
				`Currency mismatch. Received ${String(body.currency)} currency, while specified opportunity ${opportunityId} already configured with ${opportunity.currency}.`,
			);
		}
		opportunity.currency = String(body.currency);
		const quoteId = String(this.nextQuoteId++);
		opportunity.quotes.add(quoteId);
		this.opportunities.set(opportunityId, opportunity);
		return `quote/${quoteId}?new=1`;
	}

	private openQuote(request: RecordedRequest): string {
		const body = this.crmCall(request, OPEN_QUOTE);
		const quoteId = String(body.dealhub_quote_id);
		const opportunityId = String(body.external_opportunity_id);
		const owner = [...this.opportunities.entries()].find(([, opportunity]) => opportunity.quotes.has(quoteId));
		if (!owner) throw new BadRequest(`Entity (ID = ${quoteId}) not found.`);
		if (owner[0] !== opportunityId) {
			throw new BadRequest(`Mismatch between quote ID ${quoteId} and opportunity ${opportunityId}.`);
		}
		return `quote/${quoteId}`;
	}

	private viewQuotes(request: RecordedRequest): string {
		const body = this.crmCall(request, VIEW_QUOTES);
		const opportunityId = String(body.external_opportunity_id);
		if (!this.opportunities.has(opportunityId)) throw new BadRequest(`Entity (ID = ${opportunityId}) not found.`);
		return `proposals/${encodeURIComponent(opportunityId)}`;
	}

	private viewOpportunities(request: RecordedRequest): string {
		const body = this.crmCall(request, VIEW_OPPORTUNITIES);
		return `opportunities/${String(body.dealhub_user_id)}`;
	}

	private partnerCall(request: RecordedRequest, required: string[], page: string): string {
		this.spendToken(request, 'partner');
		const spec: Spec = Object.fromEntries(required.map((key) => [key, { required: true }]));
		const body = validate(spec, request.body);
		return `partner/${page}/${required.map((key) => encodeURIComponent(String(body[key]))).join('/')}`;
	}
}

class Unauthenticated extends Error {}

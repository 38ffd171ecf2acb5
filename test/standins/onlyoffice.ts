import { randomBytes } from 'node:crypto';

import type { RecordedRequest, ServerResponse } from './http';
import { LoopbackServer, sendJson } from './http';

/**
 * An ONLYOFFICE Workspace stand-in written from the reference page and the API notes, not from the
 * node: the envelope (`status` 0/1, `response`, `error.message`), camelCase keys with default values
 * left out, the token login (201 with token and expiry, a two-step portal that answers without a
 * token), the raw token in Authorization, 401 for a missing, wrong or expired token, the PUT that
 * replaces the whole record, and the two batch-delete endpoints, implemented destructively. Lists
 * page as portals do (`startIndex`/`count`, `total`), and the searches the pickers use are real:
 * opportunities by `filterValue` (title or description), people/filter by `filterValue` (name,
 * user name or email) and `employeeStatus`.
 */

export interface StandInUser {
	id: string;
	userName: string;
	password: string;
	displayName: string;
	email: string;
	/** A user who left: `people/filter` lists them only for `employeeStatus` 2 or 3. */
	terminated?: boolean;
}

export interface Stage {
	id: number;
	title: string;
	successProbability: number;
	stageType: 0 | 1 | 2;
	sortOrder: number;
	color: string;
}

export interface StoredOpportunity {
	id: number;
	title: string;
	description: string;
	contactId: number;
	members: number[];
	responsibleId: string;
	bidType: number;
	bidValue: number;
	bidCurrency: string;
	perPeriodValue: number;
	stageId: number;
	successProbability: number;
	actualCloseDate: string;
	expectedCloseDate: string;
	customFields: Map<number, string>;
	isPrivate: boolean;
	accessList: string[];
	tags: string[];
	createdBy: string;
	created: string;
}

export interface OnlyOfficeStandInOptions {
	/** The portal asks for an SMS or authenticator code after the password. */
	twoStep?: 'sms' | 'tfa';
	/**
	 * How lists are paged. A real portal answers at most its configured items per page (25 by
	 * default) whatever `count` asks, and says in `total` how many match.
	 */
	paging?: {
		/** The most records one page holds; unset honours `count`. */
		pageCap?: number;
		/** `total` as the portal says it: the real count (default), 50 more than there are, or left out. */
		total?: 'exact' | 'overstated' | 'absent';
		/** Every page is the first one, whatever `startIndex` says (a portal that repeats itself). */
		ignoreStartIndex?: boolean;
	};
}

const BODY_KEYS = [
	'contactid',
	'members',
	'title',
	'description',
	'responsibleid',
	'bidType',
	'bidValue',
	'bidCurrencyAbbr',
	'perPeriodValue',
	'stageid',
	'successProbability',
	'actualCloseDate',
	'expectedCloseDate',
	'customFieldList',
	'isPrivate',
	'accessList',
	'isNotify',
];

const FILTER_PARAMETERS = [
	'responsibleid',
	'opportunityStagesid',
	'tags',
	'tags[]',
	'contactid',
	'stageType',
	'contactAlsoIsParticipant',
	'fromDate',
	'toDate',
	'count',
	'startIndex',
	'sortBy',
	'sortOrder',
	'filterValue',
	'fields',
];

const PEOPLE_FILTER_PARAMETERS = [
	'employeeStatus',
	'groupId',
	'activationStatus',
	'employeeType',
	'isAdministrator',
	'count',
	'startIndex',
	'sortBy',
	'sortOrder',
	'filterValue',
	'fields',
];

/** EmployeeStatus of the people API: 1 Active, 2 Terminated, 3 All. */
const EMPLOYEE_STATUSES: Record<string, (user: StandInUser) => boolean> = {
	'1': (user) => !user.terminated,
	'2': (user) => user.terminated === true,
	'3': () => true,
};

const BID_TYPES = ['FixedBid', 'PerHour', 'PerDay', 'PerWeek', 'PerMonth', 'PerYear'];
const STAGE_TYPES = ['Open', 'ClosedAndWon', 'ClosedAndLost'];
const CURRENCIES: Record<string, { title: string; symbol: string }> = {
	USD: { title: 'US Dollar', symbol: '$' },
	EUR: { title: 'Euro', symbol: '€' },
	GBP: { title: 'Pound Sterling', symbol: '£' },
	JPY: { title: 'Japanese Yen', symbol: '¥' },
};
const CUSTOM_FIELDS = [
	{ id: 7, label: 'Region', fieldType: 0 },
	{ id: 8, label: 'Source', fieldType: 2 },
	{ id: 9, label: 'Notes', fieldType: 1 },
];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CREATED = '2024-05-02T09:30:00.0000000Z';

class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Leaves out fields with default values, as the portal does. */
function withoutDefaults(record: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(
		Object.entries(record).filter(([, value]) => value !== undefined && value !== null && value !== '' && value !== 0 && value !== false),
	);
}

export class OnlyOfficeStandIn {
	readonly server: LoopbackServer;

	readonly users: StandInUser[] = [
		{ id: '2a5f8a36-93b2-4f6c-9d3b-0e1f23a4b5c6', userName: 'ops@example.com', password: 'dummy-password-olga', displayName: 'Olga Ops', email: 'ops@example.com' },
		{ id: '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f', userName: 'sam@example.com', password: 'dummy-password-sam', displayName: 'Sam Sales', email: 'sam@example.com' },
		{ id: 'b0c1d2e3-f4a5-4b6c-9d7e-8f9a0b1c2d3e', userName: 'ann@example.com', password: 'dummy-password-ann', displayName: 'Ann Admin', email: 'ann@example.com' },
	];

	readonly stages: Stage[] = [
		{ id: 11, title: 'Initial contact', successProbability: 10, stageType: 0, sortOrder: 1, color: '#e3f1fb' },
		{ id: 12, title: 'Proposal', successProbability: 50, stageType: 0, sortOrder: 2, color: '#b5ddf7' },
		{ id: 13, title: 'Won', successProbability: 100, stageType: 1, sortOrder: 4, color: '#97e8aa' },
		{ id: 14, title: 'Negotiation', successProbability: 75, stageType: 0, sortOrder: 3, color: '#77c4f4' },
		{ id: 15, title: 'Lost', successProbability: 0, stageType: 2, sortOrder: 5, color: '#ffb0b0' },
	];

	readonly opportunities = new Map<number, StoredOpportunity>();

	/** Tokens issued or registered, with whether they still work. */
	readonly tokens = new Map<string, { userId: string; expired: boolean }>();

	/** Every call to a batch-delete endpoint; a node must never make one. */
	readonly batchDeleteCalls: RecordedRequest[] = [];

	/** Answers to serve instead of the normal one, by "METHOD /path", once each. */
	readonly overrides = new Map<string, { status: number; body: unknown; headers?: Record<string, string>; never?: boolean }>();

	/** Sign-ins answer tokens that are already expired: every call with them answers 401. */
	issueExpiredTokens = false;

	private nextId = 100;

	private callsUntilExpiry: number | undefined;

	constructor(private readonly options: OnlyOfficeStandInOptions = {}) {
		this.server = new LoopbackServer((request, response) => this.handle(request, response));
	}

	get baseUrl(): string {
		return this.server.baseUrl;
	}

	get requests(): RecordedRequest[] {
		return this.server.requests;
	}

	get logins(): RecordedRequest[] {
		return this.requests.filter((request) => request.method === 'POST' && this.apiPath(request) === 'authentication');
	}

	async start(port = 0): Promise<this> {
		await this.server.start(port);
		return this;
	}

	async stop(): Promise<void> {
		await this.server.stop();
	}

	/** A token that works until expired, as if obtained earlier (the Access Token option). */
	registerToken(userId = this.users[0].id): string {
		const token = `${randomBytes(24).toString('base64url')}==`;
		this.tokens.set(token, { userId, expired: false });
		return token;
	}

	/** Every token issued so far now answers 401, as after its `expires` date. */
	expireTokens(): void {
		for (const token of this.tokens.values()) token.expired = true;
	}

	/** Every token issued so far expires after `calls` more API calls (sign-ins not counted), e.g. mid Get Many. */
	expireTokensAfter(calls: number): void {
		this.callsUntilExpiry = calls;
	}

	/** Adds a portal user, as if invited in the portal's UI. */
	addUser(fields: Partial<StandInUser> & { displayName: string }): StandInUser {
		const serial = String(this.users.length + 1).padStart(12, '0');
		const email = fields.email ?? `user${serial}@example.com`;
		const user: StandInUser = { id: `00000000-0000-4000-8000-${serial}`, userName: email, password: `dummy-password-${serial}`, email, ...fields };
		this.users.push(user);
		return user;
	}

	/** Stores an opportunity directly, as if created in the portal's UI. */
	seed(fields: Partial<StoredOpportunity> = {}): StoredOpportunity {
		const record: StoredOpportunity = {
			id: this.nextId++,
			title: 'Seeded deal',
			description: '',
			contactId: 0,
			members: [],
			responsibleId: '',
			bidType: 0,
			bidValue: 0,
			bidCurrency: 'USD',
			perPeriodValue: 0,
			stageId: 11,
			successProbability: 0,
			actualCloseDate: '',
			expectedCloseDate: '',
			customFields: new Map(),
			isPrivate: false,
			accessList: [],
			tags: [],
			createdBy: this.users[0].id,
			created: CREATED,
			...fields,
		};
		this.opportunities.set(record.id, record);
		return record;
	}

	/** The record as GET crm/opportunity/{id} answers it. */
	serialize(record: StoredOpportunity): Record<string, unknown> {
		const stage = this.stages.find((entry) => entry.id === record.stageId);
		const user = (id: string) => {
			const found = this.users.find((entry) => entry.id === id);
			return found ? { id: found.id, displayName: found.displayName, title: '', avatarSmall: '', profileUrl: '' } : undefined;
		};
		const contact = (id: number) => ({ id, displayName: `Contact ${id}`, isCompany: false, isPrivate: false, canEdit: true });
		const currency = CURRENCIES[record.bidCurrency] ?? { title: record.bidCurrency, symbol: '' };
		return withoutDefaults({
			id: record.id,
			createBy: user(record.createdBy),
			created: record.created,
			members: record.members.map(contact),
			contact: record.contactId ? contact(record.contactId) : undefined,
			title: record.title,
			description: record.description,
			responsible: record.responsibleId ? user(record.responsibleId) : undefined,
			bidType: record.bidType,
			bidValue: record.bidValue,
			bidCurrency: { title: currency.title, symbol: currency.symbol, abbreviation: record.bidCurrency, cultureName: '', isConvertable: true, isBasic: record.bidCurrency === 'USD' },
			perPeriodValue: record.perPeriodValue,
			stage: stage && withoutDefaults({ ...stage, description: '' }),
			successProbability: record.successProbability,
			actualCloseDate: record.actualCloseDate,
			expectedCloseDate: record.expectedCloseDate,
			isPrivate: record.isPrivate,
			accessList: record.isPrivate ? record.accessList.map(user).filter(Boolean) : undefined,
			canEdit: true,
			customFields: CUSTOM_FIELDS.map((field) =>
				withoutDefaults({ id: field.id, entityId: record.id, label: field.label, fieldType: field.fieldType, fieldValue: record.customFields.get(field.id) ?? '' }),
			),
		});
	}

	private apiPath(request: RecordedRequest): string {
		const path = request.path.split('?')[0];
		return path.replace(/^\/api\/2\.0\//, '').replace(/\.json$/, '');
	}

	private handle(request: RecordedRequest, response: ServerResponse): void {
		const url = new URL(request.path, 'http://stand-in');
		const override = this.overrides.get(`${request.method} ${url.pathname}`);
		if (override) {
			this.overrides.delete(`${request.method} ${url.pathname}`);
			if (override.never) return;
			if (typeof override.body === 'string') {
				response.writeHead(override.status, { 'Content-Type': 'text/html', ...override.headers });
				response.end(override.body);
			} else sendJson(response, override.status, override.body, override.headers);
			return;
		}
		if (!url.pathname.startsWith('/api/2.0/')) {
			response.writeHead(404, { 'Content-Type': 'text/html' });
			response.end('<!doctype html><title>Not found</title><h1>404</h1>');
			return;
		}
		const { status, body } = this.answer(request, url);
		sendJson(response, status, body);
	}

	/** Success in the envelope with status 0; ApiError as the error envelope; anything else is a stand-in bug. */
	private answer(request: RecordedRequest, url: URL): { status: number; body: unknown } {
		try {
			const { status, body, page } = this.route(request, url);
			return { status, body: { count: Array.isArray(body) ? body.length : 1, ...page, status: 0, statusCode: status, response: body } };
		} catch (error) {
			const status = error instanceof ApiError ? error.status : 500;
			const message = error instanceof ApiError ? error.message : `stand-in failure: ${(error as Error).message}`;
			return { status, body: { status: 1, statusCode: status, error: { message, type: 'System.Exception', stack: '' } } };
		}
	}

	private route(request: RecordedRequest, url: URL): { status: number; body: unknown; page?: Record<string, number> } {
		const path = this.apiPath(request);
		const method = request.method;
		if (method === 'POST' && path === 'authentication') return this.login(request);
		if (this.callsUntilExpiry !== undefined && this.callsUntilExpiry-- <= 0) {
			this.callsUntilExpiry = undefined;
			this.expireTokens();
		}
		this.authorize(request);
		if (['POST', 'PUT'].includes(method) && !String(request.headers['content-type'] ?? '').includes('application/json')) {
			throw new ApiError(415, 'Content-Type must be application/json');
		}
		if (method === 'GET' && path === 'people/filter') return this.people(url);
		if (method === 'GET' && path === 'people') return this.page(this.users.map(({ id, displayName, email }) => ({ id, displayName, email, status: 1 })), url);
		if (method === 'GET' && path === 'crm/opportunity/stage') return { status: 200, body: this.stages.map((stage) => withoutDefaults({ ...stage })) };
		if (path === 'crm/opportunity/filter') {
			if (method === 'GET') return this.filter(url);
			if (method === 'DELETE') return this.deleteByFilter(request, url);
		}
		if (method === 'POST' && path === 'crm/opportunity') return { status: 200, body: this.serialize(this.write(undefined, request.body)) };
		if (method === 'PUT' && path === 'crm/opportunity') return this.batchDelete(request);
		const stageMatch = /^crm\/opportunity\/(\d+)\/stage\/(\d+)$/.exec(path);
		if (method === 'PUT' && stageMatch) return this.setStage(Number(stageMatch[1]), Number(stageMatch[2]), request.body);
		const idMatch = /^crm\/opportunity\/(\d+)$/.exec(path);
		if (idMatch) {
			const record = this.find(Number(idMatch[1]));
			if (method === 'GET') return { status: 200, body: this.serialize(record) };
			if (method === 'PUT') return { status: 200, body: this.serialize(this.write(record, request.body)) };
			if (method === 'DELETE') {
				this.opportunities.delete(record.id);
				return { status: 200, body: this.serialize(record) };
			}
		}
		throw new ApiError(404, `Method not found: ${method} ${path}`);
	}

	private login(request: RecordedRequest) {
		const body = request.body;
		if (!isRecord(body) || typeof body.userName !== 'string' || typeof body.password !== 'string') {
			throw new ApiError(400, 'userName and password are required');
		}
		const user = this.users.find((entry) => entry.userName === body.userName && entry.password === body.password);
		if (!user) throw new ApiError(401, 'User authentication failed');
		const expires = '2099-01-01T00:00:00.0000000+00:00';
		if (this.options.twoStep === 'sms') return { status: 201, body: { sms: true, phoneNoise: '+1*******89', expires } };
		if (this.options.twoStep === 'tfa') return { status: 201, body: { tfa: true, tfaKey: 'ABCDEF' } };
		const token = `${randomBytes(24).toString('base64url')}==`;
		this.tokens.set(token, { userId: user.id, expired: this.issueExpiredTokens });
		return { status: 201, body: { token, expires } };
	}

	/** The token goes raw in Authorization; a scheme such as Bearer makes it unknown. */
	private authorize(request: RecordedRequest): void {
		const header = request.headers.authorization;
		const token = typeof header === 'string' ? this.tokens.get(header) : undefined;
		if (!token || token.expired) throw new ApiError(401, 'Unauthorized');
	}

	private find(id: number): StoredOpportunity {
		const record = this.opportunities.get(id);
		if (!record) throw new ApiError(404, 'The opportunity was not found');
		return record;
	}

	private int(value: unknown, key: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
		if (typeof value !== 'number' || !Number.isInteger(value)) throw new ApiError(400, `${key}: an integer was expected`);
		return Math.min(max, Math.max(min, value));
	}

	private date(value: unknown, key: string): string {
		if (value === undefined || value === null || value === '') return '';
		if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw new ApiError(400, `${key}: not a date`);
		return new Date(value).toISOString().replace(/\.\d{3}Z$/, '.0000000Z');
	}

	private userId(value: unknown, key: string): string {
		if (typeof value !== 'string' || !GUID.test(value)) throw new ApiError(400, `${key}: a user GUID was expected`);
		if (!this.users.some((user) => user.id === value)) throw new ApiError(404, `The user ${value} was not found`);
		return value;
	}

	/**
	 * POST creates, PUT replaces: every field the body leaves out is reset to empty or zero. Key
	 * names must be exactly the reference page's.
	 */
	private write(existing: StoredOpportunity | undefined, body: unknown): StoredOpportunity {
		if (!isRecord(body)) throw new ApiError(400, 'A JSON object body was expected');
		const unknown = Object.keys(body).filter((key) => !BODY_KEYS.includes(key));
		if (unknown.length > 0) throw new ApiError(400, `Unknown parameter(s): ${unknown.join(', ')}`);
		const title = body.title;
		if (typeof title !== 'string' || title.trim() === '') throw new ApiError(400, 'The title is empty');
		const stageId = this.int(body.stageid, 'stageid');
		if (!this.stages.some((stage) => stage.id === stageId)) throw new ApiError(404, `The stage ${stageId} was not found`);
		const bidType = typeof body.bidType === 'string' ? BID_TYPES.indexOf(body.bidType) : body.bidType ?? 0;
		if (typeof bidType !== 'number' || bidType < 0 || bidType > 5) throw new ApiError(400, 'bidType: unknown bid type');
		const bidValue = body.bidValue ?? 0;
		if (typeof bidValue !== 'number') throw new ApiError(400, 'bidValue: a number was expected');
		const currency = body.bidCurrencyAbbr === undefined ? 'USD' : String(body.bidCurrencyAbbr).toUpperCase();
		if (!(currency in CURRENCIES)) throw new ApiError(400, `The currency ${currency} is not supported`);
		const members = body.members ?? [];
		if (!Array.isArray(members)) throw new ApiError(400, 'members: an array was expected');
		const accessList = body.accessList ?? [];
		if (!Array.isArray(accessList)) throw new ApiError(400, 'accessList: an array was expected');
		const customFields = new Map<number, string>();
		const fieldList = body.customFieldList ?? [];
		if (!Array.isArray(fieldList)) throw new ApiError(400, 'customFieldList: an array was expected');
		for (const entry of fieldList) {
			if (!isRecord(entry) || !('Key' in entry) || !('Value' in entry)) throw new ApiError(400, 'customFieldList: items are {Key, Value}');
			const known = CUSTOM_FIELDS.some((field) => field.id === entry.Key);
			if (known && typeof entry.Value === 'string' && entry.Value !== '') customFields.set(entry.Key as number, entry.Value);
		}
		for (const key of ['isPrivate', 'isNotify']) {
			if (body[key] !== undefined && typeof body[key] !== 'boolean') throw new ApiError(400, `${key}: a boolean was expected`);
		}
		const record: StoredOpportunity = {
			id: existing?.id ?? this.nextId++,
			title,
			description: typeof body.description === 'string' ? body.description : '',
			contactId: body.contactid === undefined ? 0 : this.int(body.contactid, 'contactid', 1),
			members: members.map((member) => this.int(member, 'members', 1)),
			responsibleId: body.responsibleid === undefined ? '' : this.userId(body.responsibleid, 'responsibleid'),
			bidType,
			bidValue,
			bidCurrency: currency,
			perPeriodValue: body.perPeriodValue === undefined ? 0 : this.int(body.perPeriodValue, 'perPeriodValue'),
			stageId,
			successProbability: body.successProbability === undefined ? 0 : this.int(body.successProbability, 'successProbability', 0, 100),
			actualCloseDate: this.date(body.actualCloseDate, 'actualCloseDate'),
			expectedCloseDate: this.date(body.expectedCloseDate, 'expectedCloseDate'),
			customFields,
			isPrivate: body.isPrivate === true,
			accessList: accessList.map((id) => this.userId(id, 'accessList')),
			tags: existing?.tags ?? [],
			createdBy: existing?.createdBy ?? this.users[0].id,
			created: existing?.created ?? CREATED,
		};
		this.opportunities.set(record.id, record);
		return record;
	}

	private setStage(id: number, stageId: number, body: unknown) {
		const record = this.find(id);
		if (!isRecord(body) || body.stageid !== stageId) throw new ApiError(400, 'stageid in the body must match the path');
		const stage = this.stages.find((entry) => entry.id === stageId);
		if (!stage) throw new ApiError(404, `The stage ${stageId} was not found`);
		record.stageId = stageId;
		record.successProbability = stage.successProbability;
		return { status: 200, body: this.serialize(record) };
	}

	private page(all: unknown[], url: URL) {
		const { pageCap, total = 'exact', ignoreStartIndex = false } = this.options.paging ?? {};
		const startIndex = Number(url.searchParams.get('startIndex') ?? 0);
		const asked = url.searchParams.has('count') ? Number(url.searchParams.get('count')) : all.length;
		const count = pageCap === undefined ? asked : Math.min(asked, pageCap);
		const from = ignoreStartIndex ? 0 : startIndex;
		const body = all.slice(from, from + count);
		const page: Record<string, number> = { startIndex, nextIndex: startIndex + body.length };
		if (total === 'exact') page.total = all.length;
		if (total === 'overstated') page.total = all.length + 50;
		return { status: 200, body, page };
	}

	/** people/filter: users of a status whose name, user name or email contain `filterValue`, by name. */
	private people(url: URL) {
		const query = url.searchParams;
		const unknown = [...new Set(query.keys())].filter((key) => !PEOPLE_FILTER_PARAMETERS.includes(key));
		if (unknown.length > 0) throw new ApiError(400, `Unknown parameter(s): ${unknown.join(', ')}`);
		const ofStatus = EMPLOYEE_STATUSES[query.get('employeeStatus') ?? '1'];
		if (!ofStatus) throw new ApiError(400, `employeeStatus: unknown value ${query.get('employeeStatus')}`);
		const text = query.get('filterValue')?.toLowerCase();
		const users = this.users
			.filter(ofStatus)
			.filter((user) => !text || [user.displayName, user.userName, user.email].some((field) => field.toLowerCase().includes(text)))
			.sort((a, b) => (a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : 0));
		return this.page(users.map(({ id, displayName, email, terminated }) => ({ id, displayName, email, status: terminated ? 2 : 1 })), url);
	}

	private matching(url: URL): StoredOpportunity[] {
		const query = url.searchParams;
		const unknown = [...new Set(query.keys())].filter((key) => !FILTER_PARAMETERS.includes(key));
		if (unknown.length > 0) throw new ApiError(400, `Unknown parameter(s): ${unknown.join(', ')}`);
		let records = [...this.opportunities.values()];
		const text = query.get('filterValue')?.toLowerCase();
		if (text) records = records.filter((record) => `${record.title} ${record.description}`.toLowerCase().includes(text));
		const responsible = query.get('responsibleid');
		if (responsible) records = records.filter((record) => record.responsibleId === responsible);
		const stage = query.get('opportunityStagesid');
		if (stage) records = records.filter((record) => record.stageId === Number(stage));
		const stageType = query.get('stageType');
		if (stageType) {
			const type = /^\d$/.test(stageType) ? Number(stageType) : STAGE_TYPES.indexOf(stageType);
			if (type < 0) throw new ApiError(400, `stageType: unknown value ${stageType}`);
			records = records.filter((record) => this.stages.find((entry) => entry.id === record.stageId)?.stageType === type);
		}
		const contact = query.get('contactid');
		if (contact) {
			const alsoMember = query.get('contactAlsoIsParticipant') === 'true';
			records = records.filter(
				(record) => record.contactId === Number(contact) || (alsoMember && record.members.includes(Number(contact))),
			);
		}
		const tags = [...query.getAll('tags[]'), ...query.getAll('tags')];
		if (tags.length > 0) records = records.filter((record) => tags.every((tag) => record.tags.includes(tag)));
		const from = query.get('fromDate');
		if (from) records = records.filter((record) => record.expectedCloseDate && Date.parse(record.expectedCloseDate) >= Date.parse(from));
		const to = query.get('toDate');
		if (to) records = records.filter((record) => record.expectedCloseDate && Date.parse(record.expectedCloseDate) <= Date.parse(to));
		const sortBy = query.get('sortBy') ?? 'dateandtime';
		const keyOf: Record<string, (record: StoredOpportunity) => string | number> = {
			title: (record) => record.title.toLowerCase(),
			responsible: (record) => this.users.find((user) => user.id === record.responsibleId)?.displayName ?? '',
			stage: (record) => this.stages.find((entry) => entry.id === record.stageId)?.sortOrder ?? 0,
			bidvalue: (record) => record.bidValue,
			dateandtime: (record) => record.id,
		};
		const key = keyOf[sortBy];
		if (!key) throw new ApiError(400, `sortBy: unknown value ${sortBy}`);
		const direction = query.get('sortOrder') === 'descending' ? -1 : 1;
		return records.sort((a, b) => (key(a) < key(b) ? -direction : key(a) > key(b) ? direction : a.id - b.id));
	}

	private filter(url: URL) {
		return this.page(
			this.matching(url).map((record) => this.serialize(record)),
			url,
		);
	}

	/** DELETE crm/opportunity/filter: deletes every match. Dangerous, and real. */
	private deleteByFilter(request: RecordedRequest, url: URL) {
		this.batchDeleteCalls.push(request);
		const doomed = this.matching(url);
		for (const record of doomed) this.opportunities.delete(record.id);
		return { status: 200, body: doomed.map((record) => this.serialize(record)) };
	}

	/** PUT crm/opportunity without an id: deletes `opportunityids`. Dangerous, and real. */
	private batchDelete(request: RecordedRequest) {
		this.batchDeleteCalls.push(request);
		const ids = isRecord(request.body) && Array.isArray(request.body.opportunityids) ? request.body.opportunityids : [];
		const doomed = ids.map((id) => this.opportunities.get(Number(id))).filter((record): record is StoredOpportunity => !!record);
		for (const record of doomed) this.opportunities.delete(record.id);
		return { status: 200, body: doomed.map((record) => this.serialize(record)) };
	}

	/** A fresh id no record has, for not-found tests. */
	unusedId(): number {
		return this.nextId + 1000;
	}
}

import { WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IN8nHttpFullResponse,
	INode,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWebhookData,
	IWebhookDescription,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import type { IncomingMessage, ServerResponse } from '../standins/http';
import { RawLoopbackServer } from '../standins/http';
import { TestCredentialsHelper } from './credentialsHelper';
import type { NodeSpec, RunResult } from './runWorkflow';
import { PACKAGE, runWorkflow } from './runWorkflow';

/**
 * A loopback HTTP server that serves a workflow's webhook the way n8n 2.41's webhook server does
 * (webhooks/webhook-helpers.ts, middlewares/body-parser.ts): it parses the body before the node
 * runs (422 {"message":"Failed to parse request body"} on malformed JSON), builds n8n-core's real
 * WebhookContext around the request and response, calls the node's webhook(), and when that
 * returns workflowData runs the workflow through n8n-core's WorkflowExecute. In `responseNode`
 * mode the HTTP answer is whatever a node passes to sendResponse.
 */

export interface WebhookWorkflow {
	/** Nodes in a straight line; the first one is the webhook trigger. */
	nodes: NodeSpec[];
	credentialTypes?: Record<string, ICredentialType>;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
}

export interface WebhookExecution {
	result: RunResult;
	/** Every sendResponse call of this execution, in order (n8n answers with the first). */
	sendResponseCalls: IN8nHttpFullResponse[];
}

type ParsedRequest = IncomingMessage & {
	body?: unknown;
	rawBody?: Buffer;
	contentType?: string;
	query: IDataObject;
	params: IDataObject;
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
	if (res.headersSent) return;
	res.statusCode = status;
	res.setHeader('Content-Type', 'application/json; charset=utf-8');
	res.end(JSON.stringify(body));
}

/**
 * n8n's parseBody: JSON only for exactly `application/json`, text for `text/plain`.
 * Returns why the body could not be parsed, if it could not.
 */
function parseBody(req: ParsedRequest, raw: Buffer): string | undefined {
	const header = req.headers['content-type'];
	let encoding = 'utf-8';
	if (header) {
		const [type, ...parameters] = header.split(';');
		req.contentType = type.toLowerCase();
		const charset = parameters.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('charset='));
		if (charset) encoding = charset.slice('charset='.length).replace(/"/g, '').toLowerCase();
	}
	req.rawBody = raw;
	if (raw.length === 0) return undefined;
	if (!Buffer.isEncoding(encoding)) return `Unknown encoding: ${encoding}`;
	const text = raw.toString(encoding as BufferEncoding);
	if (req.contentType === 'text/plain') req.body = text;
	if (req.contentType !== 'application/json') return undefined;
	try {
		req.body = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
		return undefined;
	} catch (error) {
		return (error as Error).message;
	}
}

function writeSentResponse(res: ServerResponse, response: IN8nHttpFullResponse): void {
	if (res.headersSent) return;
	res.statusCode = response.statusCode ?? 200;
	for (const [name, value] of Object.entries(response.headers ?? {})) res.setHeader(name, String(value));
	const { body } = response;
	if (Buffer.isBuffer(body)) res.end(body);
	else if (typeof body === 'string') {
		if (!res.hasHeader('content-type')) res.setHeader('Content-Type', 'text/html; charset=utf-8');
		res.end(body);
	} else {
		if (!res.hasHeader('content-type')) res.setHeader('Content-Type', 'application/json; charset=utf-8');
		res.end(body === undefined ? '' : JSON.stringify(body));
	}
}

let workflowCount = 0;

export class WebhookServer {
	readonly executions: WebhookExecution[] = [];

	private server?: RawLoopbackServer;

	private readonly running = new Set<Promise<void>>();

	private readonly workflow: Workflow;

	private readonly trigger: INode;

	private readonly triggerType: INodeType;

	private readonly description: IWebhookDescription;

	/** The stored credentials (change them to edit a credential) and how often nodes read them. */
	readonly credentialsHelper: TestCredentialsHelper;

	constructor(private readonly spec: WebhookWorkflow) {
		const types = new Map(spec.nodes.map((node) => [`${PACKAGE}.${node.type.description.name}`, node.type]));
		const get = (name: string) => {
			const type = types.get(name);
			if (!type) throw new Error(`Unknown node type ${name}`);
			return type;
		};
		const nodeTypes = { getByName: get, getByNameAndVersion: get, getKnownTypes: () => ({}) } as unknown as INodeTypes;
		const nodes: INode[] = spec.nodes.map((node, index) => ({
			id: String(index + 1),
			name: node.name,
			type: `${PACKAGE}.${node.type.description.name}`,
			typeVersion: 1,
			position: [index * 200, 0],
			parameters: (node.parameters ?? {}) as INodeParameters,
			credentials: Object.fromEntries((node.credentials ?? []).map((type) => [type, { id: `${type}-id`, name: type }])),
		}));
		this.workflow = new Workflow({
			// Each server is its own workflow, as each active workflow in n8n has its own id.
			id: `webhook-workflow-${++workflowCount}`,
			nodes,
			connections: {},
			nodeTypes,
			active: true,
			settings: {},
		});
		this.trigger = this.workflow.getNode(spec.nodes[0].name)!;
		this.triggerType = spec.nodes[0].type;
		const description = this.triggerType.description.webhooks?.[0];
		if (!description || !this.triggerType.webhook) throw new Error(`${spec.nodes[0].name} is not a webhook node`);
		this.description = description;
		const store: Record<string, ICredentialDataDecryptedObject> = {};
		for (const [type, data] of Object.entries(spec.credentials ?? {})) store[type] = { ...data };
		this.credentialsHelper = new TestCredentialsHelper(spec.credentialTypes ?? {}, store);
	}

	private expression<T>(value: unknown, fallback: T): T {
		return this.workflow.expression.getSimpleParameterValue(
			this.trigger,
			value as string,
			'webhook',
			{},
			undefined,
			fallback as never,
		) as T;
	}

	get url(): string {
		if (!this.server) throw new Error('server not started');
		return `${this.server.baseUrl}/webhook/${this.expression(this.description.path, '')}`;
	}

	async start(): Promise<this> {
		this.server = await new RawLoopbackServer((req, res, raw) => {
			const handled = this.handle(req as ParsedRequest, res, raw);
			this.track(handled.catch(() => undefined));
			return handled;
		}).start();
		return this;
	}

	/** Waits for every request and workflow execution started so far. */
	async idle(): Promise<void> {
		while (this.running.size > 0) await Promise.allSettled([...this.running]);
	}

	async stop(): Promise<void> {
		await this.idle();
		await this.server?.stop();
		this.server = undefined;
	}

	private track(work: Promise<void>): void {
		this.running.add(work);
		void work.finally(() => this.running.delete(work));
	}

	private async handle(req: ParsedRequest, res: ServerResponse, raw: Buffer): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const path = `/webhook/${this.expression(this.description.path, '')}`;
		if (req.method !== this.description.httpMethod || url.pathname !== path) {
			sendJson(res, 404, { code: 404, message: `The requested webhook "${req.method} ${url.pathname}" is not registered.` });
			return;
		}
		req.query = Object.fromEntries(url.searchParams);
		req.params = {};
		const unparsable = parseBody(req, raw);
		if (unparsable !== undefined) {
			sendJson(res, 422, { code: 422, message: 'Failed to parse request body', hint: unparsable });
			return;
		}

		const additionalData = {
			credentialsHelper: this.credentialsHelper,
			httpRequest: req,
			httpResponse: res,
			executionId: undefined,
			webhookBaseUrl: 'http://127.0.0.1/webhook',
			webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
			webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
			formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
			instanceBaseUrl: 'http://127.0.0.1/',
			restApiUrl: 'http://127.0.0.1/rest',
			variables: {},
		} as unknown as IWorkflowExecuteAdditionalData;
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: this.trigger.name,
			path,
			webhookDescription: this.description,
			workflowId: this.workflow.id!,
			workflowExecuteAdditionalData: additionalData,
		};
		const context = new WebhookContext(this.workflow, this.trigger, additionalData, 'webhook', webhookData, [], null);
		const responseMode = this.expression<string>(this.description.responseMode, 'onReceived');

		let result;
		try {
			result = await this.triggerType.webhook!.call(context);
		} catch {
			// What n8n answers when a trigger's webhook() throws; the suites assert it never happens.
			sendJson(res, 500, { code: 0, message: 'Workflow Webhook Error: Workflow could not be started!' });
			return;
		}
		if (result.workflowData === undefined) {
			if (result.noWebhookResponse !== true) sendJson(res, 200, result.webhookResponse ?? { message: 'Webhook call received' });
			return;
		}
		if (responseMode === 'onReceived' && result.noWebhookResponse !== true) {
			sendJson(res, 200, { message: 'Workflow was started' });
		}

		const sendResponseCalls: IN8nHttpFullResponse[] = [];
		const run = await runWorkflow({
			nodes: this.spec.nodes,
			input: result.workflowData[0],
			credentialTypes: this.spec.credentialTypes,
			credentials: this.spec.credentials,
			mode: 'webhook',
			onSendResponse: (response) => {
				sendResponseCalls.push(response as IN8nHttpFullResponse);
				if (responseMode === 'responseNode' && sendResponseCalls.length === 1) {
					writeSentResponse(res, response as IN8nHttpFullResponse);
				}
			},
		});
		this.executions.push({ result: run, sendResponseCalls });
		if (responseMode === 'responseNode' && sendResponseCalls.length === 0) {
			if (run.error) sendJson(res, 500, { message: 'Error in workflow' });
			else if (!res.headersSent) res.end();
		}
	}
}

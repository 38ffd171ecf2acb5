import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';

export const PACKAGE = 'n8n-nodes-dealhub';

export interface NodeSpec {
	name: string;
	type: INodeType;
	parameters?: IDataObject;
	/** 1 unless given. */
	typeVersion?: number;
	credentials?: string[];
	continueOnFail?: boolean;
}

export interface RunSpec {
	/** Nodes in a straight line, the first one receiving `input`. */
	nodes: NodeSpec[];
	input: INodeExecutionData[];
	credentialTypes?: Record<string, ICredentialType>;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	mode?: WorkflowExecuteMode;
	/** Receives whatever a node passes to `sendResponse`, as n8n's webhook server would. */
	onSendResponse?: (response: unknown) => void;
}

export interface RunResult {
	run: IRun;
	/** Main output 0 of each node, by node name. */
	output(nodeName: string): INodeExecutionData[];
	error?: Error;
	credentialsHelper: TestCredentialsHelper;
}

function nodeTypesOf(specs: NodeSpec[]): INodeTypes {
	const byName = new Map(specs.map((spec) => [`${PACKAGE}.${spec.type.description.name}`, spec.type]));
	const get = (name: string) => {
		const type = byName.get(name);
		if (!type) throw new Error(`Unknown node type ${name}`);
		return type;
	};
	return {
		getByName: get,
		getByNameAndVersion: get,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
}

/** What n8n hands a node context about its instance, with loopback addresses. */
export function testAdditionalData(
	credentialsHelper: TestCredentialsHelper,
	extra: Record<string, unknown> = {},
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		executionId: 'test-execution',
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		variables: {},
		userId: 'test-user',
		currentNodeParameters: undefined,
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** Runs the nodes through n8n-core's real execution engine and request helpers. */
export async function runWorkflow(spec: RunSpec): Promise<RunResult> {
	const nodes: INode[] = spec.nodes.map((node, index): INode => ({
		id: String(index + 1),
		name: node.name,
		type: `${PACKAGE}.${node.type.description.name}`,
		typeVersion: node.typeVersion ?? 1,
		position: [index * 200, 0],
		parameters: (node.parameters ?? {}) as INode["parameters"],
		continueOnFail: node.continueOnFail,
		credentials: Object.fromEntries(
			(node.credentials ?? []).map((type) => [type, { id: `${type}-id`, name: type }]),
		),
	}));
	const connections: IConnections = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes,
		connections,
		nodeTypes: nodeTypesOf(spec.nodes),
		active: false,
		settings: {},
	});

	const store: Record<string, ICredentialDataDecryptedObject> = {};
	for (const [type, data] of Object.entries(spec.credentials ?? {})) store[type] = { ...data };
	const credentialsHelper = new TestCredentialsHelper(spec.credentialTypes ?? {}, store);

	const mode = spec.mode ?? 'manual';
	const hooks = new ExecutionLifecycleHooks(mode, 'test-execution', { id: 'test-workflow', nodes, connections } as never);
	let finished!: (run: IRun) => void;
	const done = new Promise<IRun>((resolve) => (finished = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finished(run));
	if (spec.onSendResponse) {
		const onSendResponse = spec.onSendResponse;
		hooks.addHandler('sendResponse', (response) => onSendResponse(response));
	}

	const additionalData = testAdditionalData(credentialsHelper, { hooks });

	const runExecutionData: IRunExecutionData = {
		resultData: { runData: {} },
		executionData: {
			metadata: {},
			contextData: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [
				{ node: workflow.getNode(nodes[0].name)!, data: { main: [spec.input] }, source: null },
			],
		},
	} as unknown as IRunExecutionData;

	await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);
	const run = await done;
	const error = run.data.resultData.error as Error | undefined;
	return {
		run,
		error,
		credentialsHelper,
		output(nodeName) {
			const taskData = run.data.resultData.runData[nodeName]?.[0];
			if (!taskData) throw new Error(`Node ${nodeName} did not run${error ? `: ${error.message}` : ''}`);
			return taskData.data?.main?.[0] ?? [];
		},
	};
}

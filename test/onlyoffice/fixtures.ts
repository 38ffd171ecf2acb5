import { ExecuteContext, LoadOptionsContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodePropertyOptions,
	INodeType,
	INodeTypes,
	IRunExecutionData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { OnlyOfficeCrmApi } from '../../credentials/OnlyOfficeCrmApi.credentials';
import { OnlyOfficeCrm } from '../../nodes/OnlyOfficeCrm/OnlyOfficeCrm.node';
import { TestCredentialsHelper } from '../harness/credentialsHelper';
import type { NodeSpec, RunResult } from '../harness/runWorkflow';
import { PACKAGE, runWorkflow, testAdditionalData } from '../harness/runWorkflow';
import type { OnlyOfficeStandInOptions } from '../standins/onlyoffice';
import { OnlyOfficeStandIn } from '../standins/onlyoffice';

export const CREDENTIAL = 'onlyOfficeCrmApi';

export async function startStandIn(options: OnlyOfficeStandInOptions = {}): Promise<OnlyOfficeStandIn> {
	return await new OnlyOfficeStandIn(options).start();
}

/** The credential as a user fills it in for the user name and password of the stand-in's first user. */
export function passwordCredential(standIn: OnlyOfficeStandIn, overrides: IDataObject = {}): ICredentialDataDecryptedObject {
	const [user] = standIn.users;
	return {
		portalUrl: `${standIn.baseUrl}/`,
		authentication: 'password',
		userName: user.userName,
		password: user.password,
		sessionToken: '',
		...overrides,
	};
}

export function tokenCredential(standIn: OnlyOfficeStandIn, accessToken: string, overrides: IDataObject = {}): ICredentialDataDecryptedObject {
	return { portalUrl: standIn.baseUrl, authentication: 'accessToken', accessToken, sessionToken: '', ...overrides };
}

export interface CrmRun extends RunResult {
	items: INodeExecutionData[];
	/** The credential as n8n would have saved it after the run (a renewed session token, say). */
	savedCredential: ICredentialDataDecryptedObject;
}

/** Runs ONLYOFFICE CRM nodes in a row through n8n-core, with the credential's own authentication. */
export async function runCrm(
	credential: ICredentialDataDecryptedObject,
	parameters: IDataObject | IDataObject[],
	options: { input?: INodeExecutionData[]; continueOnFail?: boolean; typeVersion?: number } = {},
): Promise<CrmRun> {
	const steps = Array.isArray(parameters) ? parameters : [parameters];
	const nodes: NodeSpec[] = steps.map((stepParameters, index) => ({
		name: `ONLYOFFICE CRM ${index + 1}`,
		type: new OnlyOfficeCrm(),
		parameters: { resource: 'opportunity', ...stepParameters },
		typeVersion: options.typeVersion,
		credentials: [CREDENTIAL],
		continueOnFail: options.continueOnFail,
	}));
	const result = await runWorkflow({
		nodes,
		input: options.input ?? [{ json: {} }],
		credentialTypes: { [CREDENTIAL]: new OnlyOfficeCrmApi() },
		credentials: { [CREDENTIAL]: credential },
	});
	const last = nodes[nodes.length - 1].name;
	return {
		...result,
		items: result.error ? [] : result.output(last),
		savedCredential: result.credentialsHelper.store[CREDENTIAL],
	};
}

function contextParts(credential: ICredentialDataDecryptedObject, nodeType: INodeType, nodeTypeName: string, parameters: IDataObject, typeVersion = 1) {
	const node: INode = {
		id: 'n1',
		name: 'Node',
		type: nodeTypeName,
		typeVersion,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		credentials: { [CREDENTIAL]: { id: `${CREDENTIAL}-id`, name: CREDENTIAL } },
	};
	const nodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [node],
		connections: {},
		nodeTypes: nodeTypes as unknown as INodeTypes,
		active: false,
		settings: {},
	});
	const credentialsHelper = new TestCredentialsHelper({ [CREDENTIAL]: new OnlyOfficeCrmApi() }, { [CREDENTIAL]: { ...credential } });
	const additionalData = testAdditionalData(credentialsHelper, { currentNodeParameters: parameters });
	return { node: workflow.getNode('Node')!, workflow, additionalData, credentialsHelper };
}

/** Calls one of the node's load-options methods as the editor does, through n8n-core's context. */
export async function loadOptions(
	credential: ICredentialDataDecryptedObject,
	method: 'getStages' | 'getUsers',
	currentParameters: IDataObject = { resource: 'opportunity', operation: 'create' },
): Promise<INodePropertyOptions[]> {
	const nodeType = new OnlyOfficeCrm();
	const { node, workflow, additionalData } = contextParts(credential, nodeType, `${PACKAGE}.onlyOfficeCrm`, currentParameters);
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.stageId');
	return await nodeType.methods.loadOptions[method].call(context);
}

/**
 * Calls one of the node's list searches as the editor's resource locator does (From List): with
 * the search text typed, then with the token of the page before to scroll on.
 */
export async function listSearch(
	credential: ICredentialDataDecryptedObject,
	method: 'searchOpportunities' | 'searchStages' | 'searchUsers',
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const nodeType = new OnlyOfficeCrm();
	const parameters = { resource: 'opportunity', operation: 'update' };
	const { node, workflow, additionalData } = contextParts(credential, nodeType, `${PACKAGE}.onlyOfficeCrm`, parameters, 2);
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.opportunityId');
	return await nodeType.methods.listSearch[method].call(context, filter, paginationToken);
}

/**
 * The credential's Test button, the way n8n's credential tester runs it: a temporary node whose
 * routing is the test request, run by n8n-core's RoutingNode, then the rules on a failed answer.
 */
export async function testCredential(credential: ICredentialDataDecryptedObject): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const credentialType = new OnlyOfficeCrmApi();
	const testNodeType: INodeType = {
		description: {
			displayName: 'No Operation',
			name: 'noOp',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: CREDENTIAL, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: credentialType.test.request }, default: '' }],
		},
	};
	const { node, workflow, additionalData } = contextParts(credential, testNodeType, 'n8n-nodes-base.noOp', {});
	const runExecutionData = { resultData: { runData: {} } } as unknown as IRunExecutionData;
	const context = new ExecuteContext(workflow, node, additionalData, 'internal', runExecutionData, 0, [], { main: [[{ json: {} }]] }, { node, data: {}, source: null }, []);
	const decrypted = { id: `${CREDENTIAL}-id`, name: CREDENTIAL, type: CREDENTIAL, data: { ...credential } };
	try {
		await new RoutingNode(context, testNodeType, decrypted).runNode();
	} catch (error) {
		const cause = (error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }).cause;
		if (cause?.response) {
			for (const rule of credentialType.test.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === cause.response.status) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			return { status: 'Error', message: cause.response.statusText || `Received HTTP status code: ${cause.response.status}` };
		}
		if (cause?.code) return { status: 'Error', message: cause.code };
		return { status: 'Error', message: (error as Error).message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/** Requests the stand-in received, without the sign-ins, as "METHOD /path?query". */
export function calls(standIn: OnlyOfficeStandIn): string[] {
	return standIn.requests
		.filter((request) => !request.path.startsWith('/api/2.0/authentication'))
		.map((request) => `${request.method} ${decodeURIComponent(request.path)}`);
}

/** The opportunity create parameters a user fills in, plus any extra fields. */
export function createParameters(additionalFields: IDataObject = {}, overrides: IDataObject = {}): IDataObject {
	return { operation: 'create', title: 'Acme renewal', stageId: 11, additionalFields, ...overrides };
}

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { DealHubApi } from '../../credentials/DealHubApi.credentials';
import { DealHub } from '../../nodes/DealHub/DealHub.node';
import type { NodeSpec, RunResult } from '../harness/runWorkflow';
import { runWorkflow } from '../harness/runWorkflow';
import type { DealHubStandInOptions } from '../standins/dealhub';
import { DealHubStandIn } from '../standins/dealhub';

/** A dummy Authentication Token; the stand-in accepts only this one. */
export const SECRET = 'dummy-dealhub-token-7f3a9c1e5b';

export const CRM_USER: IDataObject = {
	userExternalId: 'crm-user-42',
	userEmail: 'david.s@domain.com',
	userName: 'David Solomon',
};

export const PARTNER_USER: IDataObject = {
	partnerUserId: 'prm-7',
	partnerLogin: 'pat@partner.example',
	partnerEmail: 'pat@partner.example',
	partnerName: 'Pat Partner',
};

/** The mandatory create-quote fields, as a user fills them in the node. */
export const CREATE_QUOTE: IDataObject = {
	resource: 'quote',
	operation: 'create',
	...CRM_USER,
	externalOpportunityId: 'opp-1',
	externalOpportunityName: 'Acme renewal',
	externalCustomerId: 'acme',
	customerName: 'Acme Inc.',
	geoCode: 'NA',
	currency: 'USD',
};

export async function startStandIn(options: Partial<DealHubStandInOptions> = {}): Promise<DealHubStandIn> {
	return await new DealHubStandIn({ secret: SECRET, ...options }).start();
}

export interface DealHubRun extends RunResult {
	items: INodeExecutionData[];
}

/** Runs one or more DealHub nodes in a row against the stand-in, with the dealHubApi credential. */
export async function runDealHub(
	standIn: DealHubStandIn,
	parameters: IDataObject | IDataObject[],
	options: { input?: INodeExecutionData[]; continueOnFail?: boolean; token?: string; instanceUrl?: string; quoteApiUrl?: string } = {},
): Promise<DealHubRun> {
	const steps = Array.isArray(parameters) ? parameters : [parameters];
	const nodes: NodeSpec[] = steps.map((stepParameters, index) => ({
		name: `DealHub ${index + 1}`,
		type: new DealHub(),
		parameters: stepParameters,
		credentials: ['dealHubApi'],
		continueOnFail: options.continueOnFail,
	}));
	const result = await runWorkflow({
		nodes,
		input: options.input ?? [{ json: {} }],
		credentialTypes: { dealHubApi: new DealHubApi() },
		credentials: {
			dealHubApi: {
				instanceUrl: options.instanceUrl ?? `${standIn.baseUrl}/`,
				authenticationToken: options.token ?? SECRET,
				...(options.quoteApiUrl === undefined ? {} : { quoteApiUrl: options.quoteApiUrl }),
			},
		},
	});
	const last = nodes[nodes.length - 1].name;
	return { ...result, items: result.error ? [] : result.output(last) };
}

export function requestsTo(standIn: DealHubStandIn, path: string) {
	return standIn.requests.filter((request) => request.path === path);
}

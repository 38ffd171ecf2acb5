import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const ANSWERED = 'dealHubCalloutAnswered';

/**
 * n8n keeps only the first response of an execution, so a second answer would be lost silently.
 * The flag lives in the execution's flow context, shared by every node of this one run.
 */
export function claimCalloutAnswer(this: IExecuteFunctions): void {
	const flow = this.getContext('flow');
	if (flow[ANSWERED] === true) {
		throw new NodeOperationError(this.getNode(), 'This callout was already answered', {
			description:
				'DealHub takes one answer per callout: let exactly one DealHub Callout Response node run, once, per execution.',
		});
	}
	flow[ANSWERED] = true;
}

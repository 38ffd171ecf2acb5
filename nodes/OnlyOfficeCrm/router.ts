import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemOperation } from '../shared/itemLoop';
import { runPerItem } from '../shared/itemLoop';
import { opportunityOperations } from './resources/opportunity';

const operations: Record<string, Record<string, ItemOperation>> = {
	opportunity: opportunityOperations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = operations[resource]?.[operation];
	if (!run) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const concurrency = this.getNodeParameter('options.concurrency', 0, 1) as number;
	return await runPerItem.call(this, run, concurrency);
}

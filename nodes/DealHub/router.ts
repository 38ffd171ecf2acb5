import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemOperation } from '../shared/itemLoop';
import { runPerItem } from '../shared/itemLoop';
import * as authentication from './resources/authentication';
import { opportunityOperations } from './resources/opportunity';
import { quoteOperations } from './resources/quote';
import type { RedirectOperation } from './shared/redirectOperation';
import { runRedirectOperation } from './shared/redirectOperation';

function redirect(operation: RedirectOperation): ItemOperation {
	return async function (this: IExecuteFunctions, itemIndex: number) {
		return await runRedirectOperation.call(this, itemIndex, operation);
	};
}

const operations: Record<string, Record<string, ItemOperation>> = {
	authentication: {
		crmUser: authentication.crmUser.execute,
		partnerUser: authentication.partnerUser.execute,
	},
	quote: Object.fromEntries(Object.entries(quoteOperations).map(([name, op]) => [name, redirect(op)])),
	opportunity: Object.fromEntries(Object.entries(opportunityOperations).map(([name, op]) => [name, redirect(op)])),
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

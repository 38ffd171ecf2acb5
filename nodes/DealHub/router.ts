import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ItemOperation, OperationTable } from '../shared/itemLoop';
import { routeOperation } from '../shared/itemLoop';
import * as authentication from './resources/authentication';
import { getSigners } from './resources/dealRoom';
import { opportunityOperations } from './resources/opportunity';
import { quoteOperations, quoteReads } from './resources/quote';
import type { RedirectOperation } from './shared/redirectOperation';
import { runRedirectOperation } from './shared/redirectOperation';

function redirect(operation: RedirectOperation): ItemOperation {
	return async function (this: IExecuteFunctions, itemIndex: number) {
		return await runRedirectOperation.call(this, itemIndex, operation);
	};
}

const operations: OperationTable = {
	authentication: {
		crmUser: authentication.crmUser.execute,
		partnerUser: authentication.partnerUser.execute,
	},
	quote: { ...Object.fromEntries(Object.entries(quoteOperations).map(([name, op]) => [name, redirect(op)])), ...quoteReads },
	dealRoom: { getSigners },
	opportunity: Object.fromEntries(Object.entries(opportunityOperations).map(([name, op]) => [name, redirect(op)])),
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation.call(this, operations);
}

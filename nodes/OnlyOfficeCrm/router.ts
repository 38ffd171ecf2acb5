import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationTable } from '../shared/itemLoop';
import { routeOperation } from '../shared/itemLoop';
import { opportunityOperations } from './resources/opportunity';

const operations: OperationTable = {
	opportunity: opportunityOperations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation.call(this, operations);
}

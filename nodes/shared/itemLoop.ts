import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { MAX_ITEMS_IN_PARALLEL } from './descriptionParts';
import { mapWithConcurrency } from './mapWithConcurrency';

/** Errors leave a node as NodeApiError/NodeOperationError, tied to the item that caused them. */
export function asNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/** Output items that carry more than JSON (a downloaded file), as an operation returns them. */
export class OutputItems {
	constructor(readonly items: Array<Pick<INodeExecutionData, 'json' | 'binary'>>) {}
}

export type ItemOperation = (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject | IDataObject[] | OutputItems>;

/**
 * The per-item loop every action node here shares: each input item yields its own outputs (with
 * pairedItem), and with Continue On Fail a failing item becomes an error item while the rest run.
 */
export async function runPerItem(
	this: IExecuteFunctions,
	operation: ItemOperation,
	concurrency = 1,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const outputs = await mapWithConcurrency(items.length, concurrency, async (itemIndex) => {
		try {
			const data = await operation.call(this, itemIndex);
			const items = data instanceof OutputItems ? data.items : this.helpers.returnJsonArray(data);
			return this.helpers.constructExecutionMetaData(items, { itemData: { item: itemIndex } });
		} catch (error) {
			const nodeError = asNodeError(this.getNode(), error, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			// With `error` on the item, n8n routes it to the error output when the node has one, and
			// keeps json to `{ error: message }`; the description stays on the error.
			return [{ json: { error: nodeError.message }, error: nodeError, pairedItem: { item: itemIndex } }];
		}
	});
	return [outputs.flat()];
}

export type OperationTable = Record<string, Record<string, ItemOperation>>;

/** Runs the operation the node's Resource and Operation select, item by item. */
export async function routeOperation(
	this: IExecuteFunctions,
	operations: OperationTable,
): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = operations[resource]?.[operation];
	if (!run) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const concurrency = Math.min(MAX_ITEMS_IN_PARALLEL, Math.max(1, Number(this.getNodeParameter('options.concurrency', 0, 1)) || 1));
	return await runPerItem.call(this, run, concurrency);
}

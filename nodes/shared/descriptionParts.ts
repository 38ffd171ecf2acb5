import type { IDisplayOptions, IHookFunctions, INodeProperties } from 'n8n-workflow';

/** The most items any node of the pack processes at the same time. */
export const MAX_ITEMS_IN_PARALLEL = 20;

/** *Items in Parallel*, the same option with the same limit in every action node of the pack. */
export const itemsInParallelOption: INodeProperties = {
	displayName: 'Items in Parallel',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_ITEMS_IN_PARALLEL },
	default: 1,
	description: 'How many input items to process at the same time; output order is kept',
};

/** *Return All* and *Limit*, the same in every Get Many of the pack. */
export function returnAllFields(show: NonNullable<IDisplayOptions['show']>): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			displayOptions: { show },
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			displayOptions: { show: { ...show, returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}

/**
 * The webhook methods of a trigger whose URL a DealHub admin pastes into DealHub (it has no API to
 * register one): nothing to create, check or delete on DealHub's side. n8n asks checkExists when
 * it activates the workflow, which is when `warmUp` loads the trigger's code: not with the node
 * type at n8n's start, and not on the first request either.
 */
export function pastedWebhookMethods(warmUp: () => Promise<unknown>) {
	return {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				await warmUp();
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};
}

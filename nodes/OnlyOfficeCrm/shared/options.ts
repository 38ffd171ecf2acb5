import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { itemsInParallelOption } from '../../shared/descriptionParts';

export const DEFAULT_TIMEOUT_MS = 10_000;

export const optionsDescription: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: { show: { resource: ['opportunity'] } },
	options: [
		itemsInParallelOption,
		{
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: false,
			description:
				'Whether to return a flat record (ID, title, stage, bid value and currency, responsible, dates) instead of the full one',
		},
		{
			displayName: 'Sort By',
			name: 'sortBy',
			type: 'options',
			displayOptions: { show: { '/operation': ['getMany'] } },
			options: [
				{ name: 'Bid Value', value: 'bidvalue' },
				{ name: 'Created', value: 'dateandtime' },
				{ name: 'Responsible', value: 'responsible' },
				{ name: 'Stage', value: 'stage' },
				{ name: 'Title', value: 'title' },
			],
			default: 'title',
		},
		{
			displayName: 'Sort Order',
			name: 'sortOrder',
			type: 'options',
			displayOptions: { show: { '/operation': ['getMany'] } },
			options: [
				{ name: 'Ascending', value: 'ascending' },
				{ name: 'Descending', value: 'descending' },
			],
			default: 'ascending',
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_TIMEOUT_MS,
			description: 'How many milliseconds to wait for each ONLYOFFICE answer before failing the item',
		},
	],
};

export interface NodeOptions {
	simplify: boolean;
	timeout: number;
	sortBy?: string;
	sortOrder?: string;
}

export function nodeOptions(this: IExecuteFunctions, itemIndex: number): NodeOptions {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
	if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0) {
		throw new NodeOperationError(this.getNode(), `Timeout must be a positive number of milliseconds (got ${JSON.stringify(timeout)})`, {
			itemIndex,
		});
	}
	return {
		simplify: options.simplify === true,
		timeout,
		sortBy: typeof options.sortBy === 'string' ? options.sortBy : undefined,
		sortOrder: typeof options.sortOrder === 'string' ? options.sortOrder : undefined,
	};
}

import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/itemLoop';
import * as create from './create';
import * as deleteOne from './delete';
import * as get from './get';
import * as getMany from './getMany';
import * as setStage from './setStage';
import * as update from './update';

export const opportunityOperations: Record<string, ItemOperation> = {
	create: create.execute,
	delete: deleteOne.execute,
	get: get.execute,
	getMany: getMany.execute,
	setStage: setStage.execute,
	update: update.execute,
};

export const opportunityDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['opportunity'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create an opportunity', description: 'Create an opportunity' },
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete an opportunity',
				description: 'Delete one opportunity by ID',
			},
			{ name: 'Get', value: 'get', action: 'Get an opportunity', description: 'Get an opportunity by ID' },
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many opportunities',
				description: 'Search opportunities with filters',
			},
			{
				name: 'Set Stage',
				value: 'setStage',
				action: 'Set the stage of an opportunity',
				description: 'Move an opportunity to another stage',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an opportunity',
				description: 'Change some fields of an opportunity; the others keep their values',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteOne.description,
	...setStage.description,
];

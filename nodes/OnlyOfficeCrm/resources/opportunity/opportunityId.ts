import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { opportunityLocator, shownIn, VERSION_1 } from '../../shared/locators';
import { locatorValue } from '../../shared/parameters';
import { assertPositiveId } from '../../shared/validation';

/** Version 1: the plain ID field; version 2: the opportunity locator. */
export function opportunityIdField(operations: string[]): INodeProperties[] {
	return [
		shownIn(VERSION_1, {
			displayName: 'Opportunity ID',
			name: 'opportunityId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '42',
			displayOptions: { show: { resource: ['opportunity'], operation: operations } },
			description: 'The number ONLYOFFICE gave the opportunity (in its address: ...#/deals/42)',
		}),
		opportunityLocator(operations),
	];
}

/** The ID of the opportunity an operation acts on, whichever way the user gave it. */
export function opportunityIdOf(this: IExecuteFunctions, itemIndex: number): number {
	const label = this.getNode().typeVersion >= 2 ? 'Opportunity' : 'Opportunity ID';
	return assertPositiveId.call(this, locatorValue.call(this, 'opportunityId', itemIndex), label, itemIndex);
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { stageField } from '../../shared/fields';
import { shownIn, stageLocator, VERSION_1, VERSION_2_ON } from '../../shared/locators';
import { nodeOptions } from '../../shared/options';
import { locatorValue } from '../../shared/parameters';
import { outputRecord } from '../../shared/record';
import { callPortal } from '../../shared/transport';
import { assertPositiveId } from '../../shared/validation';
import { opportunityIdField, opportunityIdOf } from './opportunityId';

const show = { resource: ['opportunity'], operation: ['setStage'] };

export const description: INodeProperties[] = [
	...opportunityIdField(['setStage']),
	shownIn(VERSION_1, { ...stageField, required: true, displayOptions: { show } }),
	shownIn(VERSION_2_ON, { ...stageLocator, required: true, displayOptions: { show } }),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { simplify, timeout } = nodeOptions.call(this, itemIndex);
	const id = opportunityIdOf.call(this, itemIndex);
	const stageId = assertPositiveId.call(this, locatorValue.call(this, 'stageId', itemIndex), 'Stage', itemIndex);
	const envelope = await callPortal.call(this, {
		method: 'PUT',
		path: `crm/opportunity/${id}/stage/${stageId}`,
		body: { stageid: stageId },
		timeout,
		itemIndex,
	});
	return outputRecord.call(this, envelope.response, simplify, `the stage change of opportunity ${id}`, itemIndex);
}

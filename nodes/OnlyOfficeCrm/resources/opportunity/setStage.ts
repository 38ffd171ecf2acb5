import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { stageField } from '../../shared/fields';
import { nodeOptions } from '../../shared/options';
import { outputRecord } from '../../shared/record';
import { callPortal } from '../../shared/transport';
import { assertPositiveId } from '../../shared/validation';
import { opportunityIdField } from './opportunityId';

const show = { resource: ['opportunity'], operation: ['setStage'] };

export const description: INodeProperties[] = [
	opportunityIdField(['setStage']),
	{ ...stageField, required: true, displayOptions: { show } },
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { simplify, timeout } = nodeOptions.call(this, itemIndex);
	const id = assertPositiveId.call(this, this.getNodeParameter('opportunityId', itemIndex), 'Opportunity ID', itemIndex);
	const stageId = assertPositiveId.call(this, this.getNodeParameter('stageId', itemIndex), 'Stage', itemIndex);
	const envelope = await callPortal.call(this, {
		method: 'PUT',
		path: `crm/opportunity/${id}/stage/${stageId}`,
		body: { stageid: stageId },
		timeout,
		itemIndex,
	});
	return outputRecord.call(this, envelope.response, simplify, `the stage change of opportunity ${id}`, itemIndex);
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { opportunityFieldOptions, stageField, titleField } from '../../shared/fields';
import { nodeOptions } from '../../shared/options';
import { outputRecord } from '../../shared/record';
import { draftFromFields, finalizeDraft } from '../../shared/requestBody';
import { callPortal } from '../../shared/transport';
import { assertValidBody } from '../../shared/validation';

const show = { resource: ['opportunity'], operation: ['create'] };

export const description: INodeProperties[] = [
	{ ...titleField, required: true, displayOptions: { show } },
	{ ...stageField, required: true, displayOptions: { show } },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: opportunityFieldOptions,
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { simplify, timeout } = nodeOptions.call(this, itemIndex);
	const draft = draftFromFields({
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		title: this.getNodeParameter('title', itemIndex, ''),
		stageId: this.getNodeParameter('stageId', itemIndex, ''),
	});
	const body = assertValidBody.call(this, finalizeDraft(draft), itemIndex);
	const envelope = await callPortal.call(this, { method: 'POST', path: 'crm/opportunity', body, timeout, itemIndex });
	return outputRecord.call(this, envelope.response, simplify, 'the create', itemIndex);
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { opportunityFieldOptions, stageField, titleField } from '../../shared/fields';
import { shownIn, stageLocator, VERSION_1, VERSION_2_ON, withLocators } from '../../shared/locators';
import { nodeOptions } from '../../shared/options';
import { collectionWithLocators, locatorValue } from '../../shared/parameters';
import { outputRecord } from '../../shared/record';
import { draftFromFields, finalizeDraft } from '../../shared/requestBody';
import { callPortal } from '../../shared/transport';
import { assertValidBody } from '../../shared/validation';

const show = { resource: ['opportunity'], operation: ['create'] };

const additionalFields = (options: INodeProperties[]): INodeProperties => ({
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	displayOptions: { show },
	options,
});

export const description: INodeProperties[] = [
	{ ...titleField, required: true, displayOptions: { show } },
	shownIn(VERSION_1, { ...stageField, required: true, displayOptions: { show } }),
	shownIn(VERSION_2_ON, { ...stageLocator, required: true, displayOptions: { show } }),
	shownIn(VERSION_1, additionalFields(opportunityFieldOptions)),
	shownIn(VERSION_2_ON, additionalFields(withLocators(opportunityFieldOptions))),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { simplify, timeout } = nodeOptions.call(this, itemIndex);
	const draft = draftFromFields({
		...collectionWithLocators.call(this, 'additionalFields', itemIndex),
		title: this.getNodeParameter('title', itemIndex, ''),
		stageId: locatorValue.call(this, 'stageId', itemIndex, ''),
	});
	const body = assertValidBody.call(this, finalizeDraft(draft), itemIndex);
	const envelope = await callPortal.call(this, { method: 'POST', path: 'crm/opportunity', body, timeout, itemIndex });
	return outputRecord.call(this, envelope.response, simplify, 'the create', itemIndex);
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { opportunityFieldOptions, stageField, titleField } from '../../shared/fields';
import { shownIn, VERSION_1, VERSION_2_ON, withLocators } from '../../shared/locators';
import { nodeOptions } from '../../shared/options';
import { collectionWithLocators } from '../../shared/parameters';
import { outputRecord, parseRecord } from '../../shared/record';
import { draftFromFields, draftFromRecord, finalizeDraft, mergeDrafts } from '../../shared/requestBody';
import { callPortal } from '../../shared/transport';
import { assertValidBody, assertValidChanges } from '../../shared/validation';
import { opportunityIdField, opportunityIdOf } from './opportunityId';

// By code unit rather than localeCompare: the first localeCompare after n8n starts builds ICU's
// collator, about 10 ms of every n8n start. Same order for these names (tested).
const byDisplayName = (a: INodeProperties, b: INodeProperties): number =>
	a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : 0;

const updateFieldOptions = [...opportunityFieldOptions, stageField, titleField].sort(byDisplayName);

const updateFields = (options: INodeProperties[]): INodeProperties => ({
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	displayOptions: { show: { resource: ['opportunity'], operation: ['update'] } },
	description: 'Only the fields added here change; every other field keeps its value',
	options,
});

export const description: INodeProperties[] = [
	...opportunityIdField(['update']),
	shownIn(VERSION_1, updateFields(updateFieldOptions)),
	shownIn(VERSION_2_ON, updateFields(withLocators(updateFieldOptions))),
];

/**
 * The portal's PUT replaces the whole record (a field left out is emptied), so the record is read
 * first and written back in full with the user's changes on top.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { simplify, timeout } = nodeOptions.call(this, itemIndex);
	const id = opportunityIdOf.call(this, itemIndex);
	const changes = draftFromFields(collectionWithLocators.call(this, 'updateFields', itemIndex));
	if (Object.keys(changes).filter((key) => key !== 'isNotify').length === 0) {
		throw new NodeOperationError(this.getNode(), 'Update Fields: add at least one field to change', {
			itemIndex,
			description: 'Nothing was sent.',
		});
	}
	assertValidChanges.call(this, finalizeDraft(changes), itemIndex);
	const path = `crm/opportunity/${id}`;
	const current = await callPortal.call(this, { method: 'GET', path, timeout, itemIndex });
	const record = parseRecord.call(this, current.response, `opportunity ${id}`, itemIndex);
	const body = assertValidBody.call(this, finalizeDraft(mergeDrafts(draftFromRecord(record), changes)), itemIndex);
	const envelope = await callPortal.call(this, { method: 'PUT', path, body, timeout, itemIndex });
	return outputRecord.call(this, envelope.response, simplify, `the update of opportunity ${id}`, itemIndex);
}

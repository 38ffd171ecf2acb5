import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isRecord } from '../../shared/values';
import { OPPORTUNITY_URL_RULE } from './locators';

const isLocatorValue = (value: unknown): value is { mode?: unknown; value?: unknown } =>
	isRecord(value) && value.__rl === true;

/**
 * A parameter as the operation uses it: the ID a resource locator holds (version 2: From List, By
 * URL, By ID), or the plain value (version 1). `path` may reach into a collection
 * (`updateFields.stageId`). An address n8n cannot read an ID from (an expression's: the editor checks
 * typed ones) is refused with the rule.
 */
export function locatorValue(this: IExecuteFunctions, path: string, itemIndex: number, fallback?: unknown): IDataObject[string] {
	try {
		return this.getNodeParameter(path, itemIndex, fallback, { extractValue: true }) as IDataObject[string];
	} catch (error) {
		// Only the opportunity has a By URL mode.
		const raw: unknown = this.getNodeParameter(path, itemIndex, null);
		// n8n's own error (already a NodeOperationError, which this returns as is) for anything else.
		if (!isLocatorValue(raw) || raw.mode !== 'url') throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		throw new NodeOperationError(this.getNode(), `${OPPORTUNITY_URL_RULE} (got ${JSON.stringify(raw.value ?? '')})`, {
			itemIndex,
			description: 'Checked by n8n before sending; nothing was sent. Choose By ID to give the number itself.',
		});
	}
}

/** A collection (Additional Fields, Update Fields, Filters) with every locator in it read as its ID. */
export function collectionWithLocators(this: IExecuteFunctions, name: string, itemIndex: number): IDataObject {
	const fields = { ...(this.getNodeParameter(name, itemIndex, {}) as IDataObject) };
	for (const [key, value] of Object.entries(fields)) {
		if (isLocatorValue(value)) fields[key] = locatorValue.call(this, `${name}.${key}`, itemIndex);
	}
	return fields;
}

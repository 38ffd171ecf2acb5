import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { nodeOptions } from '../../shared/options';
import { outputRecord } from '../../shared/record';
import { callPortal } from '../../shared/transport';
import { opportunityIdField, opportunityIdOf } from './opportunityId';

export const description: INodeProperties[] = opportunityIdField(['get']);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { simplify, timeout } = nodeOptions.call(this, itemIndex);
	const id = opportunityIdOf.call(this, itemIndex);
	const envelope = await callPortal.call(this, { method: 'GET', path: `crm/opportunity/${id}`, timeout, itemIndex });
	return outputRecord.call(this, envelope.response, simplify, `opportunity ${id}`, itemIndex);
}

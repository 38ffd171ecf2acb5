import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { crmUserFields } from '../../shared/descriptions';
import { timeoutFor } from '../../shared/redirectOperation';
import { authenticate } from '../../shared/signIn';

export const description: INodeProperties[] = crmUserFields({
	resource: ['authentication'],
	operation: ['crmUser'],
});

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { access_token, dealhub_user_id } = await authenticate.call(this, 'crm', itemIndex, timeoutFor(this, itemIndex));
	return { access_token, dealhub_user_id };
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { partnerUserFields } from '../../shared/descriptions';
import { timeoutFor } from '../../shared/redirectOperation';
import { authenticate } from '../../shared/signIn';

export const description: INodeProperties[] = partnerUserFields({
	resource: ['authentication'],
	operation: ['partnerUser'],
});

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { access_token } = await authenticate.call(this, 'partner', itemIndex, timeoutFor(this, itemIndex));
	return { access_token };
}

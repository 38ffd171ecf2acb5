import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { calloutSkus, fanOutLineItems, requestWithoutSecret } from '../DealHubCallout/fanOut';
import type { CalloutRequest } from '../DealHubCallout/requestSchema';

export type TriggerOutput = 'lineItems' | 'request' | 'skus';

/** The workflow's input: one item per line item, one for the request, or one with its SKUs; never the secret. */
export function triggerItems(
	request: CalloutRequest,
	output: TriggerOutput,
	includePlaybookAnswers: boolean,
): INodeExecutionData[] {
	if (output === 'request') {
		return [{ json: requestWithoutSecret(request, includePlaybookAnswers) as IDataObject, pairedItem: { item: 0 } }];
	}
	if (output === 'skus') return [{ json: calloutSkus(request, includePlaybookAnswers) as unknown as IDataObject, pairedItem: { item: 0 } }];
	const lineItems = fanOutLineItems(request, includePlaybookAnswers);
	const items: INodeExecutionData[] = new Array(lineItems.length);
	for (let index = 0; index < lineItems.length; index++) {
		items[index] = { json: lineItems[index] as IDataObject, pairedItem: { item: index } };
	}
	return items;
}

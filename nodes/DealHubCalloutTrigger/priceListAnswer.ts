import type { IWebhookFunctions } from 'n8n-workflow';

import type { CalloutAnswer } from '../DealHubCallout/answer';
import { refusal } from '../DealHubCallout/answer';
import type { PriceListRow } from '../DealHubCallout/priceList';
import { answerFromPriceList, parsePriceList } from '../DealHubCallout/priceList';
import type { PriceField } from '../DealHubCallout/pricedResponse';
import type { CalloutRequest } from '../DealHubCallout/requestSchema';

/** The answer from the trigger's own Price List parameter; a list that does not parse is a 400. */
export function priceListAnswer(this: IWebhookFunctions, request: CalloutRequest): CalloutAnswer {
	const priceList = parsePriceList(this.getNodeParameter('priceList.rows', []) as PriceListRow[]);
	if (!priceList.ok) return refusal(400, priceList.message);
	const priceField = this.getNodeParameter('priceField', 'price') as PriceField;
	return answerFromPriceList(request, priceList.priceList, priceField);
}

import type { RedirectOperation } from '../../shared/redirectOperation';
import { partnerCreateQuoteRequestSchema } from '../../shared/schemas';

export const operation: RedirectOperation = {
	api: 'partner',
	path: '/api/v1/create/quote',
	schema: partnerCreateQuoteRequestSchema,
	buildBody(itemIndex) {
		return { opportunity_id: this.getNodeParameter('opportunityId', itemIndex, '') as string };
	},
};

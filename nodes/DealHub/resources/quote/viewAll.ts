import type { RedirectOperation } from '../../shared/redirectOperation';
import { quotePageBody } from '../../shared/requestBodies';
import { viewQuotesRequestSchema } from '../../shared/schemas';

export const operation: RedirectOperation = {
	api: 'crm',
	path: '/api/v2/quotes',
	schema: viewQuotesRequestSchema,
	buildBody(itemIndex) {
		return quotePageBody(this, itemIndex);
	},
};

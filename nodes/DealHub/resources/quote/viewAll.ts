import type { RedirectOperation } from '../../shared/redirectOperation';
import { compact, opportunityInfoFromParameters } from '../../shared/requestBodies';
import { viewQuotesRequestSchema } from '../../shared/schemas';

export const operation: RedirectOperation = {
	api: 'crm',
	path: '/api/v2/quotes',
	schema: viewQuotesRequestSchema,
	buildBody(itemIndex) {
		const update = this.getNodeParameter('updateOpportunityInfo', itemIndex, false) as boolean;
		return compact({
			external_opportunity_id: this.getNodeParameter('externalOpportunityId', itemIndex, '') as string,
			opportunity_info: update ? opportunityInfoFromParameters(this, itemIndex) : undefined,
		});
	},
};

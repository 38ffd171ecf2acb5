import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/descriptionParts';
import type { Quote } from '../../shared/quoteApi';
import { getQuoteApiJson, quoteListSchema } from '../../shared/quoteApi';
import { timeoutFor } from '../../shared/redirectOperation';
import { UPGRADE_NOTICE, chosenDetails, detailsField, lineItemsAsItemsField, quoteOutputs } from './get';

const show = { resource: ['quote'], operation: ['getMany'] };

/** DealHub answers at most 50 quotes a page, and pages no further than offset 10,000. */
const PAGE_SIZE = 50;
const MAX_OFFSET = 10_000;

export const description: INodeProperties[] = [
	{
		displayName: 'CRM Opportunity ID',
		name: 'crmOpportunityId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show },
		description: 'The opportunity’s ID in your CRM (external_opportunity_id): its quotes are listed',
	},
	...returnAllFields(show),
	detailsField(['getMany']),
	lineItemsAsItemsField(['getMany']),
];

/** GET /api/v2/quotes for one CRM opportunity, page by page while DealHub says more match. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const opportunityId = String(this.getNodeParameter('crmOpportunityId', itemIndex, '')).trim();
	if (opportunityId === '' || opportunityId.length > 50) {
		throw new NodeOperationError(this.getNode(), `CRM Opportunity ID must be 1 to 50 characters (got ${opportunityId.length})`, {
			itemIndex,
			description: 'Nothing was sent.',
		});
	}
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : Number(this.getNodeParameter('limit', itemIndex, 50));
	if (!(limit >= 1)) throw new NodeOperationError(this.getNode(), `Limit must be at least 1 (got ${limit})`, { itemIndex });
	const details = chosenDetails.call(this, itemIndex);
	const quotes: Quote[] = [];
	let offset = 0;
	while (quotes.length < limit && offset <= MAX_OFFSET) {
		const qs: IDataObject = { external_opportunity_id: opportunityId, offset, limit: Math.min(PAGE_SIZE, limit - quotes.length) };
		if (details.length > 0) qs.feature = details;
		const page = await getQuoteApiJson.call(
			this,
			{ path: '/api/v2/quotes', qs, timeout: timeoutFor(this, itemIndex), itemIndex, badRequestHint: `check the CRM Opportunity ID (${opportunityId}).` },
			quoteListSchema,
		);
		quotes.push(...page.quotes.slice(0, limit - quotes.length));
		offset += page.quotes.length;
		if (page.info?.more_results_matching_the_request !== true || page.quotes.length === 0) break;
	}
	// One quote that needs an upgrade must not cost the others: it stays, flagged in words.
	const flagged = quotes.map((quote) =>
		quote.quote_upgrade_required === true && details.length > 0 ? { ...quote, notice: UPGRADE_NOTICE } : quote,
	);
	return quoteOutputs.call(this, flagged, itemIndex);
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { Quote } from '../../shared/quoteApi';
import { QUOTE_DETAILS, getQuote, getQuoteApiJson, quoteIdAnswerSchema, withIsoDates } from '../../shared/quoteApi';
import { timeoutFor } from '../../shared/redirectOperation';

/** The three ids a quote is known by. */
type QuoteIdType = 'dealhub' | 'external' | 'proposalNumber';

export const quoteIdFields = (operations: string[]): INodeProperties[] => [
	{
		displayName: 'Quote ID Type',
		name: 'quoteIdType',
		type: 'options',
		options: [
			{ name: 'DealHub Quote ID', value: 'dealhub', description: 'The dealhub_quote_id, as webhooks and other operations give it' },
			{ name: 'CRM Quote ID', value: 'external', description: 'Your CRM’s external_quote_id' },
			{ name: 'Proposal Number', value: 'proposalNumber', description: 'The number users see in DealHub, such as Q-12927' },
		],
		default: 'dealhub',
		displayOptions: { show: { resource: ['quote'], operation: operations } },
	},
	{
		displayName: 'Quote ID',
		name: 'quoteId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 5F2A9C31D0B84E67 or Q-12927',
		displayOptions: { show: { resource: ['quote'], operation: operations } },
	},
];

export const detailsField = (operations: string[]): INodeProperties => ({
	displayName: 'Details',
	name: 'details',
	type: 'multiOptions',
	options: [
		{ name: 'Answers', value: 'answers', description: 'The playbook answers' },
		{ name: 'Approvals', value: 'approvals' },
		{ name: 'DealRoom Info', value: 'deal_room_info', description: 'The DealRoom link' },
		{ name: 'Info', value: 'info', description: 'Opportunity, customer, quote number, dates, owner' },
		{ name: 'Line Items', value: 'line_items' },
		{ name: 'Summary', value: 'summary', description: 'Currency and totals' },
	],
	default: ['info', 'summary'],
	displayOptions: { show: { resource: ['quote'], operation: operations } },
	description: 'The blocks of the quote to read. None gives only its ID, status and whether it needs an upgrade.',
});

export const lineItemsAsItemsField = (operations: string[]): INodeProperties => ({
	displayName: 'Line Items as Items',
	name: 'lineItemsAsItems',
	type: 'boolean',
	default: false,
	displayOptions: { show: { resource: ['quote'], operation: operations, details: ['line_items'] } },
	description: 'Whether to output one item per line item (with the quote’s ID and number) instead of one per quote, e.g. to write CRM line items',
});

/** The quote's DealHub id, for any of its three ids; the proposal number is looked up first. */
export async function resolveQuoteId(this: IExecuteFunctions, itemIndex: number): Promise<{ id: string; external: boolean }> {
	const idType = this.getNodeParameter('quoteIdType', itemIndex, 'dealhub') as QuoteIdType;
	const id = String(this.getNodeParameter('quoteId', itemIndex, '')).trim();
	if (id === '') throw new NodeOperationError(this.getNode(), 'Quote ID is empty', { itemIndex, description: 'Nothing was sent.' });
	if (idType === 'dealhub' && id.length > 16) {
		throw new NodeOperationError(this.getNode(), `Quote ID must be at most 16 characters, as DealHub quote IDs are (got ${id.length})`, {
			itemIndex,
			description: 'Choose Quote ID Type: CRM Quote ID for your CRM’s id. Nothing was sent.',
		});
	}
	if (idType !== 'proposalNumber') return { id, external: idType === 'external' };
	const answer = await getQuoteApiJson.call(
		this,
		{ path: `/api/v1/quote/id/${encodeURIComponent(id)}`, timeout: timeoutFor(this, itemIndex), itemIndex, badRequestHint: `no quote has the proposal number ${id}.` },
		quoteIdAnswerSchema,
	);
	return { id: answer.dealhub_quote_id, external: false };
}

/**
 * The quote's DealHub id, for endpoints that take no other (the document): a CRM quote id is
 * looked up with Get Quote without detail blocks, which answers the DealHub id.
 */
export async function resolveDealHubQuoteId(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	const { id, external } = await resolveQuoteId.call(this, itemIndex);
	if (!external) return id;
	const quote = await getQuote.call(
		this,
		id,
		[],
		{ timeout: timeoutFor(this, itemIndex), itemIndex, badRequestHint: `no quote has the CRM quote id ${id}.` },
		true,
	);
	return quote.dealhub_quote_id;
}

export function chosenDetails(this: IExecuteFunctions, itemIndex: number): string[] {
	const chosen = this.getNodeParameter('details', itemIndex, []) as string[];
	const unknown = chosen.filter((detail) => !(QUOTE_DETAILS as readonly string[]).includes(detail));
	if (unknown.length > 0) {
		throw new NodeOperationError(this.getNode(), `Details must be among ${QUOTE_DETAILS.join(', ')} (got ${unknown.join(', ')})`, { itemIndex });
	}
	return chosen;
}

export const UPGRADE_NOTICE =
	'The quote is a Draft built on a DealHub Version that is no longer active. A user must open it in DealHub and upgrade it to the active Version; until then DealHub answers only its ID and status.';

/**
 * DealHub withholds every block of a Draft built on a Version that is no longer active, and says
 * so only with `quote_upgrade_required`: an error that says so, not a quote with empty blocks.
 */
export function assertUpgraded(this: IExecuteFunctions, quote: Quote, details: string[], itemIndex: number): void {
	if (quote.quote_upgrade_required !== true || details.length === 0) return;
	throw new NodeApiError(
		this.getNode(),
		{ message: 'quote_upgrade_required', quote_upgrade_required: true },
		{
			message: `DealHub withholds the details of quote ${quote.dealhub_quote_id}: it needs an upgrade (quote_upgrade_required)`,
			description: UPGRADE_NOTICE,
			itemIndex,
		},
	);
}

/** One output per quote, or one per line item (each with the quote's id and number) when asked. */
export function quoteOutputs(this: IExecuteFunctions, quotes: Quote[], itemIndex: number): IDataObject[] {
	const perLineItem = this.getNodeParameter('lineItemsAsItems', itemIndex, false) as boolean;
	if (!perLineItem) return quotes.map((quote) => withIsoDates(quote) as IDataObject);
	return quotes.flatMap((quote) =>
		(quote.line_items ?? []).map((lineItem) =>
			withIsoDates({
				dealhub_quote_id: quote.dealhub_quote_id,
				dealhub_quote_number: quote.info?.dealhub_quote_number ?? null,
				...lineItem,
			}) as IDataObject,
		),
	);
}

export const description: INodeProperties[] = [...quoteIdFields(['get']), detailsField(['get']), lineItemsAsItemsField(['get'])];

/** GET /api/v2/quote/{id}, with the chosen blocks. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const details = chosenDetails.call(this, itemIndex);
	const { id, external } = await resolveQuoteId.call(this, itemIndex);
	const quote = await getQuote.call(
		this,
		id,
		details,
		{ timeout: timeoutFor(this, itemIndex), itemIndex, badRequestHint: `check the Quote ID and its Quote ID Type (${id}).` },
		external,
	);
	assertUpgraded.call(this, quote, details, itemIndex);
	return quoteOutputs.call(this, [quote], itemIndex);
}

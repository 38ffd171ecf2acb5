import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/descriptionParts';
import { commaList } from '../../../shared/values';
import { responsibleField, stageField } from '../../shared/fields';
import { shownIn, VERSION_1, VERSION_2_ON, withLocators } from '../../shared/locators';
import { nodeOptions } from '../../shared/options';
import { collectionWithLocators } from '../../shared/parameters';
import { collectPages } from '../../shared/paging';
import { outputRecord } from '../../shared/record';
import { isoDateSchema, STAGE_TYPES } from '../../shared/schemas';
import { callPortal } from '../../shared/transport';
import { assertPositiveId } from '../../shared/validation';

const show = { resource: ['opportunity'], operation: ['getMany'] };

const filterOptions: INodeProperties[] = [
	{
		displayName: 'Contact Also Participant',
		name: 'contactAlsoIsParticipant',
		type: 'boolean',
		default: false,
		description: 'Whether to also return opportunities where the contact takes part as a member',
	},
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		description: 'Only opportunities of this contact',
	},
	{
		displayName: 'Expected Close From',
		name: 'fromDate',
		type: 'dateTime',
		default: '',
		description: 'Only opportunities expected to close on or after this date',
	},
	{
		displayName: 'Expected Close To',
		name: 'toDate',
		type: 'dateTime',
		default: '',
		description: 'Only opportunities expected to close on or before this date',
	},
	responsibleField,
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		description: 'Free text the opportunity must contain',
	},
	stageField,
	{
		displayName: 'Stage Type',
		name: 'stageType',
		type: 'options',
		options: [
			{ name: 'Closed and Lost', value: 'ClosedAndLost' },
			{ name: 'Closed and Won', value: 'ClosedAndWon' },
			{ name: 'Open', value: 'Open' },
		],
		default: 'Open',
	},
	{
		displayName: 'Tags',
		name: 'tags',
		type: 'string',
		default: '',
		placeholder: 'vip, renewal',
		description: 'Only opportunities with these tags, separated by commas',
	},
];

const filters = (options: INodeProperties[]): INodeProperties => ({
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	displayOptions: { show },
	options,
});

export const description: INodeProperties[] = [
	...returnAllFields(show),
	shownIn(VERSION_1, filters(filterOptions)),
	shownIn(VERSION_2_ON, filters(withLocators(filterOptions))),
];

function dateFilter(this: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string {
	const text = typeof value === 'string' ? value.trim() : String(value);
	const parsed = isoDateSchema.safeParse(text);
	if (parsed.success) return parsed.data;
	throw new NodeOperationError(this.getNode(), `${label} ${parsed.error.issues[0].message} (got ${JSON.stringify(value)})`, {
		itemIndex,
		description: 'Checked by n8n before sending; nothing was sent.',
	});
}

/** The filter endpoint's query parameters for the Filters the user set. */
function filterQuery(this: IExecuteFunctions, filters: IDataObject, itemIndex: number): IDataObject {
	const qs: IDataObject = {};
	const set = (value: unknown) => value !== undefined && value !== null && value !== '';
	if (set(filters.search)) qs.filterValue = String(filters.search);
	if (set(filters.responsibleId)) qs.responsibleid = String(filters.responsibleId);
	if (set(filters.stageId)) qs.opportunityStagesid = assertPositiveId.call(this, filters.stageId, 'Filters: Stage', itemIndex);
	if (set(filters.stageType)) {
		if (!(STAGE_TYPES as readonly unknown[]).includes(filters.stageType)) {
			throw new NodeOperationError(this.getNode(), `Filters: Stage Type must be one of ${STAGE_TYPES.join(', ')} (got ${JSON.stringify(filters.stageType)})`, { itemIndex });
		}
		qs.stageType = filters.stageType;
	}
	if (set(filters.contactId)) qs.contactid = assertPositiveId.call(this, filters.contactId, 'Filters: Contact ID', itemIndex);
	if (filters.contactAlsoIsParticipant === true) qs.contactAlsoIsParticipant = true;
	const tags = commaList(filters.tags);
	if (tags.length > 0) qs.tags = tags;
	if (set(filters.fromDate)) qs.fromDate = dateFilter.call(this, filters.fromDate, 'Filters: Expected Close From', itemIndex);
	if (set(filters.toDate)) qs.toDate = dateFilter.call(this, filters.toDate, 'Filters: Expected Close To', itemIndex);
	return qs;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { simplify, timeout, sortBy, sortOrder } = nodeOptions.call(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : assertPositiveId.call(this, this.getNodeParameter('limit', itemIndex, 50), 'Limit', itemIndex);
	const qs = filterQuery.call(this, collectionWithLocators.call(this, 'filters', itemIndex), itemIndex);
	if (sortBy) qs.sortBy = sortBy;
	if (sortOrder) qs.sortOrder = sortOrder;
	const records = await collectPages(
		async (startIndex, count) =>
			await callPortal.call(this, {
				method: 'GET',
				path: 'crm/opportunity/filter',
				qs: { ...qs, startIndex, count },
				timeout,
				itemIndex,
			}),
		limit,
	);
	return records.map((record) => outputRecord.call(this, record, simplify, 'the search', itemIndex));
}

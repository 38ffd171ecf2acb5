import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import type { Envelope } from '../shared/envelope';
import { responseList } from '../shared/envelope';
import { opportunityPageUrl } from '../shared/locators';
import { PAGE_SIZE } from '../shared/paging';
import { portalUrlOf } from '../shared/portalUrl';
import { opportunityRecordSchema, stageSchema, userSchema } from '../shared/schemas';
import { callPortal, CREDENTIAL_TYPE } from '../shared/transport';
import { timeoutOf } from './loadOptions';

/** n8n passes back the token of the previous page: here the `startIndex` of the next one. */
function startIndexOf(paginationToken: string | undefined): number {
	const startIndex = Number(paginationToken);
	return Number.isInteger(startIndex) && startIndex > 0 ? startIndex : 0;
}

/**
 * One page of a paged list, and the token of the next page while there is one. `startIndex` moves
 * by what the page held (portals cap a page at their own size); without `total`, an empty page ends.
 */
async function readPage(
	context: ILoadOptionsFunctions,
	path: string,
	query: IDataObject,
	paginationToken: string | undefined,
): Promise<{ page: unknown[]; paginationToken?: string }> {
	const startIndex = startIndexOf(paginationToken);
	const envelope: Envelope = await callPortal.call(context, {
		method: 'GET',
		path,
		qs: { ...query, startIndex, count: PAGE_SIZE },
		timeout: timeoutOf(context),
	});
	const page = responseList(envelope);
	const next = startIndex + page.length;
	const more = page.length > 0 && (envelope.total === undefined || next < envelope.total);
	return { page, paginationToken: more ? String(next) : undefined };
}

const searchText = (filter: string | undefined): string | undefined => (filter?.trim() ? filter.trim() : undefined);

/** Opportunities by title, searched by the portal (`filterValue`), a page at a time. */
export async function searchOpportunities(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = searchText(filter);
	const query: IDataObject = { sortBy: 'title', sortOrder: 'ascending', ...(text ? { filterValue: text } : {}) };
	const { page, paginationToken: next } = await readPage(this, 'crm/opportunity/filter', query, paginationToken);
	const portalUrl = portalUrlOf((await this.getCredentials(CREDENTIAL_TYPE)).portalUrl);
	const results = page
		.map((entry) => opportunityRecordSchema.safeParse(entry))
		.flatMap((parsed) => (parsed.success ? [parsed.data] : []))
		.map(
			(record): INodeListSearchItems => ({
				name: record.title || `Opportunity ${record.id}`,
				value: String(record.id),
				url: portalUrl === undefined ? undefined : opportunityPageUrl(portalUrl, record.id),
			}),
		);
	return { results, paginationToken: next };
}

/** The stages, in the portal's order; the portal sends them all at once, so the search is made here. */
export async function searchStages(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const text = searchText(filter)?.toLowerCase();
	const envelope = await callPortal.call(this, { method: 'GET', path: 'crm/opportunity/stage', timeout: timeoutOf(this) });
	const results = responseList(envelope)
		.map((entry) => stageSchema.safeParse(entry))
		.flatMap((parsed) => (parsed.success ? [parsed.data] : []))
		.filter((stage) => text === undefined || (stage.title ?? '').toLowerCase().includes(text))
		.sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0))
		.map((stage) => ({ name: stage.title || `Stage ${stage.id}`, value: String(stage.id) }));
	return { results };
}

/**
 * Active portal users, searched by the portal by name or email (`people/filter` with `filterValue`),
 * a page at a time. `employeeStatus` 1 is Active: a responsible user must be able to sign in.
 */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = searchText(filter);
	const query: IDataObject = { employeeStatus: 1, ...(text ? { filterValue: text } : {}) };
	const { page, paginationToken: next } = await readPage(this, 'people/filter', query, paginationToken);
	const results = page
		.map((entry) => userSchema.safeParse(entry))
		.flatMap((parsed) => (parsed.success ? [parsed.data] : []))
		.map((user) => ({
			name: user.email && user.displayName ? `${user.displayName} (${user.email})` : user.displayName || user.email || user.id,
			value: user.id,
		}));
	return { results, paginationToken: next };
}

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { describeIssues } from '../../shared/zodIssues';
import type { OpportunityRecord } from './schemas';
import { opportunityRecordSchema } from './schemas';

/** Reads an opportunity from an answer; one without an id means the portal answered something else. */
export function parseRecord(this: IExecuteFunctions, value: unknown, what: string, itemIndex: number): OpportunityRecord {
	const parsed = opportunityRecordSchema.safeParse(value);
	if (parsed.success) return parsed.data;
	throw new NodeApiError(
		this.getNode(),
		{ message: 'unexpected answer' },
		{
			message: `ONLYOFFICE answered ${what} with something that is not an opportunity`,
			description: describeIssues(parsed.error.issues),
			itemIndex,
		},
	);
}

/** The flat record of the Simplify option. */
export function simplifyRecord(record: OpportunityRecord): IDataObject {
	return {
		id: record.id,
		title: record.title ?? '',
		stage: record.stage?.title ?? null,
		bidValue: record.bidValue ?? 0,
		bidCurrency: record.bidCurrency?.abbreviation ?? null,
		responsible: record.responsible?.displayName ?? null,
		expectedCloseDate: record.expectedCloseDate ?? null,
		actualCloseDate: record.actualCloseDate ?? null,
		created: record.created ?? null,
	};
}

/** What an operation outputs for one opportunity: the portal's record as sent, or the simplified one. */
export function outputRecord(this: IExecuteFunctions, value: unknown, simplify: boolean, what: string, itemIndex: number): IDataObject {
	if (!simplify) return value as IDataObject;
	return simplifyRecord(parseRecord.call(this, value, what, itemIndex));
}

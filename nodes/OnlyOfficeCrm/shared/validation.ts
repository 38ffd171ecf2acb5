import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { SafeParseReturnType, ZodIssue } from 'zod';

import { toFiniteNumber } from '../../shared/values';
import { describeIssues } from '../../shared/zodIssues';
import type { OpportunityBody, OpportunityBodyKey } from './schemas';
import { opportunityBodySchema } from './schemas';

/** The names users see in the node, for each key of the request body. */
export const FIELD_LABELS: Record<OpportunityBodyKey, string> = {
	contactid: 'Contact ID',
	members: 'Member Contact IDs',
	title: 'Title',
	description: 'Description',
	responsibleid: 'Responsible',
	bidType: 'Bid Type',
	bidValue: 'Bid Value',
	bidCurrencyAbbr: 'Currency',
	perPeriodValue: 'Per-Period Value',
	stageid: 'Stage',
	successProbability: 'Success Probability (%)',
	actualCloseDate: 'Actual Close Date',
	expectedCloseDate: 'Expected Close Date',
	customFieldList: 'Custom Fields',
	isPrivate: 'Private',
	accessList: 'Access List',
	isNotify: 'Notify Access List',
};

const CUSTOM_FIELD_PARTS: Record<string, string> = { Key: 'Field ID', Value: 'Value' };

function valueAt(body: unknown, path: ReadonlyArray<string | number>): unknown {
	let value = body;
	for (const segment of path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
	return value;
}

function labelOf(path: ReadonlyArray<string | number>): string {
	const [key, index, part] = path;
	let label = FIELD_LABELS[key as OpportunityBodyKey] ?? String(key);
	if (typeof index === 'number') label += ` (entry ${index + 1})`;
	if (typeof part === 'string') label += ` ${CUSTOM_FIELD_PARTS[part] ?? part}`;
	return label;
}

function describeIssue(issue: ZodIssue, body: unknown): string {
	if (issue.code === 'unrecognized_keys') return `Unknown field(s): ${issue.keys.join(', ')}`;
	const value = valueAt(body, issue.path);
	const rule = issue.message.startsWith('Expected') ? `has the wrong type: ${issue.message}` : issue.message;
	const shown = value === undefined || typeof value === 'object' ? '' : ` (got ${JSON.stringify(value)})`;
	return `${labelOf(issue.path)} ${rule}${shown}`;
}

function assertValid<I, T>(
	context: IExecuteFunctions,
	schema: { safeParse(value: unknown): SafeParseReturnType<I, T> },
	body: unknown,
	itemIndex: number,
): T {
	const result = schema.safeParse(body);
	if (result.success) return result.data;
	const message = describeIssues(result.error.issues, { entry: (issue) => describeIssue(issue, body) });
	throw new NodeOperationError(context.getNode(), message, {
		itemIndex,
		description: 'Checked by n8n before sending, with the rules of the ONLYOFFICE API; nothing was sent.',
	});
}

/** Checks a body before it is sent and names each field that breaks a rule; nothing is sent otherwise. */
export function assertValidBody(this: IExecuteFunctions, body: unknown, itemIndex: number): OpportunityBody {
	return assertValid(this, opportunityBodySchema, body, itemIndex);
}

/** Checks only the fields an update sets, before the record is even read. */
export function assertValidChanges(this: IExecuteFunctions, changes: unknown, itemIndex: number): Partial<OpportunityBody> {
	return assertValid(this, opportunityBodySchema.partial(), changes, itemIndex);
}

/** A positive whole number from a parameter that may hold a number or a string. */
export function assertPositiveId(this: IExecuteFunctions, value: unknown, label: string, itemIndex: number): number {
	const id = toFiniteNumber(value);
	if (id !== undefined && Number.isInteger(id) && id > 0) return id;
	throw new NodeOperationError(this.getNode(), `${label} must be a positive whole number (got ${JSON.stringify(value ?? '')})`, {
		itemIndex,
		description: 'Checked by n8n before sending; nothing was sent.',
	});
}

import { z } from 'zod';

import { CALENDAR_DATE_RULE, parseIsoDate } from '../../shared/calendarDate';
import { caseInsensitiveObject } from './keys';

/**
 * The opportunity contracts: the body of POST and PUT crm/opportunity (keys exactly as the
 * reference page spells them) and the record the portal answers (read case-insensitively).
 */

export const BID_TYPES = ['FixedBid', 'PerHour', 'PerDay', 'PerWeek', 'PerMonth', 'PerYear'] as const;

export const STAGE_TYPES = ['Open', 'ClosedAndWon', 'ClosedAndLost'] as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const number = () => z.number({ invalid_type_error: 'must be a number', required_error: 'is required' });
const positiveId = () => number().int('must be a whole number').positive('must be a positive whole number');

const userId = z.string().regex(GUID, 'must be a portal user ID (a GUID such as 93f4b6d2-1c1c-469f-9308-51dafefe7436)');

/** The pack's date rule (nodes/shared/calendarDate.ts), as a zod string schema. */
export const isoDateSchema = z.string().refine((value) => parseIsoDate(value) !== undefined, CALENDAR_DATE_RULE);

export const opportunityBodySchema = z
	.object({
		contactid: positiveId().optional(),
		members: z.array(positiveId()).optional(),
		title: z.string({ required_error: 'is required' }).trim().min(1, 'must not be empty'),
		description: z.string().optional(),
		responsibleid: userId.optional(),
		bidType: number().int('must be a whole number').min(0, 'must be 0 to 5').max(5, 'must be 0 to 5').optional(),
		bidValue: number().finite().min(0, 'must not be negative').optional(),
		bidCurrencyAbbr: z
			.string()
			.regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as USD')
			.optional(),
		perPeriodValue: number().int('must be a whole number').min(0, 'must not be negative').optional(),
		stageid: positiveId(),
		successProbability: number()
			.int('must be a whole number')
			.min(0, 'must be from 0 to 100')
			.max(100, 'must be from 0 to 100')
			.optional(),
		actualCloseDate: isoDateSchema.optional(),
		expectedCloseDate: isoDateSchema.optional(),
		customFieldList: z.array(z.object({ Key: positiveId(), Value: z.string() }).strict()).optional(),
		isPrivate: z.boolean().optional(),
		accessList: z.array(userId).optional(),
		isNotify: z.boolean().optional(),
	})
	.strict();

export type OpportunityBody = z.infer<typeof opportunityBodySchema>;

export type OpportunityBodyKey = keyof OpportunityBody;

const userRef = caseInsensitiveObject({ id: z.string().optional(), displayName: z.string().nullable().optional() });
const contactRef = caseInsensitiveObject({ id: z.number().optional(), displayName: z.string().nullable().optional() });

export const opportunityRecordSchema = caseInsensitiveObject({
	id: z.number(),
	title: z.string().nullable().optional(),
	description: z.string().nullable().optional(),
	contact: contactRef.nullable().optional(),
	members: z.array(contactRef).nullable().optional(),
	responsible: userRef.nullable().optional(),
	bidType: z.union([z.number(), z.string()]).nullable().optional(),
	bidValue: z.number().nullable().optional(),
	bidCurrency: caseInsensitiveObject({ abbreviation: z.string().optional() }).nullable().optional(),
	perPeriodValue: z.number().nullable().optional(),
	stage: caseInsensitiveObject({ id: z.number().optional(), title: z.string().nullable().optional() })
		.nullable()
		.optional(),
	successProbability: z.number().nullable().optional(),
	actualCloseDate: z.string().nullable().optional(),
	expectedCloseDate: z.string().nullable().optional(),
	isPrivate: z.boolean().nullable().optional(),
	accessList: z.array(userRef).nullable().optional(),
	customFields: z
		.array(caseInsensitiveObject({ id: z.number(), fieldValue: z.string().nullable().optional() }))
		.nullable()
		.optional(),
	created: z.string().nullable().optional(),
});

export type OpportunityRecord = z.infer<typeof opportunityRecordSchema>;

export const stageSchema = caseInsensitiveObject({
	id: z.number(),
	title: z.string().nullable().optional(),
	sortOrder: z.number().nullable().optional(),
});

export const userSchema = caseInsensitiveObject({
	id: z.string(),
	displayName: z.string().nullable().optional(),
	email: z.string().nullable().optional(),
});

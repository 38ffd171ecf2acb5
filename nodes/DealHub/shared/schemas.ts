import { z } from 'zod';

/**
 * The DealHub request and response contracts, one schema per body. Lengths and mandatory fields are
 * the CRM Open API's "Valid values" tables; the Partner API documents no lengths, only required keys.
 * Every object is strict because DealHub answers 400 "Unrecognized parameter" to unknown keys.
 */

const optionalText = (max: number) => z.string().max(max).optional();
const requiredText = (max: number) => z.string().min(1).max(max);

/** DealHub returns the user id as a string; examples send it as a number (111.0). Both work. */
export const dealHubUserIdSchema = z.union([
	z.string().min(1).max(16),
	z
		.number()
		.finite()
		.refine((id) => String(id).length <= 16, { params: { maxLength: 16 } }),
]);

export const crmUserSchema = z
	.object({
		external_user_id: requiredText(200),
		login: optionalText(100),
		email: requiredText(100),
		name: requiredText(300),
		position: optionalText(300),
		phone: optionalText(50),
		mobile: optionalText(100),
		fax: optionalText(100),
		company: optionalText(100),
		street: optionalText(128),
		city: optionalText(32),
		state: optionalText(32),
		country: optionalText(32),
		postal_code: optionalText(16),
		user_manager_login: optionalText(100),
	})
	.strict();

export const addressSchema = z
	.object({
		street: optionalText(128),
		city: optionalText(32),
		state: optionalText(32),
		country: optionalText(32),
		postal_code: optionalText(16),
	})
	.strict();

export const customerContactSchema = z
	.object({
		salutation: optionalText(50),
		first_name: requiredText(128),
		last_name: requiredText(128),
		title: optionalText(400),
		email: requiredText(100),
		phone: optionalText(50),
		account_name: optionalText(100),
		mailing_address: optionalText(250),
		primary_contact: z.boolean().optional(),
	})
	.strict();

const CUSTOM_FIELD_VALUE_MAX = 8192;

/** Text and text lists travel as string arrays, numerics as a number, UTC dates as yyyy-mm-dd. */
export const customFieldValueSchema = z.union([
	z.array(z.string().max(CUSTOM_FIELD_VALUE_MAX)),
	z.number().finite(),
	z.string().max(CUSTOM_FIELD_VALUE_MAX),
]);

export const customFieldSchema = z
	.object({
		name: requiredText(200),
		value: customFieldValueSchema,
	})
	.strict();

export const customFieldsSchema = z.array(customFieldSchema).superRefine((fields, ctx) => {
	// Custom field names are case-insensitive in DealHub, so "Region" and "region" collide.
	const seen = new Set<string>();
	const reported = new Set<string>();
	for (const field of fields) {
		const key = field.name.toLowerCase();
		if (seen.has(key) && !reported.has(key)) {
			reported.add(key);
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				message: `Parameter ${field.name} specified more than once in custom_fields list.`,
			});
		}
		seen.add(key);
	}
});

export const repeatableGroupSchema = z
	.object({
		group_id: requiredText(50),
		questions: z.array(z.record(z.unknown())),
	})
	.strict();

const opportunityInfoShape = {
	external_opportunity_name: requiredText(200),
	opportunity_owner: crmUserSchema.optional(),
	external_quote_id: optionalText(50),
	external_customer_id: requiredText(50),
	customer_name: requiredText(256),
	customer_shipping_address: addressSchema.optional(),
	customer_billing_address: addressSchema.optional(),
	customer_contacts: z.array(customerContactSchema).optional(),
	geo_code: requiredText(100),
	currency: requiredText(3),
	custom_fields: customFieldsSchema.optional(),
	repeatable_groups: z.array(repeatableGroupSchema).optional(),
};

export const opportunityInfoSchema = z.object(opportunityInfoShape).strict();

export const crmAuthenticateRequestSchema = z.object({ user_information: crmUserSchema }).strict();

export const createQuoteRequestSchema = z
	.object({
		dealhub_user_id: dealHubUserIdSchema,
		external_opportunity_id: requiredText(50),
		version_id: optionalText(16),
		...opportunityInfoShape,
	})
	.strict();

export const openQuoteRequestSchema = z
	.object({
		dealhub_user_id: dealHubUserIdSchema,
		dealhub_quote_id: requiredText(16),
		external_opportunity_id: requiredText(50),
		opportunity_info: opportunityInfoSchema.optional(),
	})
	.strict();

export const viewQuotesRequestSchema = z
	.object({
		dealhub_user_id: dealHubUserIdSchema,
		external_opportunity_id: requiredText(50),
		opportunity_info: opportunityInfoSchema.optional(),
	})
	.strict();

export const viewOpportunitiesRequestSchema = z
	.object({ dealhub_user_id: dealHubUserIdSchema })
	.strict();

export const partnerUserSchema = z
	.object({
		type: z.literal('partner'),
		user_id: z.string().min(1),
		login: z.string().min(1),
		email: z.string().min(1),
		name: z.string().min(1),
		position: z.string().optional(),
		phone: z.string().optional(),
		mobile: z.string().optional(),
		fax: z.string().optional(),
		company: z.string().optional(),
		street: z.string().optional(),
		city: z.string().optional(),
		state: z.string().optional(),
		country: z.string().optional(),
		postal_code: z.string().optional(),
		profile_img: z.string().optional(),
	})
	.strict();

/** The `authentication` key is added by the credential, never by node code. */
export const partnerAuthenticateRequestSchema = z
	.object({ user_information: partnerUserSchema })
	.strict();

export const partnerCreateQuoteRequestSchema = z
	.object({ opportunity_id: z.string().min(1) })
	.strict();

export const partnerOpenQuoteRequestSchema = z
	.object({ opportunity_id: z.string().min(1), quote_id: z.string().min(1) })
	.strict();

export const partnerOpenOpportunityRequestSchema = partnerCreateQuoteRequestSchema;

const errorListSchema = z.array(z.unknown()).optional();

export const authenticateResponseSchema = z
	.object({
		access_token: z.string().min(1),
		dealhub_user_id: z.union([z.string(), z.number()]).optional(),
		errors: errorListSchema,
	})
	.passthrough();

export const redirectResponseSchema = z
	.object({ url: z.string().min(1), errors: errorListSchema })
	.passthrough();

export type CrmUser = z.infer<typeof crmUserSchema>;
export type PartnerUser = z.infer<typeof partnerUserSchema>;
export type OpportunityInfo = z.infer<typeof opportunityInfoSchema>;
export type CreateQuoteRequest = z.infer<typeof createQuoteRequestSchema>;
export type OpenQuoteRequest = z.infer<typeof openQuoteRequestSchema>;
export type ViewQuotesRequest = z.infer<typeof viewQuotesRequestSchema>;
export type AuthenticateResponse = z.infer<typeof authenticateResponseSchema>;
export type RedirectResponse = z.infer<typeof redirectResponseSchema>;
export type DealHubUserId = z.infer<typeof dealHubUserIdSchema>;

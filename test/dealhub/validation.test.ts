import type { IDataObject } from 'n8n-workflow';

import { CALENDAR_DATE_RULE } from '../../nodes/shared/calendarDate';
import type { DealHubStandIn } from '../standins/dealhub';
import { CREATE_QUOTE, CRM_USER, requestsTo, runDealHub, startStandIn } from './fixtures';

/** Required fields left empty by an expression: n8n itself refuses statically empty ones. */
const EMPTY = '={{ "" }}';

describe('DealHub node: validation before sending, in DealHub’s words', () => {
	let standIn: DealHubStandIn;
	beforeEach(async () => (standIn = await startStandIn()));
	afterEach(async () => await standIn.stop());

	async function expectRefused(parameters: IDataObject, message: string) {
		const run = await runDealHub(standIn, parameters);
		expect(run.error?.message).toBe(message);
		expect(run.error?.name).toBe('NodeOperationError');
		return run;
	}

	test('missing mandatory fields are listed together, and nothing is sent (no token is spent)', async () => {
		await expectRefused(
			{ ...CREATE_QUOTE, customerName: EMPTY, geoCode: EMPTY },
			'Request payload missing mandatory field(s): customer_name, geo_code',
		);
		expect(standIn.requests).toHaveLength(0);
	});

	test('missing user fields of the sign-in are named by their API path', async () => {
		await expectRefused(
			{ resource: 'authentication', operation: 'crmUser', ...CRM_USER, userEmail: EMPTY },
			'Request payload missing mandatory field(s): user_information.email',
		);
		expect(standIn.requests).toHaveLength(0);
	});

	test('maximum lengths use DealHub’s message, currency included', async () => {
		await expectRefused(
			{ ...CREATE_QUOTE, customerName: 'x'.repeat(257) },
			'The request parameter customer_name exceeds its limits. Allowed maximum length: 256',
		);
		await expectRefused(
			{ ...CREATE_QUOTE, currency: 'USDX' },
			'The request parameter currency exceeds its limits. Allowed maximum length: 3',
		);
		await expectRefused(
			{ resource: 'authentication', operation: 'crmUser', ...CRM_USER, userAdditionalFields: { city: 'c'.repeat(33) } },
			'The request parameter user_information.city exceeds its limits. Allowed maximum length: 32',
		);
		expect(standIn.requests).toHaveLength(0);
	});

	test('nested fields are named with their index', async () => {
		await expectRefused(
			{
				...CREATE_QUOTE,
				opportunityFields: { customer_contacts: { contact: [{ first_name: 'A', last_name: 'B', email: 'a@b.c' }, { first_name: 'C', last_name: '', email: '' }] } },
			},
			'Request payload missing mandatory field(s): customer_contacts[1].last_name, customer_contacts[1].email',
		);
	});

	test('duplicate custom field names (case-insensitive, as in DealHub) are refused', async () => {
		await expectRefused(
			{
				...CREATE_QUOTE,
				opportunityFields: { custom_fields: { field: [{ name: 'Region', type: 'text', value: 'a' }, { name: 'region', type: 'text', value: 'b' }] } },
			},
			'Parameter region specified more than once in custom_fields list.',
		);
	});

	test('custom field values that do not fit their type are refused with the field name', async () => {
		await expectRefused(
			{ ...CREATE_QUOTE, opportunityFields: { custom_fields: { field: [{ name: 'seats', type: 'numeric', value: 'many' }] } } },
			'Custom field seats: "many" is not a number (type Numeric)',
		);
		for (const value of ['31/12/2024', '2023-02-29', '2024-02-30', '2024-13-01', '2024-06-30T25:00:00Z']) {
			await expectRefused(
				{ ...CREATE_QUOTE, opportunityFields: { custom_fields: { field: [{ name: 'start', type: 'date', value }] } } },
				`Custom field start (type Date) ${CALENDAR_DATE_RULE} (got "${value}")`,
			);
		}
		expect(standIn.requests).toHaveLength(0);
		await expectRefused(
			{ ...CREATE_QUOTE, opportunityFields: { repeatable_groups: { group: [{ group_id: 'g', questions: '{"a":1}' }] } } },
			'Repeatable group g: Questions must be a JSON array of objects',
		);
	});

	test('a Date custom field takes real calendar days only: 2024-02-29 is sent, as the UTC day of a date-time too', async () => {
		const run = await runDealHub(standIn, {
			...CREATE_QUOTE,
			opportunityFields: {
				custom_fields: {
					field: [
						{ name: 'leap_day', type: 'date', value: '2024-02-29' },
						{ name: 'late_evening', type: 'date', value: '2024-02-28T23:30:00-02:00' },
					],
				},
			},
		});
		expect(run.error).toBeUndefined();
		expect(requestsTo(standIn, '/api/v1.1/quote/create')[0].body).toMatchObject({
			custom_fields: [
				{ name: 'leap_day', value: '2024-02-29' },
				{ name: 'late_evening', value: '2024-02-29' },
			],
		});
	});

	test('dealhub_user_id accepts numbers and strings, and is limited to 16 characters', async () => {
		const signIn = await runDealHub(standIn, { resource: 'authentication', operation: 'crmUser', ...CRM_USER });
		const { access_token, dealhub_user_id } = signIn.items[0].json as { access_token: string; dealhub_user_id: string };
		const asNumber = await runDealHub(standIn, {
			resource: 'opportunity',
			operation: 'viewMine',
			signIn: 'accessToken',
			accessToken: access_token,
			dealHubUserId: `={{ ${Number(dealhub_user_id)} }}`,
		});
		expect(asNumber.error).toBeUndefined();
		expect(requestsTo(standIn, '/api/v1/opportunities')[0].body).toEqual({ dealhub_user_id: Number(dealhub_user_id) });
		await expectRefused(
			{ resource: 'opportunity', operation: 'viewMine', signIn: 'accessToken', accessToken: 'T', dealHubUserId: '12345678901234567' },
			'The request parameter dealhub_user_id exceeds its limits. Allowed maximum length: 16',
		);
		await expectRefused(
			{ resource: 'opportunity', operation: 'viewMine', signIn: 'accessToken', accessToken: 'T', dealHubUserId: EMPTY },
			'Request payload missing mandatory field(s): dealhub_user_id',
		);
	});

	test('the stand-in agrees: what the node lets through, DealHub accepts', async () => {
		const run = await runDealHub(standIn, { ...CREATE_QUOTE, customerName: 'x'.repeat(256), currency: 'EUR' });
		expect(run.error).toBeUndefined();
	});
});

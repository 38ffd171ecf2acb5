import type { OnlyOfficeStandIn } from '../standins/onlyoffice';
import { calls, loadOptions, passwordCredential, startStandIn, tokenCredential } from './fixtures';

describe('ONLYOFFICE CRM node: pickers (load options)', () => {
	let standIn: OnlyOfficeStandIn;
	beforeEach(async () => (standIn = await startStandIn()));
	afterEach(async () => {
		expect(standIn.batchDeleteCalls).toEqual([]);
		await standIn.stop();
	});

	test('stages come from the stage list, in the portal’s order', async () => {
		const options = await loadOptions(passwordCredential(standIn), 'getStages');
		expect(options).toEqual([
			{ name: 'Initial contact', value: 11 },
			{ name: 'Proposal', value: 12 },
			{ name: 'Negotiation', value: 14 },
			{ name: 'Won', value: 13 },
			{ name: 'Lost', value: 15 },
		]);
		expect(standIn.logins).toHaveLength(1);
		expect(calls(standIn)).toEqual(['GET /api/2.0/crm/opportunity/stage']);
	});

	test('users come from the portal’s people, by name, for the responsible user and the access list', async () => {
		const options = await loadOptions(tokenCredential(standIn, standIn.registerToken()), 'getUsers');
		expect(options).toEqual([
			{ name: 'Ann Admin', value: standIn.users[2].id, description: 'ann@example.com' },
			{ name: 'Olga Ops', value: standIn.users[0].id, description: 'ops@example.com' },
			{ name: 'Sam Sales', value: standIn.users[1].id, description: 'sam@example.com' },
		]);
		expect(calls(standIn)).toEqual(['GET /api/2.0/people?startIndex=0&count=100']);
	});

	test('a picker with a rejected credential shows why', async () => {
		const token = standIn.registerToken();
		standIn.expireTokens();
		await expect(loadOptions(tokenCredential(standIn, token), 'getStages')).rejects.toThrow(
			'ONLYOFFICE did not accept the credential (HTTP 401: Unauthorized)',
		);
	});
});

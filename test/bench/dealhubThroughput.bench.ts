import { mapWithConcurrency } from '../../nodes/shared/mapWithConcurrency';
import { CREATE_QUOTE, SECRET, runDealHub, startStandIn } from '../dealhub/fixtures';
import type { DealHubStandIn } from '../standins/dealhub';
import { machine, now, printTable } from './report';

const ITEMS = 1000;
const ROUNDS = 3;
const CONCURRENCIES = [1, 10];

/** What a user would write by hand: sign in, then create, with fetch, at the same concurrency. */
async function plainFetchLoop(standIn: DealHubStandIn, concurrency: number): Promise<void> {
	await mapWithConcurrency(ITEMS, concurrency, async (index) => {
		const signIn = await fetch(`${standIn.baseUrl}/api/v1/user/authenticate`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ user_information: { external_user_id: 'crm-user-42', email: 'david.s@domain.com', name: 'David Solomon' } }),
		});
		const { access_token, dealhub_user_id } = (await signIn.json()) as { access_token: string; dealhub_user_id: string };
		const create = await fetch(`${standIn.baseUrl}/api/v1.1/quote/create`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${access_token}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({
				dealhub_user_id,
				external_opportunity_id: `plain-${index}`,
				external_opportunity_name: 'Acme renewal',
				external_customer_id: 'acme',
				customer_name: 'Acme Inc.',
				geo_code: 'NA',
				currency: 'USD',
			}),
		});
		const answer = (await create.json()) as { url?: string };
		if (!answer.url) throw new Error(`plain loop item ${index} failed`);
	});
}

async function dealHubNode(standIn: DealHubStandIn, concurrency: number): Promise<void> {
	const input = Array.from({ length: ITEMS }, (_, index) => ({ json: { index } }));
	const run = await runDealHub(
		standIn,
		{ ...CREATE_QUOTE, externalOpportunityId: '=node-{{ $json.index }}', options: { concurrency } },
		{ input },
	);
	if (run.error || run.items.length !== ITEMS) throw new Error(`node run failed: ${run.error?.message}`);
}

test('DealHub node throughput vs a plain fetch loop (1,000 items, sign-in + create each)', async () => {
	const rows = [];
	for (const concurrency of CONCURRENCIES) {
		const times = { node: [] as number[], plain: [] as number[] };
		for (let round = 0; round < ROUNDS; round++) {
			for (const [name, body] of [['node', dealHubNode], ['plain', plainFetchLoop]] as const) {
				const standIn = await startStandIn();
				const started = now();
				await body(standIn, concurrency);
				times[name].push(now() - started);
				await standIn.stop();
			}
		}
		const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
		const nodeRate = ITEMS / (median(times.node) / 1000);
		const plainRate = ITEMS / (median(times.plain) / 1000);
		rows.push({
			name: `concurrency ${concurrency}`,
			figures: {
				'DealHub node items/s': nodeRate.toFixed(0),
				'plain fetch items/s': plainRate.toFixed(0),
				'ratio (target >= 0.8)': (nodeRate / plainRate).toFixed(2),
			},
		});
	}
	printTable('3. DealHub node throughput (in-process n8n engine, loopback stand-in)', rows, [
		`Median of ${ROUNDS} interleaved rounds; each item = sign-in + create quote (2,000 calls per run). ${machine()}`,
	]);
});

import type { RunningN8n } from './harness';
import { LAUNCH_TIMEOUT_MS, describeEachN8nVersion, fixtureWorkflow, isListening, launchN8n } from './harness';

// The runtime itself: the pack installed as a community package is loaded, the Code node works
// (n8n's task runner, which the benchmarks' comparisons need), and stopping leaves nothing open.
describeEachN8nVersion('n8n runtime', (version) => {
	let n8n: RunningN8n | undefined;

	beforeAll(async () => {
		n8n = await launchN8n(version, { workflows: [fixtureWorkflow('code-node-check.json')] });
	}, LAUNCH_TIMEOUT_MS);

	afterAll(async () => {
		await n8n?.stop();
	});

	test('loads every node the pack registers, from <user folder>/.n8n/nodes', () => {
		expect(n8n!.packNodeTypes).toEqual(expect.arrayContaining(['n8n-nodes-dealhub.dealHub']));
	});

	test('runs a Code node', async () => {
		const response = await fetch(n8n!.webhookUrl('e2e-code-node'), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ numbers: [1, 2, 39] }),
		});
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ sum: 42 });
	});

	test('stops by PID and leaves nothing listening', async () => {
		const { port, brokerPort } = n8n!;
		await n8n!.stop();
		expect(await isListening(port)).toBe(false);
		expect(await isListening(brokerPort)).toBe(false);
	});
});

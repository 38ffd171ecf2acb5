// The executions n8n recorded for a workflow, read over its REST API as the owner: how the callout
// end-to-end tests prove that a refused callout ran no workflow. JavaScript for the timers (see
// test/setup.js).

/** @typedef {import('./harness').RunningN8n} RunningN8n */

/**
 * The ids of the newest executions of `workflowId` n8n has recorded (at most 100, newest first;
 * running ones too: n8n records a webhook's execution before it runs the workflow).
 * @param {RunningN8n} n8n
 * @param {string} workflowId
 * @returns {Promise<string[]>}
 */
async function executionIds(n8n, workflowId) {
	const session = await n8n.ownerSession();
	// 100 is the most both n8n 1.x and 2.x answer in one page (and they page differently).
	const query = new URLSearchParams({ filter: JSON.stringify({ workflowId }), limit: '100' });
	const response = await fetch(`${n8n.baseUrl}/rest/executions?${query}`, {
		headers: { 'browser-id': session.browserId, cookie: session.cookie },
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`GET /rest/executions answered HTTP ${response.status}: ${text.slice(0, 500)}`);
	/** @type {Array<{ id: string | number, workflowId?: string }>} */
	const results = JSON.parse(text).data?.results ?? [];
	const foreign = results.filter((execution) => execution.workflowId !== undefined && execution.workflowId !== workflowId);
	if (foreign.length > 0) throw new Error(`GET /rest/executions ignored the workflowId filter (${workflowId})`);
	return results.map((execution) => String(execution.id));
}

/**
 * The executions of `workflowId` that are not in `before` (taken fewer than 100 executions ago),
 * once there are at least `expected` of them or, at the latest, after `patienceMs` (the caller
 * asserts on what it gets).
 * @param {RunningN8n} n8n
 * @param {string} workflowId
 * @param {string[]} before
 * @param {number} expected
 * @param {number} [patienceMs]
 * @returns {Promise<string[]>}
 */
async function newExecutionIds(n8n, workflowId, before, expected, patienceMs = 30000) {
	const known = new Set(before);
	const deadline = Date.now() + patienceMs;
	for (;;) {
		const fresh = (await executionIds(n8n, workflowId)).filter((id) => !known.has(id));
		if (fresh.length >= expected || Date.now() > deadline) return fresh;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

exports.executionIds = executionIds;
exports.newExecutionIds = newExecutionIds;

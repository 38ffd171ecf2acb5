// The executions n8n recorded for a workflow, read over its REST API as the owner: how the callout
// end-to-end tests prove that a refused callout ran no workflow, and that an accepted one ran
// exactly one. JavaScript for the timers (see test/setup.js).
//
// n8n's executions list may legitimately show one execution twice (the same id once among the
// running and once among the finished ones while it moves between them) and lists an execution
// before it has finished. So ids are counted distinct, and a count is read only once every new
// execution has settled.

/** @typedef {{ baseUrl: string, ownerSession(): Promise<import('./harness').RestSession> }} RunningN8n n8n whose REST API answers at baseUrl (one process, or queue mode's main) */

/** The statuses of an execution that may still change (n8n 1.x and 2.x). */
const UNSETTLED = new Set(['new', 'running', 'waiting']);

/**
 * The newest executions of `workflowId` n8n has recorded (at most 100, newest first, each id once;
 * running ones too: n8n records a webhook's execution before it runs the workflow).
 * @param {RunningN8n} n8n
 * @param {string} workflowId
 * @returns {Promise<Array<{ id: string, settled: boolean }>>}
 */
async function listExecutions(n8n, workflowId) {
	const session = await n8n.ownerSession();
	// 100 is the most both n8n 1.x and 2.x answer in one page (and they page differently).
	const query = new URLSearchParams({ filter: JSON.stringify({ workflowId }), limit: '100' });
	const response = await fetch(`${n8n.baseUrl}/rest/executions?${query}`, {
		headers: { 'browser-id': session.browserId, cookie: session.cookie },
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`GET /rest/executions answered HTTP ${response.status}: ${text.slice(0, 500)}`);
	/** @type {Array<{ id: string | number, workflowId?: string, status?: string, finished?: boolean, stoppedAt?: string | null }>} */
	const results = JSON.parse(text).data?.results ?? [];
	const foreign = results.filter((execution) => execution.workflowId !== undefined && execution.workflowId !== workflowId);
	if (foreign.length > 0) throw new Error(`GET /rest/executions ignored the workflowId filter (${workflowId})`);
	/** @type {Map<string, boolean>} */
	const settledById = new Map();
	for (const execution of results) {
		const id = String(execution.id);
		const settled = execution.status === undefined ? Boolean(execution.stoppedAt) : !UNSETTLED.has(execution.status);
		// An id listed twice is settled when any of its entries is.
		settledById.set(id, settledById.get(id) === true || settled);
	}
	return [...settledById].map(([id, settled]) => ({ id, settled }));
}

/**
 * The distinct ids of the newest executions of `workflowId` (at most 100).
 * @param {RunningN8n} n8n
 * @param {string} workflowId
 * @returns {Promise<string[]>}
 */
async function executionIds(n8n, workflowId) {
	return (await listExecutions(n8n, workflowId)).map((execution) => execution.id);
}

/**
 * The distinct executions of `workflowId` that are not in `before` (taken fewer than 100 executions
 * ago), read once there are at least `expected` of them and all of them have settled, or at the
 * latest after `patienceMs` (the caller asserts on what it gets). Waiting for them to settle also
 * gives a stray extra execution time to show up, so that "exactly one" is a real check.
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
		const fresh = (await listExecutions(n8n, workflowId)).filter((execution) => !known.has(execution.id));
		const settled = fresh.every((execution) => execution.settled);
		if ((fresh.length >= expected && settled) || Date.now() > deadline) return fresh.map((execution) => execution.id);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

exports.executionIds = executionIds;
exports.newExecutionIds = newExecutionIds;

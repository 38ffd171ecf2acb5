// The load generator of benchmark 1, run as its own process (node test/bench/loadgen.js <plan.json>)
// so that it never shares an event loop with the benchmark or with n8n. A closed loop: a fixed
// number of workers, each sending its next request as soon as the previous one is answered, over
// keep-alive connections on loopback. It prints one JSON object: latencies per target.
'use strict';
const fs = require('node:fs');
const http = require('node:http');

/**
 * @typedef {object} Target
 * @property {string} url
 * @property {Record<string, string>} headers
 * @property {string} bodyFile the request body, read once
 * @property {string} [expectedFile] the exact answer expected; every answer is compared with it
 *
 * @typedef {object} Plan
 * @property {Record<string, Target>} targets
 * @property {string[]} order the targets, measured in this order, rotated by one each round
 * @property {number} concurrency callers
 * @property {number} sliceMs length of one slice (the callers' last requests finish after it)
 * @property {number} goalMs a target gets slices until its slices took this long in total
 * @property {number} [gapMs] service-time mode (one caller): the targets take turns request by
 *   request (the order rotated each round), with this pause after every request, until goalMs has
 *   passed in all; latencies then are service times, not queueing
 *
 * @typedef {object} Outcome
 * @property {number[]} latenciesMs
 * @property {number} elapsedMs the time the counted slices took
 * @property {number} errors
 * @property {string[]} errorSamples
 */

/** @param {string} file */
function readPlan(file) {
	/** @type {Plan} */
	const plan = JSON.parse(fs.readFileSync(file, 'utf8'));
	return plan;
}

/**
 * One request; resolves with the status and the answer's bytes, never rejects.
 * @param {http.Agent | false} agent @param {URL} url @param {Record<string, string>} headers @param {Buffer} body
 * @returns {Promise<{ status: number, body: Buffer } | { error: string }>}
 */
function send(agent, url, headers, body) {
	return new Promise((resolve) => {
		const request = http.request(
			url,
			{ method: 'POST', agent, headers: { ...headers, 'content-length': String(body.length) } },
			(response) => {
				/** @type {Buffer[]} */
				const chunks = [];
				response.on('data', (chunk) => chunks.push(chunk));
				response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
				response.on('error', (error) => resolve({ error: error.message }));
			},
		);
		request.on('error', (error) => resolve({ error: error.message }));
		request.end(body);
	});
}

/**
 * One request per target first, one after the other and not counted (warm-up). Then rounds: in
 * each, every target that has not had its goalMs yet gets a slice of sliceMs with `concurrency`
 * callers. A slice ends when its last request is answered, so a target whose requests take longer
 * than a slice gets fewer, longer slices; the interleaving keeps each target's slices spread over
 * the whole run.
 * @param {Plan} plan
 * @returns {Promise<Record<string, Outcome>>}
 */
async function runPlan(plan) {
	/** @type {Record<string, { url: URL, headers: Record<string, string>, body: Buffer, expected?: Buffer }>} */
	const targets = {};
	for (const [name, target] of Object.entries(plan.targets)) {
		targets[name] = {
			url: new URL(target.url),
			headers: target.headers,
			body: fs.readFileSync(target.bodyFile),
			expected: target.expectedFile ? fs.readFileSync(target.expectedFile) : undefined,
		};
	}
	/** @type {Record<string, Outcome>} */
	const outcomes = Object.fromEntries(plan.order.map((name) => [name, { latenciesMs: [], elapsedMs: 0, errors: 0, errorSamples: [] }]));

	/**
	 * @param {string} name @param {number} callers @param {number} durationMs @param {boolean} counted
	 */
	const slice = async (name, callers, durationMs, counted) => {
		const target = targets[name];
		const outcome = outcomes[name];
		/** @type {number[]} */
		const latencies = [];
		let errors = 0;
		/** @param {string} why */
		const fail = (why) => {
			errors++;
			if (outcome.errorSamples.length < 5) outcome.errorSamples.push(why.slice(0, 300));
		};
		// Fresh connections per slice: between two slices of one target, its sockets would sit idle
		// longer than n8n's keep-alive timeout (5 s), and reusing one the server just closed fails.
		const agent = new http.Agent({ keepAlive: true, maxSockets: callers });
		const started = performance.now();
		const deadline = started + durationMs;
		const caller = async () => {
			do {
				const sent = performance.now();
				const answer = await send(agent, target.url, target.headers, target.body);
				latencies.push(performance.now() - sent);
				if ('error' in answer) fail(answer.error);
				else if (answer.status !== 200) fail(`HTTP ${answer.status}: ${answer.body.toString('utf8', 0, 200)}`);
				else if (target.expected && !answer.body.equals(target.expected)) {
					fail(`unexpected answer (${answer.body.length} bytes): ${answer.body.toString('utf8', 0, 200)}`);
				}
			} while (performance.now() < deadline);
		};
		await Promise.all(Array.from({ length: callers }, caller));
		agent.destroy();
		if (!counted) {
			outcome.errors += errors;
			return;
		}
		outcome.elapsedMs += performance.now() - started;
		outcome.latenciesMs.push(...latencies);
		outcome.errors += errors;
	};

	for (const name of plan.order) await slice(name, 1, 0, false);
	if ((plan.gapMs ?? 0) > 0) {
		await takeTurns(plan, targets, outcomes);
		return outcomes;
	}
	for (let round = 0; plan.order.some((name) => outcomes[name].elapsedMs < plan.goalMs); round++) {
		for (let index = 0; index < plan.order.length; index++) {
			const name = plan.order[(index + round) % plan.order.length];
			if (outcomes[name].elapsedMs < plan.goalMs) await slice(name, plan.concurrency, plan.sliceMs, true);
		}
	}
	return outcomes;
}

/**
 * Service-time mode: one request at a time, the targets in turn, a pause after each. A new
 * connection per request, since a target's previous one may have idled past n8n's keep-alive.
 * @param {Plan} plan
 * @param {Record<string, { url: URL, headers: Record<string, string>, body: Buffer, expected?: Buffer }>} targets
 * @param {Record<string, Outcome>} outcomes
 */
async function takeTurns(plan, targets, outcomes) {
	const started = performance.now();
	for (let round = 0; performance.now() - started < plan.goalMs; round++) {
		for (let index = 0; index < plan.order.length; index++) {
			const name = plan.order[(index + round) % plan.order.length];
			const target = targets[name];
			const outcome = outcomes[name];
			const sent = performance.now();
			const answer = await send(false, target.url, target.headers, target.body);
			outcome.latenciesMs.push(performance.now() - sent);
			let problem;
			if ('error' in answer) problem = answer.error;
			else if (answer.status !== 200) problem = `HTTP ${answer.status}: ${answer.body.toString('utf8', 0, 200)}`;
			else if (target.expected && !answer.body.equals(target.expected)) problem = `unexpected answer (${answer.body.length} bytes)`;
			if (problem !== undefined) {
				outcome.errors++;
				if (outcome.errorSamples.length < 5) outcome.errorSamples.push(problem.slice(0, 300));
			}
			await new Promise((resolve) => setTimeout(resolve, plan.gapMs));
		}
	}
	const elapsed = performance.now() - started;
	for (const name of plan.order) outcomes[name].elapsedMs = elapsed;
}

runPlan(readPlan(process.argv[2])).then(
	(outcomes) => process.stdout.write(JSON.stringify(outcomes)),
	(error) => {
		process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
		process.exitCode = 1;
	},
);

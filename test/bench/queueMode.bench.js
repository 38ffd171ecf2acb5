// 7. Queue mode: n8n 2.41.1 as one process (SQLite) against queue mode (Postgres 15, Redis, a main,
// webhook processors, workers) on this machine, with the pack's callouts:
//   Isolation: the price list (40 SKUs, answered at the webhook processor) called by one rep, one
//     callout at a time, alone and while 4 callers keep sending 5,000-line callouts priced per line
//     item (variant (a): an expression per line, run by the worker in queue mode).
//   Throughput: 20 callers on the price list at 10 line items and on the workflow path (priced from
//     rows, (a3)) at 10 and 1,000 line items, with 1 or 2 webhook processors and 1 or 2 workers.
//   CPU per callout of each process role (main, webhook processors, workers, Redis, Postgres), read
//     from /proc: what the model of N machines rests on.
// Environment (optional): BENCH_QUEUE_SECONDS (15) per throughput measurement,
// BENCH_ISOLATION_SECONDS (30) per isolation measurement, BENCH_CONCURRENCY (20).
'use strict';
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const runtime = require('../../scripts/n8nRuntime');
const queueMode = require('../../scripts/queueMode');
const { machine, printTable } = require('./report');
const { BENCH_NODE_TYPES, VARIANTS, VERSION, calloutBody, launch, prepareN8n, pricedAnswer, quantile, runLoad } = require('./roundTrip');

const number = (/** @type {string} */ name, /** @type {number} */ fallback) => (Number(process.env[name]) > 0 ? Number(process.env[name]) : fallback);
const SECONDS = number('BENCH_QUEUE_SECONDS', 15);
const ISOLATION_SECONDS = number('BENCH_ISOLATION_SECONDS', 30);
const CONCURRENCY = number('BENCH_CONCURRENCY', 20);
const BIG_QUOTE = 5000;
const BIG_QUOTE_CALLERS = 4;
/** Pause between the rep's price-list callouts. */
const REP_GAP_MS = 100;
const CLOCK_TICKS_PER_SECOND = 100;

/** @typedef {'b' | 'a3' | 'a'} BenchVariant */
/** @typedef {{ variant: BenchVariant, size: number }} Load */
/** @typedef {import('./roundTrip').Measured} Measured */

/** What each throughput measurement prices. */
const THROUGHPUT_LOADS = /** @type {Load[]} */ ([
	{ variant: 'b', size: 10 },
	{ variant: 'a3', size: 10 },
	{ variant: 'a3', size: 1000 },
]);

/**
 * CPU time (ms) used so far by the processes `select` accepts, from /proc/<pid>/stat.
 * @param {(process: { pid: number, ppid: number, group: number }) => boolean} select
 */
function cpuMs(select) {
	let ticks = 0;
	for (const name of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		let stat;
		try {
			stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
		} catch {
			continue;
		}
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		if (select({ pid: Number(name), ppid: Number(fields[1]), group: Number(fields[2]) })) ticks += Number(fields[11]) + Number(fields[12]);
	}
	return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/**
 * The process roles whose CPU is counted: each n8n by its process group (its task runner with it),
 * Redis by its id, Postgres by its postmaster and the postmaster's children.
 * @param {{ n8n: Record<string, number[]>, redisPid?: number, postmasterPid?: number }} pids
 * @returns {Record<string, () => number>}
 */
function cpuReaders({ n8n, redisPid, postmasterPid }) {
	/** @type {Record<string, () => number>} */
	const readers = {};
	for (const [role, groups] of Object.entries(n8n)) readers[role] = () => cpuMs(({ group }) => groups.includes(group));
	if (redisPid) readers.redis = () => cpuMs(({ pid }) => pid === redisPid);
	if (postmasterPid) readers.postgres = () => cpuMs(({ pid, ppid }) => pid === postmasterPid || ppid === postmasterPid);
	return readers;
}

class Targets {
	/** @param {string} folder @param {string} token */
	constructor(folder, token) {
		this.folder = folder;
		this.token = token;
		/** @type {Map<string, { bodyFile: string, expectedFile: string }>} */
		this.files = new Map();
	}

	/** The load generator's target for a variant and size at one webhook address. @param {Load} load @param {string} baseUrl */
	target({ variant, size }, baseUrl) {
		const key = `${size}`;
		if (!this.files.has(key)) {
			const body = calloutBody(size, this.token);
			const bodyFile = join(this.folder, `body-${size}.json`);
			const expectedFile = join(this.folder, `priced-${size}.json`);
			fs.writeFileSync(bodyFile, JSON.stringify(body));
			fs.writeFileSync(expectedFile, JSON.stringify(pricedAnswer(body)));
			this.files.set(key, { bodyFile, expectedFile });
		}
		const files = /** @type {{ bodyFile: string, expectedFile: string }} */ (this.files.get(key));
		return {
			url: `${baseUrl}/webhook/${VARIANTS[variant].path}`,
			headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
			...files,
		};
	}

	/**
	 * A closed-loop load of `callers` on `load`, split evenly over the webhook addresses (one load
	 * generator each, side by side); with `gapMs`, one caller pausing that long between requests.
	 * @param {Load} load @param {string[]} baseUrls @param {number} callers @param {number} seconds @param {number} [gapMs]
	 */
	async run(load, baseUrls, callers, seconds, gapMs) {
		const name = `${load.variant}@${load.size}`;
		const outcomes = await Promise.all(
			baseUrls.map((baseUrl, index) => {
				const share = Math.floor(callers / baseUrls.length) + (index < callers % baseUrls.length ? 1 : 0);
				return runLoad(this.folder, {
					targets: { [name]: this.target(load, baseUrl) },
					order: [name],
					concurrency: share,
					sliceMs: seconds * 1000,
					goalMs: seconds * 1000,
					...(gapMs ? { gapMs } : {}),
				});
			}),
		);
		const latenciesMs = outcomes.flatMap((outcome) => outcome[name].latenciesMs);
		const elapsedMs = Math.max(...outcomes.map((outcome) => outcome[name].elapsedMs));
		return {
			requests: latenciesMs.length,
			errors: outcomes.reduce((sum, outcome) => sum + outcome[name].errors, 0),
			errorSamples: outcomes.flatMap((outcome) => outcome[name].errorSamples),
			p50: quantile(latenciesMs, 0.5),
			p99: quantile(latenciesMs, 0.99),
			rps: latenciesMs.length / (elapsedMs / 1000),
		};
	}
}

/** @typedef {Awaited<ReturnType<Targets['run']>>} Outcome */

/**
 * The rep's price-list callouts alone, then while 4 callers send 5,000-line callouts priced per item.
 * @param {Targets} targets @param {string} baseUrl
 */
async function isolation(targets, baseUrl) {
	const rep = /** @type {Load} */ ({ variant: 'b', size: 10 });
	const alone = await targets.run(rep, [baseUrl], 1, ISOLATION_SECONDS / 2, REP_GAP_MS);
	const background = targets.run({ variant: 'a', size: BIG_QUOTE }, [baseUrl], BIG_QUOTE_CALLERS, ISOLATION_SECONDS + 10);
	await new Promise((resolve) => setTimeout(resolve, 5000));
	const contended = await targets.run(rep, [baseUrl], 1, ISOLATION_SECONDS, REP_GAP_MS);
	const big = await background;
	return { alone, contended, big };
}

/**
 * Each throughput load once, with the CPU each role used per callout.
 * @param {Targets} targets @param {string[]} baseUrls @param {Record<string, () => number>} readers
 */
async function throughput(targets, baseUrls, readers) {
	/** @type {Array<{ load: Load, outcome: Outcome, cpuPerCallout: Record<string, number> }>} */
	const results = [];
	for (const load of THROUGHPUT_LOADS) {
		const before = Object.fromEntries(Object.entries(readers).map(([role, read]) => [role, read()]));
		const outcome = await targets.run(load, baseUrls, CONCURRENCY, SECONDS);
		const cpuPerCallout = Object.fromEntries(Object.entries(readers).map(([role, read]) => [role, (read() - before[role]) / Math.max(1, outcome.requests)]));
		results.push({ load, outcome, cpuPerCallout });
	}
	return results;
}

/** Every target answers correctly once (a webhook may still be registering just after start). @param {Targets} targets @param {string[]} baseUrls */
async function checkAnswers(targets, baseUrls) {
	for (const load of [...THROUGHPUT_LOADS, { variant: /** @type {BenchVariant} */ ('a'), size: BIG_QUOTE }]) {
		for (const baseUrl of baseUrls) {
			let outcome = await targets.run(load, [baseUrl], 1, 0.01);
			for (let attempt = 0; attempt < 30 && outcome.errors > 0; attempt++) {
				await new Promise((resolve) => setTimeout(resolve, 2000));
				outcome = await targets.run(load, [baseUrl], 1, 0.01);
			}
			if (outcome.errors > 0) throw new Error(`${load.variant}@${load.size} at ${baseUrl} answers wrongly: ${outcome.errorSamples[0]}`);
		}
	}
}

/** Single-process n8n (SQLite), as `npm start` runs it. @param {string} token */
async function measureSingleProcess(token) {
	const folder = fs.mkdtempSync(join(tmpdir(), 'n8n-dealhub-bench-single-'));
	const instance = await launch(folder, token, ['b']);
	try {
		const targets = new Targets(folder, token);
		await checkAnswers(targets, [instance.baseUrl]);
		const readers = cpuReaders({ n8n: { n8n: [/** @type {number} */ (instance.pid)] } });
		// Throughput first: the big quotes of the isolation run leave n8n's database larger.
		const measured = await throughput(targets, [instance.baseUrl], readers);
		return { throughput: measured, isolation: await isolation(targets, instance.baseUrl) };
	} finally {
		await instance.stop();
		fs.rmSync(folder, { recursive: true, force: true });
	}
}

/** Queue mode with 2 webhook processors and 2 workers, measured in four shapes. @param {string} token */
async function measureQueueMode(token) {
	queueMode.ensureQueuePackages();
	const folder = fs.mkdtempSync(join(tmpdir(), 'n8n-dealhub-bench-queue-'));
	const postgres = new queueMode.PostgresServer({
		dataFolder: queueMode.postgresDataFolder(`bench-${randomBytes(5).toString('hex')}`),
		port: await runtime.freePort(),
	});
	const redis = new queueMode.RedisServer({ folder: join(folder, 'redis'), port: await runtime.freePort() });
	const cluster = new queueMode.N8nQueueCluster({
		version: VERSION,
		nodeBinary: await runtime.ensureNode24(),
		userFolder: join(folder, 'n8n'),
		postgres,
		database: 'n8n',
		redis,
		workers: 2,
		webhookProcessors: 2,
	});
	try {
		await runtime.ensureN8n(VERSION);
		await cluster.startServices();
		await prepareN8n(await cluster.mainInstance(), folder, token, ['b']);
		await cluster.start();
		await cluster.main?.waitForPack({ nodes: BENCH_NODE_TYPES() });
		const targets = new Targets(folder, token);
		const [first, second] = cluster.webhooks.map((webhook) => webhook.baseUrl);
		await checkAnswers(targets, [first, second]);
		const readers = (/** @type {number} */ workers) =>
			cpuReaders({
				n8n: {
					main: [/** @type {number} */ (cluster.main?.pid)],
					'webhook processors': cluster.webhooks.map((webhook) => /** @type {number} */ (webhook.pid)),
					workers: cluster.workers.slice(0, workers).map((worker) => /** @type {number} */ (worker.pid)),
				},
				redisPid: redis.pid,
				postmasterPid: postgres.pid,
			});
		/** @type {Record<string, Awaited<ReturnType<typeof throughput>>>} */
		const shapes = {};
		shapes['2 webhook processors, 2 workers'] = await throughput(targets, [first, second], readers(2));
		shapes['1 webhook processor, 2 workers'] = await throughput(targets, [first], readers(2));
		await cluster.workers[1].stop();
		shapes['1 webhook processor, 1 worker'] = await throughput(targets, [first], readers(1));
		shapes['2 webhook processors, 1 worker'] = await throughput(targets, [first, second], readers(1));
		return { isolation: await isolation(targets, first), shapes };
	} finally {
		await cluster.stop();
		await postgres.destroy();
		fs.rmSync(folder, { recursive: true, force: true });
	}
}

/** @param {number} value */
const ms = (value) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
/** @param {Load} load */
const loadName = ({ variant, size }) => (variant === 'b' ? `price list, ${size} items` : `from rows (a3), ${size} items`);

test('queue mode: isolation of the price list from big quotes, throughput by shape, CPU per callout by role', async () => {
	const token = randomBytes(24).toString('hex');
	const single = await measureSingleProcess(token);
	const queue = await measureQueueMode(token);
	let errors = 0;
	/** @param {Outcome} outcome */
	const counted = (outcome) => {
		errors += outcome.errors;
		return outcome;
	};

	const isolationRows = [
		['one process', single.isolation],
		['queue mode, 1 webhook processor, 1 worker', queue.isolation],
	].map(([name, result]) => {
		// Errors here are findings, not a broken benchmark: a single process busy with big quotes
		// answers 503 "Database is not ready!" while its database health check cannot run.
		const { alone, contended, big } = /** @type {typeof single.isolation} */ (result);
		counted(alone);
		return {
			name: /** @type {string} */ (name),
			figures: {
				'alone p50': `${ms(alone.p50)} ms`,
				'alone p99': `${ms(alone.p99)} ms`,
				'with big quotes p50': `${ms(contended.p50)} ms`,
				'with big quotes p99': `${ms(contended.p99)} ms`,
				'p99 vs alone': `${(contended.p99 / alone.p99).toFixed(1)}x`,
				'rep callouts': contended.requests,
				'big quotes priced': big.requests,
				'big quote p50': `${ms(big.p50)} ms`,
				'errors (rep, big quotes)': `${contended.errors}, ${big.errors}`,
				'first error': (contended.errorSamples[0] ?? big.errorSamples[0] ?? '').slice(0, 60),
			},
		};
	});
	printTable(`7a. Isolation: the rep's price-list callouts (1 caller, ${REP_GAP_MS} ms apart) alone and while ${BIG_QUOTE_CALLERS} callers send ${BIG_QUOTE}-line callouts priced per item`, isolationRows, [
		`n8n ${VERSION}, default settings; one process on SQLite, queue mode on Postgres 15 and Redis (loopback). ${machine()}`,
	]);

	/** @type {Array<{ name: string, figures: Record<string, string | number> }>} */
	const throughputRows = [];
	/** @param {string} shape @param {Awaited<ReturnType<typeof throughput>>} results */
	const addRows = (shape, results) => {
		for (const { load, outcome } of results) {
			counted(outcome);
			const base = single.throughput.find((row) => row.load.variant === load.variant && row.load.size === load.size)?.outcome;
			throughputRows.push({
				name: `${loadName(load)}: ${shape}`,
				figures: {
					'req/s': outcome.rps.toFixed(1),
					p50: `${ms(outcome.p50)} ms`,
					p99: `${ms(outcome.p99)} ms`,
					'req/s vs one process': base ? `${(outcome.rps / base.rps).toFixed(2)}x` : '',
					errors: outcome.errors,
				},
			});
		}
	};
	addRows('one process', single.throughput);
	for (const [shape, results] of Object.entries(queue.shapes)) addRows(`queue, ${shape}`, results);
	throughputRows.sort((a, b) => a.name.localeCompare(b.name));
	printTable(`7b. Throughput: ${CONCURRENCY} callers, ${SECONDS} s each`, throughputRows, [
		'One machine with 2 cores runs every process here, so more processes share the same 2 cores; see 7c for what each role costs.',
	]);

	const cpuRows = Object.entries({ 'one process': single.throughput, ...Object.fromEntries(Object.entries(queue.shapes).map(([shape, results]) => [`queue, ${shape}`, results])) }).flatMap(
		([shape, results]) =>
			results.map(({ load, cpuPerCallout }) => ({
				name: `${loadName(load)}: ${shape}`,
				figures: Object.fromEntries(Object.entries(cpuPerCallout).map(([role, value]) => [`${role} CPU ms/callout`, value.toFixed(2)])),
			})),
	);
	printTable('7c. CPU per callout by process role (user + system time from /proc, task runners counted with their n8n)', cpuRows);
	expect(errors).toBe(0);
}, 60 * 60 * 1000);

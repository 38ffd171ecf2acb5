// Benchmark 1: a pricing callout's round trip through a real n8n (the pinned 2.41.1), four ways:
//   (a) DealHub Callout Trigger -> Set node (price by SKU, an expression, no Code) -> DealHub Callout Response
//   (a2) the same with a price table instead of an expression: Set (static JSON, once) -> Split Out
//        -> Merge by SKU -> DealHub Callout Response, so no expression is evaluated per item
//   (b) DealHub Callout Trigger answering from its own price list (no workflow run)
//   (c) Webhook (header auth) -> Code node pricing the same way -> Respond to Webhook
//   (d) Webhook -> Respond to Webhook echoing the body: n8n's floor for any workflow
// One n8n, launched like the end-to-end harness does (scripts/n8nRuntime.js) but in its own
// temporary folder, so a concurrent `npm run test:e2e` (which empties .e2e/) cannot disturb it.
// The load comes from test/bench/loadgen.js in a separate process; the variants of one size are
// measured in interleaved slices, so drift of the machine hits them alike.
'use strict';
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const runtime = require('../../scripts/n8nRuntime');

const WORKFLOWS_DIR = join(__dirname, 'workflows');
// The n8n the issue measures; BENCH_N8N_VERSION picks another installed one (e.g. 1.123.81).
const VERSION = process.env.BENCH_N8N_VERSION || '2.41.1';

/** @type {Record<string, number>} */
const CATALOGUE = JSON.parse(fs.readFileSync(join(WORKFLOWS_DIR, 'catalogue.json'), 'utf8'));
const SKUS = Object.keys(CATALOGUE);

/**
 * @typedef {'a' | 'a2' | 'b' | 'c' | 'd'} Variant
 * @typedef {{ path: string, label: string, auth: 'callout' | 'header' | 'none', echo?: boolean }} VariantSpec
 */

/** @type {Record<Variant, VariantSpec>} */
const VARIANTS = {
	a: { path: 'bench-a', label: '(a) Callout Trigger -> Set (expression) -> Callout Response', auth: 'callout' },
	a2: { path: 'bench-a2', label: '(a2) Callout Trigger -> Merge with price table -> Callout Response', auth: 'callout' },
	b: { path: 'bench-b', label: '(b) Callout Trigger, price list', auth: 'callout' },
	c: { path: 'bench-c', label: '(c) Webhook (header auth) -> Code -> Respond', auth: 'header' },
	d: { path: 'bench-d', label: '(d) Webhook -> Respond (echo), floor', auth: 'none', echo: true },
};

/**
 * A DealHub callout body with `count` products, the secret in `authentication` as DealHub sends it.
 * @param {number} count @param {string} token
 */
function calloutBody(count, token) {
	return {
		request_id: `bench-${count}`,
		authentication: token,
		playbook_answers: { 'general.currency': 'USD', 'general.geo': 'North America' },
		items: Array.from({ length: count }, (_, index) => ({
			id: index + 1,
			sku: SKUS[index % SKUS.length],
			type: 'product',
			quantity: 1 + (index % 5),
			duration: 12,
			family: 'hardware',
		})),
	};
}

/**
 * The answer every pricing variant must give: `{ items: [{ id, sku, price }] }` in request order.
 * @param {{ items: { id: number, sku: string }[] }} body
 */
function pricedAnswer(body) {
	return { items: body.items.map((item) => ({ id: item.id, sku: item.sku, price: CATALOGUE[item.sku] })) };
}

/** @param {number[]} values @param {number} q */
function quantile(values, q) {
	if (values.length === 0) return NaN;
	const sorted = Float64Array.from(values).sort();
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * @typedef {object} RoundTripOptions
 * @property {number[]} sizes line items per callout
 * @property {number} seconds measured seconds per variant and size
 * @property {number} sliceSeconds length of one interleaved slice
 * @property {number} concurrency callers
 * @property {number} serviceSeconds seconds per variant and size with a single caller (0: skip)
 * @property {Variant[]} variants
 * @property {Record<string, string>} [n8nEnv] extra environment for n8n, from BENCH_N8N_ENV and BENCH_N8N_CPU_PROF
 * @property {Record<string, string>} [extraN8nEnv] more environment for n8n, given by the caller
 * @property {string} [keepFolder] keep n8n's user folder (log, profiles) there instead of deleting it
 *
 * @typedef {object} Measured
 * @property {Variant} variant
 * @property {number} size
 * @property {number} concurrency
 * @property {number} requests
 * @property {number} seconds how long the counted slices took in all
 * @property {number} errors
 * @property {string[]} errorSamples
 * @property {number} p50
 * @property {number} p99
 * @property {number} rps
 */

/** @returns {RoundTripOptions} */
function optionsFromEnvironment() {
	const number = (/** @type {string} */ name, /** @type {number} */ fallback) => {
		const value = Number(process.env[name]);
		return Number.isFinite(value) && value > 0 ? value : fallback;
	};
	const sizes = (process.env.BENCH_SIZES ?? '10,1000,5000').split(',').map(Number).filter((size) => size > 0);
	const variants = /** @type {Variant[]} */ ((process.env.BENCH_VARIANTS ?? 'a,a2,b,c,d').split(',').filter((v) => v in VARIANTS));
	return {
		sizes,
		seconds: number('BENCH_SECONDS', 30),
		sliceSeconds: number('BENCH_SLICE_SECONDS', 5),
		concurrency: number('BENCH_CONCURRENCY', 20),
		serviceSeconds: process.env.BENCH_SERVICE_SECONDS === '0' ? 0 : number('BENCH_SERVICE_SECONDS', 5),
		variants,
		n8nEnv: {
			// e.g. BENCH_N8N_ENV="N8N_EXPRESSION_ENGINE=legacy;N8N_EXPRESSION_ENGINE_POOL_SIZE=4"
			...Object.fromEntries(
				(process.env.BENCH_N8N_ENV ?? '')
					.split(';')
					.filter((pair) => pair.includes('='))
					.map((pair) => [pair.slice(0, pair.indexOf('=')).trim(), pair.slice(pair.indexOf('=') + 1).trim()]),
			),
			...(process.env.BENCH_N8N_CPU_PROF ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.BENCH_N8N_CPU_PROF}` } : {}),
		},
		keepFolder: process.env.BENCH_KEEP_N8N_FOLDER,
	};
}

/**
 * Starts n8n 2.41.1 with the packed working tree, the two credentials and the four workflows.
 * @param {string} folder @param {string} token @param {Record<string, string>} [env]
 */
async function launch(folder, token, env = {}) {
	const nodeBinary = await runtime.ensureNode24();
	await runtime.ensureN8n(VERSION);
	await runtime.buildProject();
	const tarball = await runtime.packProject(join(folder, 'pack'));
	const instance = new runtime.N8nInstance({
		version: VERSION,
		nodeBinary,
		userFolder: join(folder, 'n8n'),
		port: await runtime.freePort(),
		brokerPort: await runtime.freePort(),
		env,
	});
	try {
		await runtime.installPack(instance.userFolder, tarball);
		await instance.importCredentials([
			{ id: 'benchCalloutCred1', name: 'Bench DealHub Callout', type: 'dealHubCalloutApi', data: { authType: 'bearer', token } },
			{ id: 'benchHeaderCred01', name: 'Bench header auth', type: 'httpHeaderAuth', data: { name: 'Authorization', value: `Bearer ${token}` } },
		]);
		const files = fs.readdirSync(WORKFLOWS_DIR).filter((name) => /^(a|a2|b|c|d)-.*\.json$/.test(name));
		const ids = await instance.importWorkflows(files.map((name) => join(WORKFLOWS_DIR, name)));
		for (const id of ids) await instance.activateWorkflow(id);
		instance.start();
		await instance.waitUntilReady();
		await instance.waitForPack();
		return instance;
	} catch (error) {
		await instance.stop();
		throw error;
	}
}

/**
 * Runs the load generator in its own process on a plan; resolves with its outcomes.
 * @param {string} folder @param {object} plan
 * @returns {Promise<Record<string, { latenciesMs: number[], elapsedMs: number, errors: number, errorSamples: string[] }>>}
 */
function runLoad(folder, plan) {
	const planFile = join(folder, `plan-${randomBytes(4).toString('hex')}.json`);
	fs.writeFileSync(planFile, JSON.stringify(plan));
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [join(__dirname, 'loadgen.js'), planFile], { stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		let err = '';
		child.stdout.on('data', (chunk) => (out += chunk));
		child.stderr.on('data', (chunk) => (err += chunk));
		child.on('error', reject);
		child.on('close', (code) => {
			fs.rmSync(planFile, { force: true });
			if (code !== 0) return reject(new Error(`loadgen failed (exit ${code}): ${err}`));
			resolve(JSON.parse(out));
		});
	});
}

/**
 * @param {Partial<RoundTripOptions>} [overrides]
 * @returns {Promise<{ rows: Measured[], options: RoundTripOptions, n8nPid: number | undefined }>}
 */
async function runRoundTrips(overrides = {}) {
	const options = { ...optionsFromEnvironment(), ...overrides };
	const folder = fs.mkdtempSync(join(tmpdir(), 'n8n-dealhub-bench-'));
	const token = randomBytes(24).toString('hex');
	const instance = await launch(folder, token, { ...options.n8nEnv, ...options.extraN8nEnv });
	/** @type {Measured[]} */
	const rows = [];
	try {
		/** @type {Record<string, object>} */
		const targets = {};
		for (const size of options.sizes) {
			const body = calloutBody(size, token);
			const bodyFile = join(folder, `body-${size}.json`);
			fs.writeFileSync(bodyFile, JSON.stringify(body));
			const pricedFile = join(folder, `priced-${size}.json`);
			fs.writeFileSync(pricedFile, JSON.stringify(pricedAnswer(body)));
			for (const variant of options.variants) {
				const spec = VARIANTS[variant];
				/** @type {Record<string, string>} */
				const headers = { 'content-type': 'application/json' };
				if (spec.auth !== 'none') headers.authorization = `Bearer ${token}`;
				targets[`${variant}@${size}`] = {
					url: `${instance.baseUrl}/webhook/${spec.path}`,
					headers,
					bodyFile,
					expectedFile: spec.echo ? bodyFile : pricedFile,
				};
			}
		}
		// Every target answers correctly once before any load.
		const check = await runLoad(folder, { targets, order: Object.keys(targets), concurrency: 1, sliceMs: 0, goalMs: 0 });
		const broken = Object.entries(check).filter(([, outcome]) => outcome.errors > 0);
		if (broken.length > 0) {
			throw new Error(`wrong answers before the load: ${JSON.stringify(broken.map(([name, o]) => [name, o.errorSamples[0]]))}\n${instance.logTail()}`);
		}

		const phases = [{ concurrency: options.concurrency, seconds: options.seconds }];
		if (options.serviceSeconds > 0) phases.push({ concurrency: 1, seconds: options.serviceSeconds });
		for (const phase of phases) {
			for (const size of options.sizes) {
				const outcomes = await runLoad(folder, {
					targets,
					order: options.variants.map((variant) => `${variant}@${size}`),
					concurrency: phase.concurrency,
					sliceMs: Math.min(options.sliceSeconds, phase.seconds) * 1000,
					goalMs: phase.seconds * 1000,
				});
				for (const variant of options.variants) {
					const outcome = outcomes[`${variant}@${size}`];
					rows.push({
						variant,
						size,
						concurrency: phase.concurrency,
						requests: outcome.latenciesMs.length,
						seconds: outcome.elapsedMs / 1000,
						errors: outcome.errors,
						errorSamples: outcome.errorSamples,
						p50: quantile(outcome.latenciesMs, 0.5),
						p99: quantile(outcome.latenciesMs, 0.99),
						rps: outcome.latenciesMs.length / (outcome.elapsedMs / 1000),
					});
				}
			}
		}
		return { rows, options, n8nPid: instance.pid };
	} finally {
		await instance.stop();
		if (options.keepFolder) {
			fs.mkdirSync(options.keepFolder, { recursive: true });
			fs.cpSync(join(folder, 'n8n'), options.keepFolder, { recursive: true });
		}
		fs.rmSync(folder, { recursive: true, force: true });
	}
}

module.exports = { runRoundTrips, VARIANTS, calloutBody, pricedAnswer, quantile };

if (require.main === module) {
	runRoundTrips().then(
		({ rows }) => {
			for (const row of rows) {
				const { errorSamples, ...figures } = row;
				process.stdout.write(`${JSON.stringify(figures)}${errorSamples.length ? ` ${errorSamples[0]}` : ''}\n`);
			}
		},
		(error) => {
			process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
			process.exitCode = 1;
		},
	);
}

// Benchmark 1: a pricing callout's round trip through a real n8n (the pinned 2.41.1), these ways:
//   (a) DealHub Callout Trigger -> Set node (price by SKU, an expression, no Code) -> DealHub Callout Response
//   (a2) the same with a price table instead of an expression: Set (static JSON, once) -> Split Out
//        -> Merge by SKU -> DealHub Callout Response, so no expression is evaluated per item
//   (a3) priced from rows: DealHub Callout Trigger (one item with the SKUs) -> Set standing in for
//        the lookup (the price rows, static JSON) -> DealHub Callout Response, Prices From Rows
//   (b) DealHub Callout Trigger answering from its own price list (no workflow run): 40 SKUs as a
//        table, and as CSV text; (b10k) the same with 10,000 SKUs (generated at launch)
//   (c) Webhook (header auth) -> Code node pricing the same way -> Respond to Webhook
//   (d) Webhook -> Respond to Webhook echoing the body: n8n's floor for any workflow
//   (e) a bare community trigger (test/bench/floor-trigger, installed next to the pack) answering a
//       fixed body from webhook(): n8n's floor for any community trigger that answers without a run
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
 * @typedef {'a' | 'a2' | 'a3' | 'b' | 'b-csv' | 'b10k' | 'b10k-csv' | 'c' | 'd' | 'e'} Variant
 * @typedef {object} VariantSpec
 * @property {string} path
 * @property {string} label
 * @property {'callout' | 'header' | 'none'} auth
 * @property {'priced' | 'echo' | 'floor'} [answer] what it answers: the priced items (default), the body, or the floor's fixed body
 * @property {number[]} [sizes] the only callout sizes it is measured at (default: all)
 * @property {{ skus: number, format: 'table' | 'csv' }} [priceList] a generated price-list workflow
 */

/** A price list's cost grows with the list, not the callout: measured at 10 line items. */
const PRICE_LIST_SIZES = [10];

/** @type {Record<Variant, VariantSpec>} */
const VARIANTS = {
	a: { path: 'bench-a', label: '(a) Callout Trigger -> Set (expression) -> Callout Response', auth: 'callout' },
	a2: { path: 'bench-a2', label: '(a2) Callout Trigger -> Merge with price table -> Callout Response', auth: 'callout' },
	a3: { path: 'bench-a3', label: '(a3) Callout Trigger (SKUs) -> price rows -> Callout Response from rows', auth: 'callout' },
	b: { path: 'bench-b', label: '(b) price list, 40 SKUs, table', auth: 'callout', sizes: PRICE_LIST_SIZES, priceList: { skus: 40, format: 'table' } },
	'b-csv': { path: 'bench-b-csv', label: '(b) price list, 40 SKUs, CSV', auth: 'callout', sizes: PRICE_LIST_SIZES, priceList: { skus: 40, format: 'csv' } },
	b10k: { path: 'bench-b10k', label: '(b10k) price list, 10,000 SKUs, table', auth: 'callout', sizes: PRICE_LIST_SIZES, priceList: { skus: 10000, format: 'table' } },
	'b10k-csv': { path: 'bench-b10k-csv', label: '(b10k) price list, 10,000 SKUs, CSV', auth: 'callout', sizes: PRICE_LIST_SIZES, priceList: { skus: 10000, format: 'csv' } },
	c: { path: 'bench-c', label: '(c) Webhook (header auth) -> Code -> Respond', auth: 'header' },
	d: { path: 'bench-d', label: '(d) Webhook -> Respond (echo), floor', auth: 'none', answer: 'echo' },
	e: { path: 'bench-e', label: '(e) bare community trigger, fixed body, floor', auth: 'none', answer: 'floor', sizes: PRICE_LIST_SIZES },
};

const FLOOR_DIR = join(__dirname, 'floor-trigger');
const FLOOR_ANSWER = require('./floor-trigger/BenchFloorTrigger.node.js').ANSWER;

/**
 * A price-list workflow with `skus` rows: the catalogue's (so that the answers are the same as for
 * the other variants) after filler rows, in the form the editor stores.
 * @param {Variant} variant
 */
function priceListWorkflow(variant) {
	const spec = VARIANTS[variant];
	if (!spec.priceList) throw new Error(`${variant} is not a price-list variant`);
	const { skus, format } = spec.priceList;
	const fillers = Array.from({ length: skus - SKUS.length }, (_, index) => [`FILL-${String(index).padStart(5, '0')}`, 1 + (index % 997) / 4]);
	const rows = [...fillers, ...Object.entries(CATALOGUE)];
	const template = JSON.parse(fs.readFileSync(join(WORKFLOWS_DIR, 'b-price-list.json'), 'utf8'));
	const [trigger] = template.nodes;
	const suffix = variant.replace(/[^a-z0-9]/g, '').padEnd(6, '0').slice(0, 6);
	template.id = `benchList${suffix}`.slice(0, 16);
	template.name = `Bench ${spec.label}`;
	trigger.webhookId = `b0c4e11a-7f00-4a00-8000-${Buffer.from(suffix).toString('hex').padStart(12, '0').slice(0, 12)}`;
	trigger.parameters.path = spec.path;
	delete trigger.parameters.priceList;
	if (format === 'table') {
		trigger.parameters.priceListFormat = 'table';
		trigger.parameters.priceList = { rows: rows.map(([sku, listPrice]) => ({ sku, listPrice, basis: 'flat', msrp: '', otherAttributes: '' })) };
	} else {
		trigger.parameters.priceListFormat = 'csv';
		trigger.parameters.priceListCsv = ['sku,list_price', ...rows.map(([sku, price]) => `${sku},${price}`)].join('\n');
	}
	return template;
}

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
 * @property {number} serviceSeconds seconds per size with a single caller (0: skip), the variants taking turns request by request
 * @property {number} serviceGapMs the pause after each single-caller request, so that n8n's isolate pool refills
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
	const variants = /** @type {Variant[]} */ (
		(process.env.BENCH_VARIANTS ?? 'a,a2,a3,b,b-csv,b10k,b10k-csv,c,d,e').split(',').filter((v) => v in VARIANTS)
	);
	return {
		sizes,
		seconds: number('BENCH_SECONDS', 30),
		sliceSeconds: number('BENCH_SLICE_SECONDS', 5),
		concurrency: number('BENCH_CONCURRENCY', 20),
		serviceSeconds: process.env.BENCH_SERVICE_SECONDS === '0' ? 0 : number('BENCH_SERVICE_SECONDS', 20),
		serviceGapMs: number('BENCH_SERVICE_GAP_MS', 150),
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

/** Builds and packs the working tree and the floor trigger into `folder`; resolves with both tarballs. @param {string} folder */
async function packForBench(folder) {
	await runtime.buildProject();
	const tarball = await runtime.packProject(join(folder, 'pack'));
	const floorTarball = (await runtime.run('npm', ['pack', '--silent', '--pack-destination', folder], { cwd: FLOOR_DIR, quiet: true })).trim().split('\n').pop();
	return [tarball, join(folder, String(floorTarball))];
}

/**
 * Installs the pack and the floor trigger into an n8n's user folder, imports the two credentials
 * and the workflows of the variants, and activates them (before n8n starts).
 * @param {import('../../scripts/n8nRuntime').N8nInstance} instance
 * @param {string} folder @param {string} token @param {Variant[]} variants
 */
async function prepareN8n(instance, folder, token, variants) {
	for (const tarball of await packForBench(folder)) await runtime.installPack(instance.userFolder, tarball);
	await instance.importCredentials([
		{ id: 'benchCalloutCred1', name: 'Bench DealHub Callout', type: 'dealHubCalloutApi', data: { authType: 'bearer', token } },
		{ id: 'benchHeaderCred01', name: 'Bench header auth', type: 'httpHeaderAuth', data: { name: 'Authorization', value: `Bearer ${token}` } },
	]);
	const files = fs
		.readdirSync(WORKFLOWS_DIR)
		.filter((name) => /^(a|a2|a3|c|d)-.*\.json$/.test(name))
		.map((name) => join(WORKFLOWS_DIR, name));
	for (const variant of variants) {
		if (!VARIANTS[variant].priceList) continue;
		const file = join(folder, `${variant}-price-list.json`);
		fs.writeFileSync(file, JSON.stringify(priceListWorkflow(variant)));
		files.push(file);
	}
	files.push(join(FLOOR_DIR, 'e-floor-trigger.json'));
	const ids = await instance.importWorkflows(files);
	for (const id of ids) await instance.activateWorkflow(id);
}

/** The node types n8n must have loaded before a benchmark starts. */
const BENCH_NODE_TYPES = () => [...runtime.packNodeTypes(), 'n8n-nodes-bench-floor.benchFloorTrigger'];

/**
 * Starts n8n 2.41.1 (one process, SQLite) with the packed working tree and the floor trigger, the
 * two credentials and the workflows of the variants.
 * @param {string} folder @param {string} token @param {Variant[]} variants @param {Record<string, string>} [env]
 */
async function launch(folder, token, variants, env = {}) {
	const nodeBinary = await runtime.ensureNode24();
	await runtime.ensureN8n(VERSION);
	const instance = new runtime.N8nInstance({
		version: VERSION,
		nodeBinary,
		userFolder: join(folder, 'n8n'),
		port: await runtime.freePort(),
		brokerPort: await runtime.freePort(),
		env,
	});
	try {
		await prepareN8n(instance, folder, token, variants);
		instance.start();
		await instance.waitUntilReady();
		await instance.waitForPack({ nodes: BENCH_NODE_TYPES() });
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

/** @param {Variant[]} variants @param {number} size */
const variantsAt = (variants, size) => variants.filter((variant) => VARIANTS[variant].sizes?.includes(size) ?? true);

/**
 * @param {Partial<RoundTripOptions>} [overrides]
 * @returns {Promise<{ rows: Measured[], options: RoundTripOptions, n8nPid: number | undefined }>}
 */
async function runRoundTrips(overrides = {}) {
	const options = { ...optionsFromEnvironment(), ...overrides };
	const folder = fs.mkdtempSync(join(tmpdir(), 'n8n-dealhub-bench-'));
	const token = randomBytes(24).toString('hex');
	const instance = await launch(folder, token, options.variants, { ...options.n8nEnv, ...options.extraN8nEnv });
	/** @type {Measured[]} */
	const rows = [];
	try {
		/** @type {Record<string, object>} */
		const targets = {};
		const floorFile = join(folder, 'floor.json');
		fs.writeFileSync(floorFile, FLOOR_ANSWER);
		for (const size of options.sizes) {
			const body = calloutBody(size, token);
			const bodyFile = join(folder, `body-${size}.json`);
			fs.writeFileSync(bodyFile, JSON.stringify(body));
			const pricedFile = join(folder, `priced-${size}.json`);
			fs.writeFileSync(pricedFile, JSON.stringify(pricedAnswer(body)));
			for (const variant of variantsAt(options.variants, size)) {
				const spec = VARIANTS[variant];
				/** @type {Record<string, string>} */
				const headers = { 'content-type': 'application/json' };
				if (spec.auth !== 'none') headers.authorization = `Bearer ${token}`;
				const expectedFile = { priced: pricedFile, echo: bodyFile, floor: floorFile }[spec.answer ?? 'priced'];
				targets[`${variant}@${size}`] = { url: `${instance.baseUrl}/webhook/${spec.path}`, headers, bodyFile, expectedFile };
			}
		}
		// Every target answers correctly once before any load. Under a profiler n8n may still be
		// registering webhooks when it says it is ready: a 404 is asked again, for up to 60 s.
		let check = await runLoad(folder, { targets, order: Object.keys(targets), concurrency: 1, sliceMs: 0, goalMs: 0 });
		const unregistered = () => Object.values(check).some((outcome) => outcome.errorSamples.some((sample) => sample.startsWith('HTTP 404')));
		for (let attempt = 0; attempt < 30 && unregistered(); attempt++) {
			await new Promise((resolve) => setTimeout(resolve, 2000));
			check = await runLoad(folder, { targets, order: Object.keys(targets), concurrency: 1, sliceMs: 0, goalMs: 0 });
		}
		const broken = Object.entries(check).filter(([, outcome]) => outcome.errors > 0);
		if (broken.length > 0) {
			throw new Error(`wrong answers before the load: ${JSON.stringify(broken.map(([name, o]) => [name, o.errorSamples[0]]))}\n${instance.logTail()}`);
		}

		const phases = [{ concurrency: options.concurrency, seconds: options.seconds, gapMs: 0 }];
		if (options.serviceSeconds > 0) phases.push({ concurrency: 1, seconds: options.serviceSeconds, gapMs: options.serviceGapMs });
		for (const phase of phases) {
			for (const size of options.sizes) {
				const variants = variantsAt(options.variants, size);
				const outcomes = await runLoad(folder, {
					targets,
					order: variants.map((variant) => `${variant}@${size}`),
					concurrency: phase.concurrency,
					sliceMs: Math.min(options.sliceSeconds, phase.seconds) * 1000,
					// Taking turns, the variants share the time: each gets about `seconds` of it.
					goalMs: phase.seconds * 1000 * (phase.gapMs > 0 ? variants.length : 1),
					gapMs: phase.gapMs,
				});
				for (const variant of variants) {
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

module.exports = {
	runRoundTrips,
	VARIANTS,
	VERSION,
	FLOOR_ANSWER,
	BENCH_NODE_TYPES,
	calloutBody,
	pricedAnswer,
	quantile,
	prepareN8n,
	launch,
	runLoad,
};

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

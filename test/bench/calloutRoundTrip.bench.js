// 1. Callout round trip in a real n8n 2.41.1 (see roundTrip.js), under three expression-engine
// settings: n8n's default (N8N_EXPRESSION_ENGINE=vm, a fresh V8 isolate for each webhook request
// of any trigger but n8n's own Webhook node, each credential read and each workflow run), the same
// with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true (an isolate only where an expression is evaluated),
// and the legacy in-process engine. Each shows what n8n's isolates cost each variant.
//
// Environment (all optional): BENCH_SECONDS (default 30) per variant and size with 20 callers,
// BENCH_LEGACY_SECONDS (default 10) for the passes other than the default engine,
// BENCH_SERVICE_SECONDS (default 20) per variant and size with a single caller, the variants
// taking turns with BENCH_SERVICE_GAP_MS (150) between requests, BENCH_SIZES (10,1000,5000),
// BENCH_VARIANTS (a,a2,a3,b,b-csv,b10k,b10k-csv,c,d,e), BENCH_ENGINES (vm,vm-lazy,legacy),
// BENCH_CONCURRENCY (20), BENCH_SLICE_SECONDS (5).
const { machine, printTable } = require('./report');
const { VARIANTS, runRoundTrips } = require('./roundTrip');

/** @typedef {import('./roundTrip').Measured} Measured */

/** @type {Record<string, { label: string, env: Record<string, string> }>} */
const ENGINE_SETTINGS = {
	vm: { label: "N8N_EXPRESSION_ENGINE=vm (n8n's default)", env: { N8N_EXPRESSION_ENGINE: 'vm' } },
	'vm-lazy': {
		label: 'N8N_EXPRESSION_ENGINE=vm, N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true',
		env: { N8N_EXPRESSION_ENGINE: 'vm', N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
	},
	legacy: { label: 'N8N_EXPRESSION_ENGINE=legacy', env: { N8N_EXPRESSION_ENGINE: 'legacy' } },
};
const ENGINES = (process.env.BENCH_ENGINES ?? 'vm,vm-lazy,legacy').split(',').filter((engine) => engine in ENGINE_SETTINGS);
const OTHER_ENGINE_SECONDS = Number(process.env.BENCH_LEGACY_SECONDS) > 0 ? Number(process.env.BENCH_LEGACY_SECONDS) : 10;

/** @param {number} value */
const ms = (value) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

/**
 * @param {string} engine
 * @param {Measured[]} rows
 * @param {import('./roundTrip').RoundTripOptions} options
 */
function printResults(engine, rows, options) {
	const loaded = rows.filter((row) => row.concurrency === options.concurrency);
	const single = rows.filter((row) => row.concurrency === 1);
	/** @param {Measured[]} list @param {string} variant @param {number} size */
	const find = (list, variant, size) => list.find((row) => row.variant === variant && row.size === size);
	const table = loaded.map((row) => {
		const c = find(loaded, 'c', row.size);
		const alone = find(single, row.variant, row.size);
		const cAlone = find(single, 'c', row.size);
		return {
			name: `${row.size} items ${VARIANTS[row.variant].label}`,
			figures: {
				p50: `${ms(row.p50)} ms`,
				p99: `${ms(row.p99)} ms`,
				'req/s': row.rps.toFixed(1),
				requests: row.requests,
				errors: row.errors,
				'req/s vs (c)': c ? `${(row.rps / c.rps).toFixed(2)}x` : '',
				'p50 vs (c)': c ? `${(row.p50 / c.p50).toFixed(2)}x` : '',
				'p50, 1 caller': alone ? `${ms(alone.p50)} ms` : '',
				'1 caller vs (c)': alone && cAlone ? `${(alone.p50 / cAlone.p50).toFixed(2)}x` : '',
			},
		};
	});
	const errors = rows.reduce((sum, row) => sum + row.errors, 0);
	const samples = rows.flatMap((row) => row.errorSamples.map((sample) => `${row.variant}@${row.size}: ${sample}`)).slice(0, 5);
	printTable(
		`1. Callout round trip in n8n 2.41.1, ${ENGINE_SETTINGS[engine].label}: ${options.concurrency} concurrent callers, ${options.seconds} s per variant and size`,
		table,
		[
			`Closed loop (each caller sends its next request when the previous one is answered) from a separate process over loopback keep-alive; the variants of one size in interleaved ${options.sliceSeconds} s slices on the same n8n. "p50, 1 caller" is a separate pass with a single caller, about ${options.serviceSeconds} s per variant, the variants taking turns request by request with ${options.serviceGapMs} ms between requests (so that n8n's isolate pool refills and no variant always waits for it): the service time without queueing (with ${options.concurrency} callers, p50 is about ${options.concurrency} / throughput). Errors in all: ${errors}${samples.length ? ` (${samples.join('; ')})` : ''}. ${machine()}`,
		],
	);
	/** @param {boolean} met */
	const mark = (met) => (met ? 'met' : 'missed');
	/** @param {number} ratio */
	const times = (ratio) => `${ratio.toFixed(2)}x`;
	// No-code pricing from rows against the hand-written Code path, at every size.
	const rowsVerdicts = options.sizes.flatMap((size) => {
		const [a3, c] = ['a3', 'c'].map((variant) => find(loaded, variant, size));
		const [a31, c1] = ['a3', 'c'].map((variant) => find(single, variant, size));
		if (!a3 || !c) return [];
		return [
			{
				name: `${size} items: (a3) vs (c)`,
				figures: {
					'1-caller p50 <= 1.0x': a31 && c1 ? `${mark(a31.p50 <= c1.p50)} (${times(a31.p50 / c1.p50)}: ${ms(a31.p50)} vs ${ms(c1.p50)} ms)` : 'n/a',
					'req/s >= 1.0x': `${mark(a3.rps >= c.rps)} (${times(a3.rps / c.rps)}: ${a3.rps.toFixed(1)} vs ${c.rps.toFixed(1)})`,
				},
			},
		];
	});
	// The price list against n8n's floor for a community trigger answering without a run.
	/** @type {Array<keyof typeof VARIANTS>} */
	const priceLists = ['b', 'b-csv', 'b10k', 'b10k-csv'];
	const listVerdicts = priceLists.flatMap((variant) => {
		const [b, e] = [variant, 'e'].map((name) => find(loaded, name, 10));
		const [b1, e1] = [variant, 'e'].map((name) => find(single, name, 10));
		if (!b || !e) return [];
		return [
			{
				name: `10 items: ${VARIANTS[variant].label} vs (e)`,
				figures: {
					'1-caller p50 <= 1.1x': b1 && e1 ? `${mark(b1.p50 <= 1.1 * e1.p50)} (${times(b1.p50 / e1.p50)}: ${ms(b1.p50)} vs ${ms(e1.p50)} ms)` : 'n/a',
					'req/s >= 0.9x': `${mark(b.rps >= 0.9 * e.rps)} (${times(b.rps / e.rps)}: ${b.rps.toFixed(1)} vs ${e.rps.toFixed(1)})`,
				},
			},
		];
	});
	const verdicts = [...rowsVerdicts, ...listVerdicts];
	printTable(`1. Targets, ${ENGINE_SETTINGS[engine].label}`, verdicts);
}

test('callout round trip in real n8n: per item, from rows, price lists, Webhook+Code+Respond, and n8n floors', async () => {
	let errors = 0;
	for (const engine of ENGINES) {
		const overrides = engine === 'vm' ? {} : { seconds: OTHER_ENGINE_SECONDS };
		const { rows, options } = await runRoundTrips({ ...overrides, extraN8nEnv: ENGINE_SETTINGS[engine].env });
		printResults(engine, rows, options);
		errors += rows.reduce((sum, row) => sum + row.errors, 0);
	}
	// Every request must have been answered with exactly the expected answer.
	expect(errors).toBe(0);
}, 60 * 60 * 1000);

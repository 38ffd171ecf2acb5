// 2. In-process cost of one callout through our code vs JSON.parse + JSON.stringify of the payload.
// The measurement runs in a fresh plain Node process on the built pack (see inProcess.js).
const { join } = require('node:path');

const { machine, printTable, run } = require('./report');

const ROOT = join(__dirname, '..', '..');
const SIZES = [1000, 5000, 20000];
const ROUNDS = 21;

/**
 * @typedef {object} Measured
 * @property {number} size
 * @property {number} kilobytes
 * @property {number} accept
 * @property {number} fanOut
 * @property {number} outline
 * @property {number} reassemble
 * @property {number} ours
 * @property {number} floor
 */

test('in-process cost of a callout vs JSON.parse + JSON.stringify (1k, 5k, 20k items)', () => {
	run('npm', ['run', 'build'], ROOT);
	/** @type {{ clean: Measured[], natural: Measured[] }} */
	const result = JSON.parse(
		run(process.execPath, ['--expose-gc', join(__dirname, 'inProcess.js'), SIZES.join(','), String(ROUNDS)], ROOT),
	);
	const rows = result.clean.map((clean, index) => {
		const natural = result.natural[index];
		return {
			name: `${clean.size.toLocaleString('en-US')} items (${clean.kilobytes.toFixed(0)} KB)`,
			figures: {
				'verify+validate ms': clean.accept.toFixed(2),
				'fan-out ms': clean.fanOut.toFixed(2),
				'outline ms': clean.outline.toFixed(2),
				'reassembly+coercion ms': clean.reassemble.toFixed(2),
				'ours ms': clean.ours.toFixed(2),
				'JSON.parse+stringify ms': clean.floor.toFixed(2),
				'ratio (target <= 3)': (clean.ours / clean.floor).toFixed(2),
				'ours µs/item': ((clean.ours * 1000) / clean.size).toFixed(2),
				'ratio, GC not isolated': (natural.ours / natural.floor).toFixed(2),
			},
		};
	});
	printTable('2. In-process cost of one callout: our code vs JSON.parse + JSON.stringify of the same payload', rows, [
		`Medians of ${ROUNDS} interleaved rounds after 3 warm-up rounds, in a fresh Node process on dist/ (as n8n runs it), each round on a freshly parsed body; the pricing step between trigger and Response is a Set-like deep copy plus 4 fields (untimed). A minor GC runs before each timed step; the last column is a second pass without it, where each step pays for any collection falling into it. Every item asks for 3 returned_attributes (number, percentage, date), given as strings. ${machine()}`,
	]);
});

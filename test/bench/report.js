// Printing and timing for the benchmarks. JavaScript on purpose: see test/setup.js.
const { execFileSync } = require('node:child_process');
const os = require('node:os');

/**
 * @typedef {object} Row
 * @property {string} name
 * @property {Record<string, string | number>} figures
 */

/** @param {string} title @param {Row[]} rows @param {string[]} [notes] */
function printTable(title, rows, notes = []) {
	const columns = ['name', ...new Set(rows.flatMap((row) => Object.keys(row.figures)))];
	const cells = rows.map((row) => columns.map((column) => (column === 'name' ? row.name : String(row.figures[column] ?? ''))));
	const widths = columns.map((column, index) => Math.max(column.length, ...cells.map((line) => line[index].length)));
	/** @param {string[]} values */
	const line = (values) => `| ${values.map((value, index) => value.padEnd(widths[index])).join(' | ')} |`;
	const out = [`\n### ${title}\n`, line(columns), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`];
	for (const row of cells) out.push(line(row));
	for (const note of notes) out.push(`\n${note}`);
	process.stdout.write(`${out.join('\n')}\n`);
}

function machine() {
	return `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}

/** @param {number[]} values @param {number} q */
function quantile(values, q) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** @param {string} command @param {string[]} args @param {string} cwd */
function run(command, args, cwd) {
	return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

module.exports = { printTable, machine, quantile, run, now: () => performance.now() };

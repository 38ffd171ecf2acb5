// 4. Pack cost: require time of the built pack, tarball size, runtime dependencies.
const { join } = require('node:path');

const { machine, printTable, quantile, run } = require('./report');

const ROOT = join(__dirname, '..', '..');
const RUNS = 15;

test('pack cost: require time, tarball size, runtime dependencies', () => {
	run('npm', ['run', 'build'], ROOT);
	const samples = Array.from({ length: RUNS }, () =>
		JSON.parse(run(process.execPath, [join(__dirname, 'requireCost.js')], ROOT)),
	);
	const packMs = quantile(samples.map((sample) => sample.packMs), 0.5);
	const hostMs = quantile(samples.map((sample) => sample.hostMs), 0.5);
	const [packed] = JSON.parse(run('npm', ['pack', '--dry-run', '--json'], ROOT));
	const dependencies = Object.keys(require(join(ROOT, 'package.json')).dependencies ?? {}).length;
	printTable(
		'4. Pack cost',
		[
			{
				name: `require all ${samples[0].files} nodes + credentials (median of ${RUNS} fresh processes)`,
				figures: {
					value: `${packMs.toFixed(1)} ms`,
					target: '< 30 ms',
					baseline: `host's n8n-workflow + zod: ${hostMs.toFixed(0)} ms (ratio ${(packMs / hostMs).toFixed(2)})`,
				},
			},
			{ name: `tarball (${packed.entryCount} files)`, figures: { value: `${(packed.size / 1024).toFixed(1)} KB`, target: '< 150 KB' } },
			{ name: 'runtime dependencies', figures: { value: String(dependencies), target: '0' } },
		],
		[machine()],
	);
});

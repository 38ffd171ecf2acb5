import { machine, printTable, quantile, run } from './report';

const ROOT = `${__dirname}/../..`;
const RUNS = 15;

interface RequireCost {
	hostMs: number;
	packMs: number;
	files: number;
}

test('pack cost: require time, tarball size, runtime dependencies', () => {
	run('npm', ['run', 'build'], ROOT);
	const samples: RequireCost[] = [];
	for (let i = 0; i < RUNS; i++) {
		samples.push(JSON.parse(run(process.execPath, [`${__dirname}/requireCost.js`], ROOT)) as RequireCost);
	}
	const packMs = quantile(samples.map((sample) => sample.packMs), 0.5);
	const hostMs = quantile(samples.map((sample) => sample.hostMs), 0.5);
	const [packed] = JSON.parse(run('npm', ['pack', '--dry-run', '--json'], ROOT)) as Array<{ size: number; entryCount: number }>;
	const pkg = require('../../package.json') as { dependencies?: Record<string, string> };
	const dependencies = Object.keys(pkg.dependencies ?? {}).length;
	printTable('4. Pack cost', [
		{ name: `require all ${samples[0].files} nodes + credentials (median of ${RUNS} fresh processes)`, figures: { value: `${packMs.toFixed(1)} ms`, target: '< 30 ms', baseline: `host n8n-workflow + zod: ${hostMs.toFixed(0)} ms (ratio ${(packMs / hostMs).toFixed(2)})` } },
		{ name: `tarball (${packed.entryCount} files)`, figures: { value: `${(packed.size / 1024).toFixed(1)} KB`, target: '< 150 KB' } },
		{ name: 'runtime dependencies', figures: { value: String(dependencies), target: '0' } },
	], [machine()]);
});

// Run in a fresh process: how long requiring every built node and credential takes once the host's
// own modules (n8n-workflow, zod) are loaded, as they are inside n8n. Prints JSON.
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const pkg = require(join(root, 'package.json'));

let started = performance.now();
require('n8n-workflow');
require('zod');
const hostMs = performance.now() - started;

started = performance.now();
for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
	const exported = require(join(root, file));
	for (const Type of Object.values(exported)) new Type();
}
const packMs = performance.now() - started;

process.stdout.write(JSON.stringify({ hostMs, packMs, files: pkg.n8n.nodes.length + pkg.n8n.credentials.length }));

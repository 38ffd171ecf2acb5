// After every end-to-end test file: end any n8n a test left running (by its recorded process
// group id), then fail the run if one of the ports it used still accepts connections.
const fs = require('node:fs');

const runtime = require('../../scripts/n8nRuntime');
const { STARTED_FILE } = require('./harness');

/** @typedef {{ pid?: number, port: number, brokerPort: number, version: string }} Started */

/** @returns {Started[]} */
function startedInstances() {
	if (!fs.existsSync(STARTED_FILE)) return [];
	return fs
		.readFileSync(STARTED_FILE, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line));
}

/**
 * Whether `pid` is still the n8n we started (and not a process that got its id since).
 * @param {number} pid
 */
function isOurN8n(pid) {
	try {
		const commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
		return commandLine.some((part) => part.endsWith('/n8n/bin/n8n')) && commandLine.includes('start');
	} catch {
		return false;
	}
}

module.exports = async function globalTeardown() {
	const started = startedInstances();
	for (const { pid, version } of started) {
		if (pid !== undefined && isOurN8n(pid) && runtime.signalProcess(-pid, 'SIGKILL')) {
			runtime.log(`n8n ${version} (process group ${pid}) was still running after its tests: ended it`);
		}
	}
	const open = [];
	for (const { port, brokerPort } of started) {
		for (const candidate of [port, brokerPort]) {
			if (await runtime.isListening(candidate)) open.push(candidate);
		}
	}
	if (open.length > 0) throw new Error(`still listening after the end-to-end tests: 127.0.0.1:${open.join(', ')}`);
};

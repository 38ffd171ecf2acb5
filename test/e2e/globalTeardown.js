// After every end-to-end test file: end anything a test left running (n8n by its recorded process
// group id, Redis and Postgres by their ids), delete throwaway Postgres clusters, then fail the run
// if one of the ports they used still accepts connections.
const fs = require('node:fs');

const runtime = require('../../scripts/n8nRuntime');
const { STARTED_FILE } = require('./harness');

/** @typedef {{ kind: 'n8n' | 'redis' | 'postgres', pid?: number, ports: number[], name: string, dataFolder?: string }} Started */

/** @returns {Started[]} */
function startedProcesses() {
	if (!fs.existsSync(STARTED_FILE)) return [];
	return fs
		.readFileSync(STARTED_FILE, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line));
}

/** @param {number} pid */
function commandLineOf(pid) {
	try {
		return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
	} catch {
		return [];
	}
}

/**
 * Whether `pid` is still the process we started (and not one that got its id since).
 * @param {Started} started
 */
function isOurs({ kind, pid }) {
	if (pid === undefined) return false;
	const commandLine = commandLineOf(pid);
	if (kind === 'n8n') return commandLine.some((part) => part.endsWith('/n8n/bin/n8n')) && ['start', 'worker', 'webhook'].some((command) => commandLine.includes(command));
	if (kind === 'redis') return commandLine.some((part) => part.includes('redis-server'));
	return commandLine.some((part) => part.includes('postgres'));
}

module.exports = async function globalTeardown() {
	const started = startedProcesses();
	for (const entry of started) {
		if (!isOurs(entry)) continue;
		// n8n leads its own process group (its task runner with it).
		const target = entry.kind === 'n8n' ? -(entry.pid ?? 0) : (entry.pid ?? 0);
		// SIGQUIT is Postgres's immediate shutdown: its postmaster ends its backends too.
		if (runtime.signalProcess(target, entry.kind === 'postgres' ? 'SIGQUIT' : 'SIGKILL')) runtime.log(`${entry.name} (process ${entry.pid}) was still running after its tests: ended it`);
	}
	for (const { dataFolder } of started) {
		if (dataFolder && /\/e2e-[0-9a-f]+$/.test(dataFolder)) {
			fs.rmSync(dataFolder, { recursive: true, force: true });
			fs.rmSync(`${dataFolder}.password`, { force: true });
		}
	}
	const ports = started.flatMap((entry) => entry.ports);
	/** @type {number[]} */
	let open = [];
	// A process just ended may hold its port for a moment.
	for (let attempt = 0; attempt < 25; attempt++) {
		open = [];
		for (const port of ports) {
			if (await runtime.isListening(port)) open.push(port);
		}
		if (open.length === 0) break;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	if (open.length > 0) throw new Error(`still listening after the end-to-end tests: 127.0.0.1:${open.join(', ')}`);
};

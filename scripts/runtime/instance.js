'use strict';
/**
 * Running an n8n instance: its environment (loopback only, telemetry off), the n8n CLI for imports
 * and activation, and an n8n process (`n8n start`, `worker` or `webhook`) started, watched until
 * ready and stopped by its id; free ports and signals.
 */
const { spawn, spawnSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const { connect, createServer } = require('node:net');
const { basename, delimiter, dirname, join } = require('node:path');

const { majorOf, n8nBinary, n8nDirectory, run } = require('./install');
const { PACKAGE_NAME, packCredentialTypes, packNodeTypes, readWorkflow } = require('./pack');

/**
 * What each n8n process logs once it is ready: the main once it has activated the workflows and
 * serves the editor (1.x and 2.x), a worker once it takes jobs, a webhook processor once it serves.
 */
const READY_LINES = {
	start: 'Editor is now accessible via',
	worker: 'n8n worker is now ready',
	webhook: 'Webhook listener waiting for requests.',
};

function sleep(ms) {
	return new Promise((done) => setTimeout(done, ms));
}

/** A free TCP port on 127.0.0.1, picked by the OS. */
function freePort() {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolvePort(port));
		});
	});
}

/** Whether something accepts connections on 127.0.0.1:port. */
function isListening(port) {
	return new Promise((resolveCheck) => {
		const socket = connect({ host: '127.0.0.1', port });
		socket.once('connect', () => {
			socket.destroy();
			resolveCheck(true);
		});
		socket.once('error', () => resolveCheck(false));
	});
}

/** Sends a signal to a PID (negative: a process group); a process already gone is fine. */
function signalProcess(pid, signal) {
	// Windows has no process groups or signals: end the process tree.
	if (process.platform === 'win32') {
		const result = spawnSync('taskkill', ['/pid', String(Math.abs(pid)), '/T', '/F'], { stdio: 'ignore' });
		return result.status === 0;
	}
	try {
		process.kill(pid, signal);
		return true;
	} catch (error) {
		if (error.code === 'ESRCH') return false;
		throw error;
	}
}

/**
 * The caller's environment without what would change how n8n behaves: NODE_ENV=test (set by
 * Jest) makes n8n refuse to load nodes, and any N8N_*, DB_* or WEBHOOK_URL setting of the caller
 * would leak into this instance.
 */
function inheritedEnvironment() {
	return Object.fromEntries(
		Object.entries(process.env).filter(([name]) => !/^(NODE_ENV|JEST_.*|N8N_.*|DB_.*|WEBHOOK_URL|EXECUTIONS_.*)$/.test(name)),
	);
}

class N8nInstance {
	/**
	 * @param {object} options
	 * @param {string} options.version n8n version, installed with ensureN8n
	 * @param {string} options.nodeBinary Node 24, from ensureNode24
	 * @param {string} options.userFolder N8N_USER_FOLDER: n8n keeps its data in <userFolder>/.n8n
	 * @param {number} options.port the HTTP port (editor, REST, webhooks)
	 * @param {number} options.brokerPort the task runner broker's port
	 * @param {'start'|'worker'|'webhook'} [options.command] which n8n process (queue mode has all three)
	 * @param {string} [options.name] names its log file, n8n-<name>.log (default: n8n.log)
	 * @param {number} [options.healthPort] a worker's QUEUE_HEALTH_CHECK_PORT
	 * @param {Record<string,string>} [options.env] extra environment for n8n
	 */
	constructor({ version, nodeBinary, userFolder, port, brokerPort, command = 'start', name, healthPort, env = {} }) {
		this.version = version;
		this.major = majorOf(version);
		this.nodeBinary = nodeBinary;
		this.directory = n8nDirectory(version);
		this.userFolder = userFolder;
		this.port = port;
		this.brokerPort = brokerPort;
		this.command = command;
		this.name = name ?? command;
		this.healthPort = healthPort;
		this.extraEnv = env;
		this.baseUrl = `http://127.0.0.1:${port}`;
		this.logFile = join(userFolder, name ? `n8n-${name}.log` : 'n8n.log');
		this.child = undefined;
		this.detached = false;
		fs.mkdirSync(userFolder, { recursive: true });
	}

	/** The ports this process listens on. */
	get ports() {
		return [this.port, this.brokerPort, this.healthPort].filter((port) => port !== undefined);
	}

	/** The environment of an unattended, loopback-only n8n with telemetry and update checks off. */
	environment() {
		return {
			...inheritedEnvironment(),
			// n8n starts its JavaScript task runner (Code node) with `node` from PATH: Node 24 too.
			PATH: `${dirname(this.nodeBinary)}${delimiter}${process.env.PATH ?? ''}`,
			NODE_OPTIONS: '',
			N8N_USER_FOLDER: this.userFolder,
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			DB_TYPE: 'sqlite',
			GENERIC_TIMEZONE: 'UTC',
			N8N_SECURE_COOKIE: 'false',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_REINSTALL_MISSING_PACKAGES: 'false',
			// n8n's own search of verified community packages calls api.n8n.io.
			N8N_VERIFIED_PACKAGES_ENABLED: 'false',
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_LOG_OUTPUT: 'console',
			N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL || 'info',
			...(this.healthPort === undefined
				? {}
				: { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(this.healthPort) }),
			...this.versionEnvironment(),
			...this.extraEnv,
		};
	}

	/** What differs between n8n 1.x and 2.x. */
	versionEnvironment() {
		if (this.major >= 2) {
			return {
				// Task runners are always on in 2.x. Its MCP server registry refresh calls api.n8n.io.
				N8N_DISABLED_MODULES: 'mcp-registry',
				N8N_DYNAMIC_BANNERS_ENABLED: 'false',
				N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
			};
		}
		// 1.x runs Code nodes in-process unless task runners are on: run them as 2.x does.
		return { N8N_RUNNERS_ENABLED: 'true', N8N_RUNNERS_MODE: 'internal' };
	}

	/** Runs an n8n CLI command (import:workflow, publish:workflow, ...) on this user folder. */
	async cli(args) {
		return await run(this.nodeBinary, [n8nBinary(this.directory), ...args], {
			cwd: this.userFolder,
			env: this.environment(),
			quiet: true,
		});
	}

	/** Imports workflow files in one CLI call; resolves with their ids (each file needs one). */
	async importWorkflows(files) {
		if (files.length === 0) return [];
		const staging = join(this.userFolder, 'import-workflows');
		fs.rmSync(staging, { recursive: true, force: true });
		fs.mkdirSync(staging, { recursive: true });
		const ids = files.map((file, index) => {
			const workflow = readWorkflow(file);
			fs.writeFileSync(join(staging, `${String(index).padStart(3, '0')}-${basename(file)}`), JSON.stringify(workflow));
			return workflow.id;
		});
		try {
			await this.cli(['import:workflow', '--separate', `--input=${staging}`]);
		} finally {
			fs.rmSync(staging, { recursive: true, force: true });
		}
		return ids;
	}

	/** The ids of the workflows in this instance's database. */
	async listWorkflowIds() {
		const output = await this.cli(['list:workflow', '--onlyId']);
		return output
			.split('\n')
			.map((line) => line.trim())
			.filter((line) => /^[A-Za-z0-9_-]{1,36}$/.test(line));
	}

	/**
	 * Imports credentials ({ id, name, type, data } with plain data; n8n encrypts it). The file
	 * holding the secrets is readable by this user only and deleted right after the import.
	 */
	async importCredentials(credentials) {
		const file = join(this.userFolder, `credentials-${randomBytes(6).toString('hex')}.json`);
		fs.writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
		try {
			await this.cli(['import:credentials', `--input=${file}`]);
		} finally {
			fs.rmSync(file, { force: true });
		}
	}

	/** Activates an imported workflow: `publish:workflow` on n8n 2.x, `update:workflow` on 1.x. */
	async activateWorkflow(id) {
		if (this.major >= 2) await this.cli(['publish:workflow', `--id=${id}`]);
		else await this.cli(['update:workflow', `--id=${id}`, '--active=true']);
	}

	/**
	 * Starts `n8n <command>` (`n8n start` by default). In the foreground n8n shares the terminal, so Ctrl+C reaches it.
	 * Otherwise it leads its own process group (stop() then also ends its task runner) and
	 * writes to <userFolder>/n8n.log.
	 */
	start({ foreground = false } = {}) {
		if (this.running) throw new Error(`this n8n ${this.name} is already running`);
		let stdio = 'inherit';
		if (!foreground) {
			this.logStart = fs.existsSync(this.logFile) ? fs.statSync(this.logFile).size : 0;
			const logFd = fs.openSync(this.logFile, 'a');
			stdio = ['ignore', logFd, logFd];
		}
		this.detached = !foreground;
		this.child = spawn(this.nodeBinary, [n8nBinary(this.directory), this.command], {
			cwd: this.userFolder,
			env: this.environment(),
			stdio,
			detached: this.detached,
		});
		if (typeof stdio !== 'string') fs.closeSync(stdio[1]);
		this.child.on('error', (error) => log(`n8n ${this.command} could not be started: ${error.message}`));
		return this.child;
	}

	get pid() {
		return this.child?.pid;
	}

	get running() {
		return Boolean(this.child) && this.child.exitCode === null && this.child.signalCode === null;
	}

	/**
	 * Waits until n8n answers /healthz/readiness (database migrated, HTTP server up; a worker on its
	 * health port) and, in the background, until it logged its ready line: n8n 1.x is ready before
	 * it has activated the workflows (and registered their webhooks), and logs that line after.
	 */
	async waitUntilReady(timeoutMs = 180000) {
		const deadline = Date.now() + timeoutMs;
		const readyLine = READY_LINES[this.command];
		const done = async () => (await this.answersReadiness()) && (!this.detached || this.logSinceStart().includes(readyLine));
		while (Date.now() < deadline) {
			if (!this.running) throw new Error(`n8n ${this.version} ${this.name} exited before it was ready${this.logHint()}`);
			if (await done()) return;
			await sleep(250);
		}
		throw new Error(`n8n ${this.version} ${this.name} was not ready after ${timeoutMs / 1000}s${this.logHint()}`);
	}

	async answersReadiness() {
		const port = this.command === 'worker' ? this.healthPort : this.port;
		if (port === undefined) return true;
		try {
			const response = await fetch(`http://127.0.0.1:${port}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
			return response.ok;
		} catch {
			return false;
		}
	}

	/**
	 * The node and credential types n8n loaded, from the type files it writes into its static
	 * cache (the files the editor fetches as /types/*.json). Undefined until both are written:
	 * n8n 2.x writes them before it is ready, 1.x shortly after.
	 */
	loadedTypes() {
		const typesDir = join(this.userFolder, '.cache', 'n8n', 'public', 'types');
		try {
			const names = (file) => JSON.parse(fs.readFileSync(join(typesDir, file), 'utf8')).map((type) => type.name);
			return { nodes: names('nodes.json'), credentials: names('credentials.json') };
		} catch {
			return undefined;
		}
	}

	/**
	 * Waits until n8n lists this pack's node and credential types (all of them by default: every
	 * node and credential the pack's package.json registers) and resolves with the pack's node types.
	 */
	async waitForPack({ nodes = packNodeTypes(), credentials = packCredentialTypes(), timeoutMs = 60000 } = {}) {
		const deadline = Date.now() + timeoutMs;
		let missing = [...nodes, ...credentials];
		while (Date.now() < deadline) {
			const loaded = this.loadedTypes();
			if (loaded) {
				missing = [
					...nodes.filter((name) => !loaded.nodes.includes(name)),
					...credentials.filter((name) => !loaded.credentials.includes(name)),
				];
				if (missing.length === 0) return loaded.nodes.filter((name) => name.startsWith(`${PACKAGE_NAME}.`));
			}
			if (!this.running) break;
			await sleep(500);
		}
		throw new Error(`n8n ${this.version} did not load ${missing.join(', ')} from the pack${this.logHint()}`);
	}

	logHint() {
		return fs.existsSync(this.logFile) ? ` (log: ${this.logFile})\n${this.logTail()}` : '';
	}

	logText() {
		return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8') : '';
	}

	/** What this process logged since its latest start (a restarted one appends to the same file). */
	logSinceStart() {
		if (!fs.existsSync(this.logFile)) return '';
		return fs.readFileSync(this.logFile).subarray(this.logStart ?? 0).toString('utf8');
	}

	logTail(lines = 30) {
		return this.logText().trim().split('\n').slice(-lines).join('\n');
	}

	/** Ends n8n at once by its PID (its process group in the background), as a crash would. */
	async kill() {
		const child = this.child;
		if (!child?.pid || !this.running) return;
		const exited = new Promise((done) => child.once('exit', done));
		signalProcess(this.detached ? -child.pid : child.pid, 'SIGKILL');
		await exited;
	}

	/**
	 * Stops n8n by its PID (by its process group when it runs in the background): SIGTERM, then
	 * SIGKILL if it is still running after `graceMs`. Safe to call more than once.
	 */
	async stop(graceMs = 20000) {
		const child = this.child;
		if (!child || child.pid === undefined) return;
		const target = this.detached ? -child.pid : child.pid;
		if (this.running) {
			const exited = new Promise((done) => child.once('exit', done));
			signalProcess(target, 'SIGTERM');
			let timer;
			const graceOver = new Promise((done) => (timer = setTimeout(done, graceMs, false)));
			const inTime = await Promise.race([exited.then(() => true), graceOver]);
			clearTimeout(timer);
			if (!inTime) {
				signalProcess(target, 'SIGKILL');
				await exited;
			}
		}
		// The group may still hold n8n's task runner for a moment after n8n itself exits.
		if (this.detached) signalProcess(target, 'SIGKILL');
	}
}

module.exports = { freePort, isListening, signalProcess, N8nInstance };

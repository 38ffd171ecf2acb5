/**
 * End-to-end harness: this pack inside a real n8n, over real HTTP, on loopback only.
 * (JavaScript on purpose, like the other Node-runtime helpers: see test/setup.js.)
 *
 * How to add an end-to-end test file (e.g. for the callout or ONLYOFFICE nodes):
 *   1. Create test/e2e/<topic>.e2e.ts (the e2e config picks up every *.e2e.ts).
 *   2. Wrap it in describeEachN8nVersion('<topic>', (version) => { ... }): the block runs once
 *      per n8n version under test (N8N_E2E_VERSIONS, default: every proven version).
 *   3. In beforeAll, start the stand-ins you need (test/standins/*), then
 *        n8n = await launchN8n(version, {
 *          credentials: [{ id, name, type, data }],          // imported with import:credentials
 *          workflows: [exampleWorkflow('1-pricing-callout.json'), fixtureWorkflow('my-check.json')],
 *        });
 *      It gets its own user folder and ports, installs the packed tarball into
 *      <user folder>/.n8n/nodes, imports and activates the workflows (each needs an "id", and
 *      webhook nodes a "webhookId"), starts n8n and waits until the pack's types are loaded.
 *      Give beforeAll LAUNCH_TIMEOUT_MS.
 *   4. In afterAll: await n8n?.stop(), then stop your stand-ins.
 *   5. Call webhooks at n8n.webhookUrl('<path>'); use n8n.ownerSession() for the REST API and
 *      withBrowser(async (page) => ...) for headless Chromium.
 * globalSetup.js installs Node 24 and n8n into the cache and packs the project once per run;
 * globalTeardown.js ends any n8n a test left running and fails the run if a port is still open.
 */
const { createHash, randomBytes } = require('node:crypto');
const fs = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const runtime = require('../../scripts/n8nRuntime');
const queueMode = require('../../scripts/queueMode');
const { CHROMIUM_FLAGS, chromiumPath } = require('../../scripts/runtime/chromium');

/**
 * This run's folder: state, tarball, stand-in fixtures and every n8n's user folder (logs too; kept
 * until the next run). Outside the clone on purpose: a pack installed under the clone would find
 * the clone's own node_modules (its zod and n8n-workflow) before the host n8n's, so the tests
 * would not run the pack on the zod and n8n-workflow of the n8n under test. One per clone.
 */
const E2E_DIR = join(tmpdir(), `n8n-nodes-dealhub-e2e-${createHash('sha256').update(runtime.REPO_ROOT).digest('hex').slice(0, 10)}`);
const STATE_FILE = join(E2E_DIR, 'state.json');
const STARTED_FILE = join(E2E_DIR, 'started.jsonl');
const FIXTURES_DIR = join(__dirname, 'workflows');

/** Time for one launchN8n: install, imports, activation and start (about 30 s per instance). */
const LAUNCH_TIMEOUT_MS = 300000;

/**
 * @typedef {object} RunState what globalSetup prepared for this run
 * @property {string} nodeBinary
 * @property {string} tarball
 * @property {string[]} versions
 */

/** The n8n versions to test: N8N_E2E_VERSIONS (comma-separated), or every proven version. */
function requestedVersions() {
	const requested = (process.env.N8N_E2E_VERSIONS ?? '')
		.split(',')
		.map((version) => version.trim())
		.filter(Boolean);
	return requested.length > 0 ? requested : runtime.PROVEN_N8N_VERSIONS;
}

/** @returns {RunState} */
function readState() {
	if (!fs.existsSync(STATE_FILE)) {
		throw new Error(`${STATE_FILE} is missing: run the end-to-end tests with npm run test:e2e`);
	}
	return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
}

/** @param {RunState} state */
function writeState(state) {
	fs.mkdirSync(E2E_DIR, { recursive: true });
	fs.writeFileSync(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`);
}

/** The n8n versions this run tests (prepared by globalSetup). */
function n8nVersionsUnderTest() {
	return fs.existsSync(STATE_FILE) ? readState().versions : requestedVersions();
}

/**
 * Runs `body` once per n8n version under test, as `<title> (n8n <version>)`.
 * @param {string} title
 * @param {(version: string) => void} body
 */
function describeEachN8nVersion(title, body) {
	describe.each(n8nVersionsUnderTest())(`${title} (n8n %s)`, body);
}

/** @param {string} fileName a file in examples/ */
function exampleWorkflow(fileName) {
	return existingFile(join(runtime.EXAMPLES_DIR, fileName));
}

/** @param {string} fileName a file in test/e2e/workflows/ (workflows only the tests need) */
function fixtureWorkflow(fileName) {
	return existingFile(join(FIXTURES_DIR, fileName));
}

/**
 * A fixture with placeholders replaced (e.g. a stand-in's address, known only at run time), written
 * into this run's folder; returns the new file.
 * @param {string} fileName a file in test/e2e/workflows/
 * @param {Record<string, string>} replacements
 */
function fixtureWorkflowWith(fileName, replacements) {
	let text = fs.readFileSync(fixtureWorkflow(fileName), 'utf8');
	for (const [placeholder, value] of Object.entries(replacements)) text = text.split(placeholder).join(value);
	fs.mkdirSync(E2E_DIR, { recursive: true });
	const file = join(E2E_DIR, `${fileName.replace(/\.json$/, '')}-${randomSecret().slice(0, 8)}.json`);
	fs.writeFileSync(file, text);
	return file;
}

/**
 * Resolves with `read()` once `done` accepts it, or with the last reading after `patienceMs` (the
 * caller asserts on what it gets). `read` may be async; it is called every 200 ms.
 * @template T
 * @param {() => T | Promise<T>} read
 * @param {(value: T) => boolean} done
 * @param {number} [patienceMs]
 * @returns {Promise<T>}
 */
async function waitUntil(read, done, patienceMs = 30000) {
	const deadline = Date.now() + patienceMs;
	for (;;) {
		const value = await read();
		if (done(value) || Date.now() > deadline) return value;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/** @param {string} file */
function existingFile(file) {
	if (!fs.existsSync(file)) throw new Error(`no such workflow file: ${file}`);
	return file;
}

/** A random secret for a stand-in and its credential, so no test secret is ever hard-coded. */
function randomSecret() {
	return randomBytes(18).toString('hex');
}

/**
 * Appends what was started to a run file, so globalTeardown can end it if a test did not.
 * @param {{ pid?: number, ports: number[], kind: 'n8n' | 'redis' | 'postgres', name: string, dataFolder?: string }} entry
 */
function recordStarted(entry) {
	fs.appendFileSync(STARTED_FILE, `${JSON.stringify(entry)}\n`);
}

/** @param {import('../../scripts/n8nRuntime').N8nInstance} instance */
function recordN8n(instance) {
	recordStarted({ kind: 'n8n', pid: instance.pid, ports: instance.ports, name: `n8n ${instance.version} ${instance.name}` });
}

/**
 * @typedef {object} LaunchOptions
 * @property {import('../../scripts/n8nRuntime').CredentialToImport[]} [credentials]
 * @property {string[]} [workflows] workflow files, each with an "id"
 * @property {boolean} [activate] activate every imported workflow (default true)
 * @property {Record<string, string>} [env] extra environment for n8n
 */

/**
 * A fresh n8n with the pack installed, the credentials and workflows imported and activated,
 * started on free loopback ports. It is stopped again if anything on the way fails.
 * @param {string} version
 * @param {LaunchOptions} [options]
 */
async function launchN8n(version, { credentials = [], workflows = [], activate = true, env = {} } = {}) {
	const state = readState();
	fs.mkdirSync(E2E_DIR, { recursive: true });
	const instance = new runtime.N8nInstance({
		version,
		nodeBinary: state.nodeBinary,
		userFolder: fs.mkdtempSync(join(E2E_DIR, `n8n-${version}-`)),
		port: await runtime.freePort(),
		brokerPort: await runtime.freePort(),
		env,
	});
	try {
		await runtime.installPack(instance.userFolder, state.tarball);
		if (credentials.length > 0) await instance.importCredentials(credentials);
		const workflowIds = await instance.importWorkflows(workflows);
		if (activate) {
			for (const id of workflowIds) await instance.activateWorkflow(id);
		}
		instance.start();
		recordN8n(instance);
		await instance.waitUntilReady();
		const packNodeTypes = await instance.waitForPack();
		return new RunningN8n(instance, packNodeTypes);
	} catch (error) {
		await instance.stop();
		throw error;
	}
}

/**
 * @typedef {object} QueueLaunchOptions
 * @property {import('../../scripts/n8nRuntime').CredentialToImport[]} [credentials]
 * @property {string[]} [workflows] workflow files, each with an "id", all activated
 * @property {number} [workers] default 1
 * @property {number} [webhookProcessors] default 1
 * @property {Record<string, string>} [env] extra environment for every n8n process
 */

/**
 * n8n in queue mode, fresh: its own Postgres cluster and Redis on free loopback ports, the pack
 * installed once in the user folder every process shares, the credentials and workflows imported
 * and activated, then a main, the webhook processors and the workers started. Everything it
 * started is recorded for globalTeardown and stopped again if anything on the way fails.
 * @param {string} version
 * @param {QueueLaunchOptions} [options]
 */
async function launchQueueMode(version, { credentials = [], workflows = [], workers = 1, webhookProcessors = 1, env = {} } = {}) {
	const state = readState();
	queueMode.ensureQueuePackages();
	fs.mkdirSync(E2E_DIR, { recursive: true });
	const userFolder = fs.mkdtempSync(join(E2E_DIR, `n8n-queue-${version}-`));
	const postgres = new queueMode.PostgresServer({
		dataFolder: queueMode.postgresDataFolder(`e2e-${randomSecret().slice(0, 10)}`),
		port: await runtime.freePort(),
	});
	const redis = new queueMode.RedisServer({ folder: join(userFolder, 'redis'), port: await runtime.freePort() });
	const cluster = new queueMode.N8nQueueCluster({
		version,
		nodeBinary: state.nodeBinary,
		userFolder,
		postgres,
		database: 'n8n',
		redis,
		workers,
		webhookProcessors,
		env,
	});
	cluster.onStarted = recordN8n;
	try {
		await postgres.start();
		recordStarted({ kind: 'postgres', pid: postgres.pid, ports: [postgres.port], name: 'Postgres', dataFolder: postgres.dataFolder });
		await redis.start();
		recordStarted({ kind: 'redis', pid: redis.pid, ports: [redis.port], name: 'Redis' });
		await runtime.installPack(userFolder, state.tarball);
		await cluster.startServices();
		const main = await cluster.mainInstance();
		if (credentials.length > 0) await main.importCredentials(credentials);
		for (const id of await main.importWorkflows(workflows)) await main.activateWorkflow(id);
		await cluster.start();
		return new RunningQueueMode(cluster);
	} catch (error) {
		await cluster.stop();
		await postgres.destroy();
		throw error;
	}
}

class RunningN8n {
	/**
	 * @param {import('../../scripts/n8nRuntime').N8nInstance} instance
	 * @param {string[]} packNodeTypes the pack's node types n8n loaded
	 */
	constructor(instance, packNodeTypes) {
		this.instance = instance;
		this.packNodeTypes = packNodeTypes;
		this.version = instance.version;
		this.baseUrl = instance.baseUrl;
		this.port = instance.port;
		this.brokerPort = instance.brokerPort;
		/** @type {RestSession | undefined} */
		this.session = undefined;
	}

	/** @param {string} path the Webhook node's path */
	webhookUrl(path) {
		return `${this.baseUrl}/webhook/${path}`;
	}

	/** The last lines n8n logged, for failure messages. */
	logTail() {
		return this.instance.logTail();
	}

	/**
	 * A signed-in REST session as the instance owner, set up on first use through n8n's
	 * owner setup (open without sign-in until an owner exists).
	 */
	async ownerSession() {
		this.session ??= await RestSession.setUpOwner(this.baseUrl);
		return this.session;
	}

	async stop() {
		await this.instance.stop();
	}
}

/** n8n in queue mode, started by launchQueueMode. */
class RunningQueueMode {
	/** @param {import('../../scripts/queueMode').N8nQueueCluster} cluster */
	constructor(cluster) {
		this.cluster = cluster;
		const main = /** @type {import('../../scripts/n8nRuntime').N8nInstance} */ (cluster.main);
		this.version = main.version;
		/** The main's address: editor and REST API (it serves no production webhooks). */
		this.baseUrl = main.baseUrl;
		/** @type {RestSession | undefined} */
		this.session = undefined;
	}

	/**
	 * A production webhook's address at a webhook processor.
	 * @param {string} path
	 * @param {number} [processor] which webhook processor (default the first)
	 */
	webhookUrl(path, processor = 0) {
		return `${this.cluster.webhooks[processor].baseUrl}/webhook/${path}`;
	}

	/** @param {number} [index] */
	worker(index = 0) {
		return this.cluster.workers[index];
	}

	/**
	 * Starts a stopped worker again (a new process on the same ports) and waits until it takes jobs.
	 * @param {number} [index]
	 */
	async restartWorker(index = 0) {
		await this.cluster.startProcess(this.worker(index));
	}

	/** Redis stopped, then started again on its port (empty: it keeps nothing on disk). */
	async restartRedis() {
		await this.cluster.redis.stop();
		await this.cluster.redis.start();
		recordStarted({ kind: 'redis', pid: this.cluster.redis.pid, ports: [this.cluster.redis.port], name: 'Redis' });
	}

	/** How many jobs n8n ever put on its Bull queue (Bull's job id counter). */
	async jobsQueued() {
		const output = await runtime.run('redis-cli', ['-h', '127.0.0.1', '-p', String(this.cluster.redis.port), 'GET', 'bull:jobs:id'], { quiet: true });
		return Number(output.trim() || 0);
	}

	/** Every process's last log lines, for failure messages. */
	logTail() {
		return this.cluster.processes.map((instance) => `--- ${instance.name}\n${instance.logTail(15)}`).join('\n');
	}

	/** The main's owner session (set up on first use). */
	async ownerSession() {
		this.session ??= await RestSession.setUpOwner(this.baseUrl);
		return this.session;
	}

	/** Stops every n8n process, Redis and Postgres by their ids, and deletes the database cluster. */
	async stop() {
		try {
			await this.cluster.stopN8n();
		} finally {
			await this.cluster.redis.stop();
			await this.cluster.postgres.destroy();
		}
	}
}

/**
 * @typedef {object} CredentialTestResult
 * @property {string} status 'OK' or 'Error'
 * @property {string} [message]
 */

class RestSession {
	/**
	 * @param {string} baseUrl
	 * @param {string} cookie
	 * @param {string} browserId n8n ties its auth cookie to this header
	 */
	constructor(baseUrl, cookie, browserId) {
		this.baseUrl = baseUrl;
		this.cookie = cookie;
		this.browserId = browserId;
	}

	/** @param {string} baseUrl */
	static async setUpOwner(baseUrl) {
		const browserId = randomSecret();
		const response = await fetch(`${baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': browserId },
			body: JSON.stringify({
				email: 'owner@e2e.invalid',
				firstName: 'End',
				lastName: 'ToEnd',
				password: `Aa1-${randomSecret()}`,
			}),
		});
		const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
		if (!response.ok || !cookie) throw new Error(`owner setup failed: HTTP ${response.status} ${await response.text()}`);
		return new RestSession(baseUrl, cookie, browserId);
	}

	/**
	 * A call to n8n's REST API as this user; the answer's body parsed when it is JSON.
	 * @param {'POST' | 'PATCH'} method
	 * @param {string} path under /rest
	 * @param {unknown} body
	 * @returns {Promise<{ status: number, body: any }>}
	 */
	async call(method, path, body) {
		const response = await fetch(`${this.baseUrl}/rest${path}`, {
			method,
			headers: { 'content-type': 'application/json', 'browser-id': this.browserId, cookie: this.cookie },
			body: JSON.stringify(body),
		});
		const text = await response.text();
		let parsed;
		try {
			parsed = JSON.parse(text);
		} catch {
			parsed = text;
		}
		return { status: response.status, body: parsed };
	}

	/** @param {string} path @param {unknown} body */
	async post(path, body) {
		return await this.call('POST', path, body);
	}

	/** @param {string} path @param {unknown} body */
	async patch(path, body) {
		return await this.call('PATCH', path, body);
	}

	/**
	 * The editor's "Test" button for a credential: POST /rest/credentials/test.
	 * @param {import('../../scripts/n8nRuntime').CredentialToImport} credential
	 * @returns {Promise<CredentialTestResult>}
	 */
	async testCredential(credential) {
		const { status, body } = await this.post('/credentials/test', { credentials: credential });
		if (status !== 200) throw new Error(`credential test answered HTTP ${status}: ${JSON.stringify(body)}`);
		return body.data;
	}
}

/**
 * Runs `use` with a page of a fresh headless Chromium (its own user data folder), then closes
 * the browser and removes the folder, also when `use` fails.
 * @template T
 * @param {(page: import('playwright-core').Page) => Promise<T>} use
 * @returns {Promise<T>}
 */
async function withBrowser(use) {
	const { chromium } = require('playwright-core');
	const userDataDir = fs.mkdtempSync(join(tmpdir(), 'n8n-dealhub-chromium-'));
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: chromiumPath(),
		headless: true,
		args: CHROMIUM_FLAGS,
	});
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		return await use(page);
	} finally {
		await context.close();
		fs.rmSync(userDataDir, { recursive: true, force: true });
	}
}

exports.E2E_DIR = E2E_DIR;
exports.STARTED_FILE = STARTED_FILE;
exports.LAUNCH_TIMEOUT_MS = LAUNCH_TIMEOUT_MS;
exports.requestedVersions = requestedVersions;
exports.readState = readState;
exports.writeState = writeState;
exports.n8nVersionsUnderTest = n8nVersionsUnderTest;
exports.describeEachN8nVersion = describeEachN8nVersion;
exports.exampleWorkflow = exampleWorkflow;
exports.fixtureWorkflow = fixtureWorkflow;
exports.fixtureWorkflowWith = fixtureWorkflowWith;
exports.waitUntil = waitUntil;
exports.randomSecret = randomSecret;
exports.launchN8n = launchN8n;
exports.RunningN8n = RunningN8n;
exports.launchQueueMode = launchQueueMode;
exports.RunningQueueMode = RunningQueueMode;
exports.RestSession = RestSession;
exports.withBrowser = withBrowser;
exports.isListening = runtime.isListening;

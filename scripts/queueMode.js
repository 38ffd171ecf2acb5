// Postgres and Redis for n8n's queue mode, from Debian's packages, on loopback ports with their own
// data folders (never the system services). Used by `npm run start:queue`, the queue-mode
// end-to-end tests and the queue benchmark.
const { execFileSync, spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const { dirname, join } = require('node:path');

const { N8nInstance, cacheRoot, freePort, isListening, log, run, signalProcess } = require('./n8nRuntime');

const POSTGRES_MAJOR = 15;
const POSTGRES_USER = 'n8n';
const REDIS_BINARY = '/usr/bin/redis-server';

function sleep(ms) {
	return new Promise((done) => setTimeout(done, ms));
}

function postgresBinary(name) {
	return `/usr/lib/postgresql/${POSTGRES_MAJOR}/bin/${name}`;
}

function isRoot() {
	return process.getuid?.() === 0;
}

/**
 * Installs Debian's postgresql and redis-server when their binaries are missing (as root, with
 * apt-get, as .ci/run does); elsewhere says what to install.
 */
function ensureQueuePackages() {
	const missing = [];
	if (!fs.existsSync(postgresBinary('initdb'))) missing.push(`postgresql-${POSTGRES_MAJOR}`);
	if (!fs.existsSync(REDIS_BINARY)) missing.push('redis-server');
	if (missing.length === 0) return;
	if (!isRoot() || !fs.existsSync('/usr/bin/apt-get')) {
		throw new Error(`queue mode needs Debian's ${missing.join(' and ')}: sudo apt-get install -y ${missing.join(' ')}`);
	}
	log(`Installing ${missing.join(' and ')} (apt-get)`);
	/** @type {import('node:child_process').ExecFileSyncOptions} */
	const apt = { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
	execFileSync('apt-get', ['update', '-qq'], apt);
	execFileSync('apt-get', ['install', '-y', '-qq', ...missing], apt);
}

/** Postgres refuses to run as root: as root, its commands run as Debian's `postgres` user. */
function asPostgresUser(command, args) {
	return isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function postgresCanReach(folder) {
	if (!isRoot()) return true;
	try {
		execFileSync('runuser', ['-u', 'postgres', '--', 'test', '-x', folder], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/**
 * Where a Postgres data folder called `name` lives: in the cache, or, when the `postgres` user
 * cannot reach the cache (a root home is private), in that user's own home.
 */
function postgresDataFolder(name) {
	const cache = cacheRoot();
	fs.mkdirSync(cache, { recursive: true });
	if (postgresCanReach(cache)) return join(cache, 'postgres', name);
	return join('/var/lib/postgresql', 'n8n-nodes-dealhub', name);
}

class PostgresServer {
	/**
	 * @param {object} options
	 * @param {string} options.dataFolder the cluster's folder (created by start() when new)
	 * @param {number} options.port a loopback port
	 */
	constructor({ dataFolder, port }) {
		this.dataFolder = dataFolder;
		this.port = port;
		this.user = POSTGRES_USER;
		// Kept beside the cluster, readable by its owner only, so a restart finds it.
		this.passwordFile = `${dataFolder}.password`;
		this.password = '';
	}

	get logFile() {
		return join(this.dataFolder, 'server.log');
	}

	/** The postmaster's PID while it runs (from its postmaster.pid file). */
	get pid() {
		try {
			const pid = Number(fs.readFileSync(join(this.dataFolder, 'postmaster.pid'), 'utf8').split('\n')[0]);
			return Number.isInteger(pid) && pid > 0 ? pid : undefined;
		} catch {
			return undefined;
		}
	}

	async run(command, args) {
		const [program, programArgs] = asPostgresUser(postgresBinary(command), args);
		return await run(program, programArgs, { quiet: true, cwd: '/' });
	}

	/** A new cluster with password sign-in for user n8n over TCP, when the folder has none yet. */
	async initialise() {
		if (fs.existsSync(join(this.dataFolder, 'PG_VERSION'))) {
			this.password = fs.readFileSync(this.passwordFile, 'utf8').trim();
			return;
		}
		log(`Creating a Postgres ${POSTGRES_MAJOR} cluster in ${this.dataFolder}`);
		fs.rmSync(this.dataFolder, { recursive: true, force: true });
		fs.mkdirSync(dirname(this.dataFolder), { recursive: true });
		fs.mkdirSync(this.dataFolder, { mode: 0o700 });
		this.password = randomBytes(18).toString('hex');
		fs.writeFileSync(this.passwordFile, this.password, { mode: 0o600 });
		// initdb wants an empty folder, and reads the password from a file its user can read.
		const initialPassword = `${this.dataFolder}.initial-password`;
		fs.writeFileSync(initialPassword, this.password, { mode: 0o600 });
		if (isRoot()) execFileSync('chown', ['postgres:postgres', this.dataFolder, initialPassword]);
		try {
			await this.run('initdb', [
				'-D',
				this.dataFolder,
				`--username=${this.user}`,
				`--pwfile=${initialPassword}`,
				'--auth=scram-sha-256',
				'--encoding=UTF8',
				'--no-instructions',
			]);
		} finally {
			fs.rmSync(initialPassword, { force: true });
		}
	}

	/** Starts the server on 127.0.0.1:port (its socket file in its own folder) and waits for it. */
	async start() {
		await this.initialise();
		await this.run('pg_ctl', [
			'-D',
			this.dataFolder,
			'-l',
			this.logFile,
			'-w',
			'-t',
			'60',
			'-o',
			`-c listen_addresses=127.0.0.1 -p ${this.port} -k ${this.dataFolder} -c max_connections=200`,
			'start',
		]);
	}

	/** `psql` as user n8n over TCP. */
	async sql(statement, database = 'postgres') {
		return await run(postgresBinary('psql'), ['-h', '127.0.0.1', '-p', String(this.port), '-U', this.user, '-d', database, '-Atqc', statement], {
			quiet: true,
			env: { ...process.env, PGPASSWORD: this.password },
		});
	}

	async databaseExists(name) {
		return (await this.sql(`SELECT 1 FROM pg_database WHERE datname = '${name}'`)).trim() === '1';
	}

	async createDatabase(name) {
		if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name: ${name}`);
		if (!(await this.databaseExists(name))) await this.sql(`CREATE DATABASE ${name}`);
	}

	/** n8n's settings for a database on this server. */
	n8nEnvironment(database) {
		return {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.port),
			DB_POSTGRESDB_DATABASE: database,
			DB_POSTGRESDB_USER: this.user,
			DB_POSTGRESDB_PASSWORD: this.password,
		};
	}

	/** Stops the server (fast shutdown); by its PID if pg_ctl cannot. Safe to call more than once. */
	async stop() {
		const pid = this.pid;
		if (pid === undefined) return;
		try {
			await this.run('pg_ctl', ['-D', this.dataFolder, '-m', 'fast', '-w', '-t', '30', 'stop']);
		} catch {
			signalProcess(pid, 'SIGKILL');
		}
	}

	/** Stops the server and deletes its folder and password (for throwaway test clusters). */
	async destroy() {
		await this.stop();
		fs.rmSync(this.dataFolder, { recursive: true, force: true });
		fs.rmSync(this.passwordFile, { force: true });
	}
}

class RedisServer {
	/**
	 * @param {object} options
	 * @param {string} options.folder its working folder and log
	 * @param {number} options.port a loopback port
	 */
	constructor({ folder, port }) {
		this.folder = folder;
		this.port = port;
		/** @type {import('node:child_process').ChildProcess | undefined} */
		this.child = undefined;
	}

	get logFile() {
		return join(this.folder, 'redis.log');
	}

	get pid() {
		return this.child?.pid;
	}

	get running() {
		return Boolean(this.child) && this.child?.exitCode === null && this.child?.signalCode === null;
	}

	/** Starts redis-server in the foreground of a child process: no persistence, loopback only. */
	async start(timeoutMs = 20000) {
		if (this.running) throw new Error('this Redis is already running');
		fs.mkdirSync(this.folder, { recursive: true });
		this.child = spawn(
			REDIS_BINARY,
			['--bind', '127.0.0.1', '--port', String(this.port), '--save', '', '--appendonly', 'no', '--dir', this.folder, '--logfile', this.logFile],
			{ stdio: 'ignore' },
		);
		const deadline = Date.now() + timeoutMs;
		while (!(await isListening(this.port))) {
			if (!this.running) throw new Error(`redis-server exited at start (log: ${this.logFile})`);
			if (Date.now() > deadline) throw new Error(`redis-server did not listen on ${this.port} within ${timeoutMs / 1000}s`);
			await sleep(100);
		}
	}

	n8nEnvironment() {
		return { QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(this.port) };
	}

	/** Stops redis-server by its PID (SIGTERM, then SIGKILL). Safe to call more than once. */
	async stop(graceMs = 10000) {
		const child = this.child;
		if (!child?.pid || !this.running) return;
		const exited = new Promise((done) => child.once('exit', done));
		signalProcess(child.pid, 'SIGTERM');
		const inTime = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
		if (!inTime) {
			signalProcess(child.pid, 'SIGKILL');
			await exited;
		}
	}
}


/**
 * n8n in queue mode on one machine: a main process (editor, API, activation), webhook processors
 * (take production webhook requests and enqueue them) and workers (run the executions), sharing
 * one user folder (the pack installed once), one Postgres database, one Redis and one encryption key.
 */
class N8nQueueCluster {
	/**
	 * @param {object} options
	 * @param {string} options.version
	 * @param {string} options.nodeBinary
	 * @param {string} options.userFolder shared by every process
	 * @param {PostgresServer} options.postgres started by start() unless it already runs
	 * @param {string} options.database created when missing
	 * @param {RedisServer} options.redis started by start() unless it already runs
	 * @param {number} [options.mainPort] default: a free port
	 * @param {() => Promise<number>} [options.allocatePort] the other processes' ports (default: free ports)
	 * @param {string} [options.webhookUrl] the address users give DealHub (the editor shows it)
	 * @param {number} [options.workers] default 1
	 * @param {number} [options.webhookProcessors] default 1
	 * @param {Record<string,string>} [options.env] extra environment for every process
	 */
	constructor({ version, nodeBinary, userFolder, postgres, database, redis, mainPort, allocatePort = freePort, webhookUrl, workers = 1, webhookProcessors = 1, env = {} }) {
		Object.assign(this, { version, nodeBinary, userFolder, postgres, database, redis, mainPort, allocatePort, webhookUrl, env });
		this.workerCount = workers;
		this.webhookCount = webhookProcessors;
		/** @type {N8nInstance | undefined} */
		this.main = undefined;
		/** @type {N8nInstance[]} */
		this.workers = [];
		/** @type {N8nInstance[]} */
		this.webhooks = [];
		/** Called with each n8n process as it starts (the e2e harness records it for teardown). */
		this.onStarted = (/** @type {N8nInstance} */ _instance) => {};
	}

	/** Every n8n process of the cluster, main first. */
	get processes() {
		return [this.main, ...this.workers, ...this.webhooks].filter((instance) => instance !== undefined);
	}

	/**
	 * The encryption key every process shares: the one n8n saved in the user folder, or a new one
	 * (n8n saves it there on the main's first start).
	 */
	encryptionKey() {
		try {
			const config = JSON.parse(fs.readFileSync(join(this.userFolder, '.n8n', 'config'), 'utf8'));
			if (typeof config.encryptionKey === 'string' && config.encryptionKey) return config.encryptionKey;
		} catch {
			// no config yet
		}
		this.generatedKey ??= randomBytes(24).toString('base64');
		return this.generatedKey;
	}

	/** n8n's queue-mode settings, shared by main, workers and webhook processors. */
	queueEnvironment() {
		return {
			EXECUTIONS_MODE: 'queue',
			...this.redis.n8nEnvironment(),
			...this.postgres.n8nEnvironment(this.database),
			N8N_ENCRYPTION_KEY: this.encryptionKey(),
			...this.env,
		};
	}

	/** Postgres, Redis and the database, when not running or there yet. */
	async startServices() {
		if (this.postgres.pid === undefined) await this.postgres.start();
		await this.postgres.createDatabase(this.database);
		if (!this.redis.running) await this.redis.start();
	}

	/** The main process, not started yet: for CLI commands (imports, activation) before start(). */
	async mainInstance() {
		this.main ??= new N8nInstance({
			version: this.version,
			nodeBinary: this.nodeBinary,
			userFolder: this.userFolder,
			port: this.mainPort ?? (await this.allocatePort()),
			brokerPort: await this.allocatePort(),
			name: 'main',
			// Production webhooks are for the webhook processors; the editor shows their address.
			env: {
				N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
				...(this.webhookUrl ? { WEBHOOK_URL: this.webhookUrl } : {}),
				...this.queueEnvironment(),
			},
		});
		return this.main;
	}

	/** A new worker process (not started). */
	async newWorker() {
		// A worker serves its health check, not N8N_PORT; it still gets a port of its own.
		const worker = await this.newProcess('worker', `worker-${this.workers.length + 1}`, await this.allocatePort());
		this.workers.push(worker);
		return worker;
	}

	/** A new webhook processor (not started). */
	async newWebhookProcessor() {
		const webhook = await this.newProcess('webhook', `webhook-${this.webhooks.length + 1}`);
		this.webhooks.push(webhook);
		return webhook;
	}

	/**
	 * @param {'worker' | 'webhook'} command
	 * @param {string} name
	 * @param {number} [healthPort]
	 */
	async newProcess(command, name, healthPort) {
		return new N8nInstance({
			version: this.version,
			nodeBinary: this.nodeBinary,
			userFolder: this.userFolder,
			port: await this.allocatePort(),
			brokerPort: await this.allocatePort(),
			healthPort,
			command,
			name,
			env: this.queueEnvironment(),
		});
	}

	/** Starts one process and waits until it is ready. */
	async startProcess(instance, { foreground = false } = {}) {
		instance.start({ foreground });
		this.onStarted(instance);
		await instance.waitUntilReady();
	}

	/**
	 * Starts the services, then the main (it migrates the database and activates the workflows),
	 * then the workers and webhook processors side by side.
	 */
	async start() {
		await this.startServices();
		const main = await this.mainInstance();
		await this.startProcess(main);
		await main.waitForPack();
		for (let index = 0; index < this.webhookCount; index += 1) await this.newWebhookProcessor();
		for (let index = 0; index < this.workerCount; index += 1) await this.newWorker();
		await Promise.all([...this.workers, ...this.webhooks].map((instance) => this.startProcess(instance)));
	}

	/** Stops every n8n process by its id (webhook processors and workers first), then Redis. */
	async stopN8n() {
		await Promise.all([...this.webhooks, ...this.workers].map((instance) => instance.stop()));
		await this.main?.stop();
	}

	/** Stops everything it started: n8n, Redis and Postgres. */
	async stop() {
		try {
			await this.stopN8n();
		} finally {
			await this.redis.stop();
			await this.postgres.stop();
		}
	}
}

module.exports = { ensureQueuePackages, postgresDataFolder, PostgresServer, RedisServer, N8nQueueCluster };

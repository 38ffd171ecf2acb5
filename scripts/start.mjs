// `npm start`: a local n8n with this pack and the example workflows, at http://127.0.0.1:5678.
// `npm run start:queue` (--queue): the same in n8n's queue mode (see startQueueMode below).
//
// Builds the pack, installs Node 24 and the pinned n8n into the cache once, packs the project
// with `npm pack` and installs the tarball into <user folder>/.n8n/nodes as n8n installs a
// community package, imports the examples that are not there yet, and runs n8n on its embedded
// SQLite, loopback only, with telemetry and update checks off. Ctrl+C stops it.
//
// The user folder (<cache>/user-default) persists, so your workflows and credentials survive
// restarts. Environment: N8N_DEALHUB_CACHE (cache folder), N8N_PORT (default 5678),
// N8N_DEALHUB_N8N_VERSION (default: the pinned version).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import runtime from './n8nRuntime.js';
import queueMode from './queueMode.js';

const { log } = runtime;

function settings() {
	const port = Number(process.env.N8N_PORT || 5678);
	return {
		version: process.env.N8N_DEALHUB_N8N_VERSION || runtime.PINNED_N8N_VERSION,
		userFolder: join(runtime.cacheRoot(), 'user-default'),
		port,
		brokerPort: port + 1,
	};
}

async function assertPortsFree(...ports) {
	for (const port of ports) {
		if (await runtime.isListening(port)) {
			throw new Error(`127.0.0.1:${port} is in use (another n8n?). Stop it, or choose another port: N8N_PORT=5690 npm start`);
		}
	}
}

/** Builds and packs the project into a temporary folder, and installs the tarball into n8n. */
async function installThisPack(userFolder) {
	await runtime.buildProject();
	const packFolder = mkdtempSync(join(tmpdir(), 'n8n-nodes-dealhub-pack-'));
	try {
		const tarball = await runtime.packProject(packFolder);
		log(`Installing ${tarball.split('/').pop()} into ${join(userFolder, '.n8n', 'nodes')}`);
		await runtime.installPack(userFolder, tarball);
	} finally {
		rmSync(packFolder, { recursive: true, force: true });
	}
}

/** Imports the examples not in n8n yet: a restart keeps the user's edits of the imported ones. */
async function importNewExamples(n8n) {
	const existing = new Set(await n8n.listWorkflowIds());
	const examples = runtime.exampleWorkflowFiles().map((file) => ({ file, workflow: runtime.readWorkflow(file) }));
	const missing = examples.filter(({ workflow }) => !existing.has(workflow.id));
	if (missing.length > 0) {
		log(`Importing example workflows: ${missing.map(({ workflow }) => workflow.name).join(', ')}`);
		await n8n.importWorkflows(missing.map(({ file }) => file));
	}
	return examples.map(({ workflow }) => workflow.name);
}

function printWhatToOpen(n8n, exampleNames, extraLines = []) {
	const lines = [
		'',
		`n8n ${n8n.version} with n8n-nodes-dealhub is running: open ${n8n.baseUrl}`,
		'  First visit: create the owner account (it stays on this machine).',
		`  Example workflows: ${exampleNames.join('; ')}.`,
		'  Open one, pick or create its credential, then activate (publish) it.',
		...extraLines,
		`  Data: ${n8n.userFolder}    Stop: Ctrl+C`,
		'',
	];
	console.log(lines.join('\n'));
}

/** Ends n8n with this script: Ctrl+C reaches both; a SIGTERM sent to this script is passed on. */
function stopWithThisScript(n8n, child) {
	process.on('SIGINT', () => {});
	process.on('SIGTERM', () => void n8n.stop());
	child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** @type {InstanceType<typeof runtime.N8nInstance> | undefined} */
let n8n;
/** @type {InstanceType<typeof queueMode.N8nQueueCluster> | undefined} */
let cluster;

async function startSingleProcess() {
	const { version, userFolder, port, brokerPort } = settings();
	await assertPortsFree(port, brokerPort);
	const nodeBinary = await runtime.ensureNode24();
	await runtime.ensureN8n(version);
	await installThisPack(userFolder);
	n8n = new runtime.N8nInstance({ version, nodeBinary, userFolder, port, brokerPort });
	const exampleNames = await importNewExamples(n8n);
	log(`Starting n8n ${version} on ${n8n.baseUrl}`);
	const child = n8n.start({ foreground: true });
	stopWithThisScript(n8n, child);
	await n8n.waitUntilReady();
	await n8n.waitForPack();
	printWhatToOpen(n8n, exampleNames);
}

/**
 * Queue mode: Postgres and Redis from Debian's packages (installed when missing) on loopback ports
 * with their data in the cache, then one main (editor, API), one webhook processor (production
 * webhooks: the address to give DealHub) and one worker (runs the executions), all sharing the
 * user folder <cache>/user-queue where the pack is installed once. Every process runs in the
 * background with its own log in that folder; Ctrl+C stops them all, then Redis and Postgres.
 * Ports: main N8N_PORT (5678) and +1, webhook processor +2 and +3, worker +4 to +6, Postgres
 * +20, Redis +21.
 */
async function startQueueMode() {
	const { version, port } = settings();
	const userFolder = join(runtime.cacheRoot(), 'user-queue');
	const postgresPort = port + 20;
	const redisPort = port + 21;
	await assertPortsFree(port, port + 1, port + 2, port + 3, port + 4, port + 5, port + 6, postgresPort, redisPort);
	queueMode.ensureQueuePackages();
	const nodeBinary = await runtime.ensureNode24();
	await runtime.ensureN8n(version);
	await installThisPack(userFolder);
	let nextPort = port + 1;
	cluster = new queueMode.N8nQueueCluster({
		version,
		nodeBinary,
		userFolder,
		postgres: new queueMode.PostgresServer({ dataFolder: queueMode.postgresDataFolder('user-queue'), port: postgresPort }),
		database: 'n8n',
		redis: new queueMode.RedisServer({ folder: join(runtime.cacheRoot(), 'redis-queue'), port: redisPort }),
		mainPort: port,
		allocatePort: async () => nextPort++,
		webhookUrl: `http://127.0.0.1:${port + 2}/`,
	});
	stopClusterWithThisScript(cluster);
	await cluster.startServices();
	const exampleNames = await importNewExamples(await cluster.mainInstance());
	log(`Starting n8n ${version} in queue mode: main, webhook processor, worker`);
	await cluster.start();
	const [webhook] = cluster.webhooks;
	const [worker] = cluster.workers;
	printWhatToOpen(cluster.main, exampleNames, [
		`  Queue mode: webhooks (the address DealHub calls) at ${webhook.baseUrl}/webhook/...; the worker's health at http://127.0.0.1:${worker.healthPort}/healthz.`,
		`  Logs: ${cluster.processes.map((instance) => instance.logFile).join(', ')}`,
		`  Postgres 127.0.0.1:${postgresPort} (data ${cluster.postgres.dataFolder}), Redis 127.0.0.1:${redisPort}.`,
	]);
}

/** Ctrl+C (or a SIGTERM to this script) stops every process the cluster started, then exits. */
function stopClusterWithThisScript(queueCluster) {
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		log('Stopping the webhook processor, the worker, the main, Redis and Postgres');
		await queueCluster.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

const queue = process.argv.includes('--queue');
(queue ? startQueueMode() : startSingleProcess()).catch(async (error) => {
	console.error(`\nnpm ${queue ? 'run start:queue' : 'start'} failed: ${error.message}`);
	await n8n?.stop();
	await cluster?.stop();
	process.exit(1);
});

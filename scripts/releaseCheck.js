'use strict';
/**
 * `npm run release:check`: packs the built project (`npm pack`, after `npm run build`), extracts
 * the tarball and checks what n8n's verification of community nodes looks at. Prints each check
 * with ok or failed and exits non-zero when any fails.
 *
 *   node scripts/releaseCheck.js            packs this project and checks the tarball
 *   node scripts/releaseCheck.js <folder>   checks an already extracted package folder
 *
 * The community lint is the tarball leg of n8n's scanner (@n8n/scan-community-package): ESLint
 * over the shipped .js files and package.json with @n8n/eslint-plugin-community-nodes'
 * recommended rules, no-console, and eslint-plugin-n8n-nodes-base's community rules for
 * package.json; inline eslint-disable comments are ignored. The plugins are the ones
 * @n8n/node-cli (`npm run lint`) brings.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const { createRequire } = require('node:module');
const { tmpdir } = require('node:os');
const { basename, join, relative, resolve, sep } = require('node:path');
const { pathToFileURL } = require('node:url');

const REPO_ROOT = resolve(__dirname, '..');
const COMMUNITY_KEYWORD = 'n8n-community-node-package';
const REQUIRED_DOCUMENTS = ['LICENSE', 'README.md', 'CHANGELOG.md'];
const RUNTIME_DEPENDENCY_FIELDS = ['dependencies', 'optionalDependencies', 'bundleDependencies', 'bundledDependencies'];

/**
 * Every file under `folder`, as package-relative paths with forward slashes.
 * @param {string} folder
 * @returns {string[]}
 */
function filesIn(folder) {
	return fs
		.readdirSync(folder, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(folder, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join('/'));
}

/** @typedef {{ name: string, ok: boolean, failures: string[] }} Check */

/**
 * @param {string} name
 * @param {string[]} failures
 * @returns {Check}
 */
function check(name, failures) {
	return { name, ok: failures.length === 0, failures };
}

/**
 * The package.json checks, on the extracted package's manifest and file list.
 * @param {Record<string, any>} manifest
 * @param {string[]} files
 */
function manifestChecks(manifest, files) {
	const n8n = manifest.n8n ?? {};
	const registered = [...(Array.isArray(n8n.nodes) ? n8n.nodes : []), ...(Array.isArray(n8n.credentials) ? n8n.credentials : [])];
	const shipped = new Set(files);
	const n8nSectionFailures = [];
	if (typeof n8n.n8nNodesApiVersion !== 'number') n8nSectionFailures.push('n8n.n8nNodesApiVersion must be a number');
	if (!Array.isArray(n8n.nodes) || n8n.nodes.length === 0) n8nSectionFailures.push('n8n.nodes must list the nodes');
	if (!Array.isArray(n8n.credentials)) n8nSectionFailures.push('n8n.credentials must list the credentials');

	return [
		check('package name starts with n8n-nodes-', /^(@[^/]+\/)?n8n-nodes-/.test(manifest.name ?? '') ? [] : [`name is "${manifest.name}"`]),
		check(
			`keywords include ${COMMUNITY_KEYWORD}`,
			Array.isArray(manifest.keywords) && manifest.keywords.includes(COMMUNITY_KEYWORD) ? [] : [`keywords are ${JSON.stringify(manifest.keywords ?? [])}`],
		),
		check('n8n section declares the API version, nodes and credentials', n8nSectionFailures),
		check(
			'every file the n8n section registers is in the tarball',
			registered.filter((file) => !shipped.has(file.replace(/^\.\//, ''))).map((file) => `${file} is missing`),
		),
		check(
			'no runtime dependencies',
			RUNTIME_DEPENDENCY_FIELDS.filter((field) => Object.keys(manifest[field] ?? {}).length > 0).map(
				(field) => `${field}: ${Object.keys(manifest[field]).join(', ')}`,
			),
		),
		check('no source maps', files.filter((file) => file.endsWith('.map')).map((file) => `${file} is in the tarball`)),
		check(
			`${REQUIRED_DOCUMENTS.join(', ')} are in the tarball`,
			REQUIRED_DOCUMENTS.filter((file) => !shipped.has(file)).map((file) => `${file} is missing`),
		),
	];
}

/** ESLint configured as the scanner's tarball leg; the plugins are resolved from @n8n/node-cli. */
async function scannerConfig() {
	const cliRequire = createRequire(require.resolve('@n8n/node-cli/eslint'));
	const { n8nCommunityNodesPlugin } = await import(pathToFileURL(cliRequire.resolve('@n8n/eslint-plugin-community-nodes')).href);
	const nodesBasePlugin = cliRequire('eslint-plugin-n8n-nodes-base');
	const parser = cliRequire('@typescript-eslint/parser');
	const { defineConfig } = require('eslint/config');
	return defineConfig(
		n8nCommunityNodesPlugin.configs.recommended,
		{ rules: { 'no-console': 'error' } },
		{ plugins: { 'n8n-nodes-base': nodesBasePlugin } },
		{ files: ['package.json'], rules: { ...nodesBasePlugin.configs.community.rules } },
		{ files: ['**/*.json'], languageOptions: { parser } },
	);
}

/**
 * @param {string} folder
 * @param {string[]} files
 */
async function communityLint(folder, files) {
	const { ESLint } = require('eslint');
	const eslint = new ESLint({
		cwd: folder,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await scannerConfig(),
	});
	const targets = files.filter((file) => file.endsWith('.js') || file === 'package.json').map((file) => join(folder, file));
	const results = await eslint.lintFiles(targets);
	const failures = results.flatMap((result) =>
		result.messages
			.filter((message) => message.severity === 2)
			.map((message) => `${relative(folder, result.filePath).split(sep).join('/')}:${message.line} ${message.ruleId ?? 'parse'}: ${message.message}`),
	);
	return check(`community lint as n8n's scanner (${targets.length} files)`, failures);
}

/**
 * Every check on an extracted package folder (package.json at its root).
 * @param {string} folder
 * @returns {Promise<Check[]>}
 */
async function checkPackage(folder) {
	const manifest = JSON.parse(fs.readFileSync(join(folder, 'package.json'), 'utf8'));
	const files = filesIn(folder);
	return [...manifestChecks(manifest, files), await communityLint(folder, files)];
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {string} cwd
 */
function runOrThrow(command, args, cwd) {
	// Windows runs npm.cmd through a shell, which splits unquoted arguments at spaces.
	const shell = process.platform === 'win32';
	const quoted = shell ? args.map((arg) => (/\s/.test(arg) ? `"${arg}"` : arg)) : args;
	const result = spawnSync(command, quoted, { cwd, encoding: 'utf8', shell });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.error}`);
	return result.stdout;
}

/** `npm pack` of this project into a new temporary folder, extracted there (into `package`). */
function packProject() {
	const folder = fs.mkdtempSync(join(tmpdir(), 'n8n-dealhub-release-'));
	const [{ filename }] = JSON.parse(runOrThrow('npm', ['pack', '--json', '--pack-destination', folder], REPO_ROOT));
	// Relative names: Windows' tar reads "C:" in an absolute path as a remote host.
	runOrThrow('tar', ['-xzf', filename], folder);
	return { folder, tarball: join(folder, filename) };
}

/** @param {string[]} args */
async function checkedPackage(args) {
	if (args[0]) {
		console.log(`Checking the package in ${args[0]}`);
		return await checkPackage(args[0]);
	}
	if (!fs.existsSync(join(REPO_ROOT, 'dist'))) throw new Error('no dist folder: run `npm run build` first');
	const { folder, tarball } = packProject();
	console.log(`Checking ${basename(tarball)} (npm pack)`);
	try {
		return await checkPackage(join(folder, 'package'));
	} finally {
		fs.rmSync(folder, { recursive: true, force: true });
	}
}

/** @param {string[]} args */
async function main(args) {
	const results = await checkedPackage(args);
	for (const { name, ok, failures } of results) {
		console.log(`${ok ? 'ok    ' : 'failed'}  ${name}`);
		for (const failure of failures) console.log(`        ${failure}`);
	}
	const failed = results.filter((result) => !result.ok).length;
	console.log(failed === 0 ? 'Release check passed' : `Release check failed: ${failed} of ${results.length} checks`);
	return failed === 0;
}

if (require.main === module) {
	main(process.argv.slice(2)).then(
		(passed) => {
			process.exitCode = passed ? 0 : 1;
		},
		(error) => {
			console.error(`Release check failed: ${error.message}`);
			process.exitCode = 1;
		},
	);
}

module.exports = { checkPackage, packProject };

/**
 * Node-runtime helpers for the release tests: run scripts/releaseCheck.js and
 * scripts/lintWorkflows.js as `npm run release:check` and `npm run lint` do, on the real pack and
 * workflows or on broken copies in temporary folders.
 * (JavaScript on purpose, like the other Node-runtime helpers: see test/setup.js.)
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const { tmpdir } = require('node:os');
const { dirname, join, resolve } = require('node:path');

const { packProject } = require('../../scripts/releaseCheck');

const REPO_ROOT = resolve(__dirname, '..', '..');
/** @type {string[]} */
const temporaryFolders = [];

function temporaryFolder() {
	const folder = fs.mkdtempSync(join(tmpdir(), 'n8n-dealhub-release-test-'));
	temporaryFolders.push(folder);
	return folder;
}

/**
 * @param {string} script
 * @param {string[]} args
 * @returns {{ status: number | null, output: string }}
 */
function runScript(script, args) {
	const result = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', script), ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
	return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/**
 * `node scripts/releaseCheck.js [folder]`: packs and checks the project, or checks a package folder.
 * @param {string} [folder]
 */
function runReleaseCheck(folder) {
	return runScript('releaseCheck.js', folder ? [folder] : []);
}

/**
 * `node scripts/lintWorkflows.js [files]`: the repository's workflows, or the given files.
 * @param {string[]} [files]
 */
function runWorkflowLint(files = []) {
	return runScript('lintWorkflows.js', files);
}

/** The built project packed with `npm pack` and extracted: the package folder. */
function packedProject() {
	const { folder } = packProject();
	temporaryFolders.push(folder);
	return join(folder, 'package');
}

/**
 * A copy of a package folder with some changes.
 * @param {string} packageFolder
 * @param {{ manifest?: Record<string, unknown>, add?: Record<string, string>, append?: Record<string, string>, remove?: string[] }} changes
 *   manifest: fields set in package.json; add: files written; append: code appended to files;
 *   remove: files deleted (paths relative to the package folder).
 */
function brokenPackage(packageFolder, changes) {
	const copy = join(temporaryFolder(), 'package');
	fs.cpSync(packageFolder, copy, { recursive: true });
	const manifestFile = join(copy, 'package.json');
	const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
	fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, ...changes.manifest }, null, '\t'));
	for (const [file, content] of Object.entries(changes.add ?? {})) {
		fs.mkdirSync(dirname(join(copy, file)), { recursive: true });
		fs.writeFileSync(join(copy, file), content);
	}
	for (const [file, code] of Object.entries(changes.append ?? {})) fs.appendFileSync(join(copy, file), `\n${code}\n`);
	for (const file of changes.remove ?? []) fs.rmSync(join(copy, file));
	return copy;
}

/**
 * A copy of one of the repository's workflows with `search` replaced by `replacement`.
 * @param {string} workflow
 * @param {string} search
 * @param {string} replacement
 */
function brokenWorkflow(workflow, search, replacement) {
	const text = fs.readFileSync(join(REPO_ROOT, '.github', 'workflows', workflow), 'utf8');
	if (!text.includes(search)) throw new Error(`${workflow} does not contain ${JSON.stringify(search)}`);
	const copy = join(temporaryFolder(), workflow);
	fs.writeFileSync(copy, text.replace(search, replacement));
	return copy;
}

function removeTemporaryFolders() {
	for (const folder of temporaryFolders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
}

module.exports = { brokenPackage, brokenWorkflow, packedProject, removeTemporaryFolders, runReleaseCheck, runWorkflowLint };

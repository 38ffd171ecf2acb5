'use strict';
/**
 * Validates GitHub Actions workflows against GitHub's workflow schema with action-validator
 * (@action-validator/cli, WebAssembly, offline), as the last step of `npm run lint`.
 *
 *   node scripts/lintWorkflows.js            every .yml/.yaml file in .github/workflows
 *   node scripts/lintWorkflows.js <file>...  the given files
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const { join, relative, resolve, sep } = require('node:path');

const REPO_ROOT = resolve(__dirname, '..');
const WORKFLOWS_DIR = join(REPO_ROOT, '.github', 'workflows');
const VALIDATOR = require.resolve('@action-validator/cli/cli.mjs');

/**
 * The innermost messages of action-validator's report. Where the schema allows alternatives (a
 * job is a normal job or a reusable-workflow call) it reports every branch: keep the closest one.
 */
function leafMessages(errors) {
	return errors.flatMap((error) => {
		if (error.states?.length) {
			const closest = error.states.reduce((best, state) => (state.errors.length < best.errors.length ? state : best));
			return leafMessages(closest.errors);
		}
		const where = error.path || (error.location ? `line ${error.location.line}` : '');
		return [`${where ? `${where}: ` : ''}${error.detail ?? error.title}`];
	});
}

/**
 * The validator's findings for one workflow file; none when it is valid.
 * @param {string} file
 * @returns {string[]}
 */
function validateWorkflow(file) {
	const result = spawnSync(process.execPath, [VALIDATOR, file], { encoding: 'utf8' });
	if (result.status === 0) return [];
	try {
		return [...new Set(leafMessages(JSON.parse(result.stderr).errors))];
	} catch {
		return [(result.stderr || result.stdout || `action-validator exited with ${result.status}`).trim()];
	}
}

function main(args) {
	const files = args.length > 0 ? args.map((file) => resolve(file)) : fs.existsSync(WORKFLOWS_DIR)
		? fs.readdirSync(WORKFLOWS_DIR).filter((name) => /\.ya?ml$/.test(name)).map((name) => join(WORKFLOWS_DIR, name))
		: [];
	if (files.length === 0) {
		console.error(`No workflow files to validate in ${relative(REPO_ROOT, WORKFLOWS_DIR)}`);
		return false;
	}
	let valid = true;
	for (const file of files) {
		const name = file.startsWith(REPO_ROOT + sep) ? relative(REPO_ROOT, file) : file;
		const findings = validateWorkflow(file);
		if (findings.length === 0) {
			console.log(`ok      ${name}`);
			continue;
		}
		valid = false;
		console.error(`failed  ${name} is not a valid GitHub workflow:`);
		for (const finding of findings) console.error(`        ${finding}`);
	}
	return valid;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2)) ? 0 : 1;

module.exports = { validateWorkflow };

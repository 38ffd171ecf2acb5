// Once per end-to-end run, before any test file: Node 24 and every n8n version under test in the
// cache (installed when missing, about 5 minutes each), and the project built and packed.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');

const runtime = require('../../scripts/n8nRuntime');
const { E2E_DIR, requestedVersions, writeState } = require('./harness');

/** A tarball given in N8N_E2E_TARBALL is used as is; otherwise the working tree is built and packed. */
async function preparePack() {
	const given = process.env.N8N_E2E_TARBALL;
	if (given) {
		if (!fs.existsSync(given)) throw new Error(`N8N_E2E_TARBALL=${given} does not exist`);
		return given;
	}
	await runtime.buildProject();
	return await runtime.packProject(E2E_DIR);
}

/**
 * The browser test drives Debian's chromium. On a fresh machine where we are root, install it (as
 * .ci/run does); otherwise the browser test says how to get it.
 */
function ensureChromium() {
	if (process.env.CHROMIUM_PATH || fs.existsSync('/usr/bin/chromium')) return;
	if (process.getuid?.() !== 0 || !fs.existsSync('/usr/bin/apt-get')) return;
	runtime.log("Installing Debian's chromium for the browser test (apt-get)");
	/** @type {import('node:child_process').ExecFileSyncOptions} */
	const apt = { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
	execFileSync('apt-get', ['update', '-qq'], apt);
	execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], apt);
}

module.exports = async function globalSetup() {
	const versions = requestedVersions();
	runtime.log(`End-to-end tests against n8n ${versions.join(', ')}; cache: ${runtime.cacheRoot()}`);
	// The previous run's user folders and logs go; this run's stay until the next one, to read.
	fs.rmSync(E2E_DIR, { recursive: true, force: true });
	fs.mkdirSync(E2E_DIR, { recursive: true });
	ensureChromium();
	const nodeBinary = await runtime.ensureNode24();
	for (const version of versions) await runtime.ensureN8n(version);
	const tarball = await preparePack();
	writeState({ nodeBinary, tarball, versions });
};

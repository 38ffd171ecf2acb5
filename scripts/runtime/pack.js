'use strict';
/**
 * Packing this project as n8n installs a community package: build, `npm pack`, and the tarball
 * installed into `<user folder>/.n8n/nodes`; the node and credential types it registers; the
 * example workflows.
 */
const fs = require('node:fs');
const { basename, join, resolve } = require('node:path');

const { REPO_ROOT, log, npm } = require('./install');

const EXAMPLES_DIR = join(REPO_ROOT, 'examples');
const PACKAGE_NAME = 'n8n-nodes-dealhub';

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

module.exports = {
	EXAMPLES_DIR,
	PACKAGE_NAME,
	buildProject,
	packNodeTypes,
	packCredentialTypes,
	packProject,
	installPack,
	exampleWorkflowFiles,
	readWorkflow,
};

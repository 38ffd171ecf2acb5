'use strict';
/**
 * The host n8n's own copy of a package the pack leaves to it (zod, n8n-workflow). n8n puts the
 * module folders of its own dist folder on NODE_PATH before loading community packages
 * (load-nodes-and-credentials.js), so the installed pack's `require('zod')` resolves as if from
 * there. (JavaScript, like the other Node-runtime helpers: see test/setup.js.)
 */
const fs = require('node:fs');
const { join } = require('node:path');

const { n8nDirectory } = require('../../scripts/n8nRuntime');

/** @param {string} version an installed n8n version */
function lookupFrom(version) {
	return { paths: [join(n8nDirectory(version), 'node_modules', 'n8n', 'dist')] };
}

/**
 * The file `require(name)` loads for the pack inside n8n <version>.
 * @param {string} version
 * @param {string} name
 */
function hostModule(version, name) {
	return require.resolve(name, lookupFrom(version));
}

/**
 * The version of that package.
 * @param {string} version
 * @param {string} name
 * @returns {string}
 */
function hostPackageVersion(version, name) {
	return JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`, lookupFrom(version)), 'utf8')).version;
}

module.exports = { hostModule, hostPackageVersion };

'use strict';
/**
 * A real n8n for this pack, shared by `npm start` and `npm run start:queue` (scripts/start.mjs),
 * the end-to-end tests (test/e2e) and the benchmarks (test/bench). One module per job:
 *   runtime/install.js   Node 24 and pinned n8n versions, installed once into the cache
 *   runtime/pack.js      the project built, packed and installed as n8n installs a community package
 *   runtime/instance.js  an n8n process: environment, CLI, start, readiness, stop by its id
 * This file gathers them for the callers; its types are in n8nRuntime.d.ts. CommonJS, so that both
 * the ESM start script and the TypeScript tests (ts-jest) can load it.
 */
module.exports = {
	...require('./runtime/install'),
	...require('./runtime/pack'),
	...require('./runtime/instance'),
};

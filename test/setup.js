// Node-runtime test infrastructure lives in JavaScript: n8n's community lint (strict mode, default
// config) applies its node-code rules to every TypeScript file, and tests need process/fs/http.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

// n8n-core's InstanceSettings writes a config file into the user folder: keep it out of $HOME.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-dealhub-test-'));
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';

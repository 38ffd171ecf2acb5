'use strict';
/** Debian's headless Chromium, as the browser end-to-end test and `npm run screenshots` drive it. */
const fs = require('node:fs');

const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** Debian's chromium, or CHROMIUM_PATH. */
function chromiumPath() {
	const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
	if (!fs.existsSync(path)) throw new Error(`no Chromium at ${path}: apt-get install chromium, or set CHROMIUM_PATH`);
	return path;
}

module.exports = { CHROMIUM_FLAGS, chromiumPath };

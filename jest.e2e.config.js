/**
 * End-to-end tests in a real n8n (see test/e2e/harness.js): `npm run test:e2e`.
 * N8N_E2E_VERSIONS=2.41.1,1.123.81 chooses the n8n versions (default: every proven version).
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	globalSetup: '<rootDir>/test/e2e/globalSetup.js',
	globalTeardown: '<rootDir>/test/e2e/globalTeardown.js',
	testTimeout: 120000,
	slowTestThreshold: 60,
};

// Three levels, one runner: `unit` (pure core) and `workflow` (n8n-core's WorkflowExecute) are fast
// and run on Node 20; `e2e` drives a real n8n server and is started by scripts/test.js after the build.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json' }];
const project = (name, extra = {}) => ({
	displayName: name,
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': tsJest },
	testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
	// Run folders hold packed copies of this package: keep them out of jest's module map.
	modulePathIgnorePatterns: ['<rootDir>/.e2e/', '<rootDir>/.bench/', '<rootDir>/dist/'],
	...extra,
});

module.exports = {
	projects: [
		project('unit'),
		project('workflow'),
		project('e2e', {
			globalSetup: '<rootDir>/test/e2e/support/global-setup.js',
			globalTeardown: '<rootDir>/test/e2e/support/global-teardown.js',
			setupFilesAfterEnv: ['<rootDir>/test/e2e/support/timeout.js'],
		}),
	],
};

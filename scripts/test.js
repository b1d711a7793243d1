// @ts-check
// `npm test`: build, lint (strict), the fast tests (unit + workflow), then the end-to-end tests
// in a real n8n. Ends with one line `tests: N passed, N failed` for CI.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0 };

/** @param {string} title @param {string} command @param {string[]} args */
function step(title, command, args) {
	process.stdout.write(`\n=== ${title}\n`);
	const started = Date.now();
	const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
	process.stdout.write(`=== ${title}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
	return result.status === 0;
}

/** @param {string} title @param {string[]} args */
function jest(title, args) {
	const report = path.join(ROOT, '.e2e', `jest-${title.replace(/\W+/g, '-')}.json`);
	fs.mkdirSync(path.dirname(report), { recursive: true });
	const ok = step(title, bin('jest'), [...args, '--json', `--outputFile=${report}`]);
	try {
		const results = JSON.parse(fs.readFileSync(report, 'utf8'));
		totals.passed += results.numPassedTests;
		totals.failed += results.numFailedTests + results.numRuntimeErrorTestSuites;
	} catch {
		totals.failed += 1;
	}
	return ok;
}

const only = process.argv.slice(2);
let ok =
	step('build', bin('gulp'), ['build']) &&
	step('type-check (tests and support code too)', bin('tsc'), ['-p', 'tsconfig.test.json']) &&
	step('lint (n8n-node lint, strict)', bin('n8n-node'), ['lint']);
if (ok) ok = jest('unit and workflow tests', ['--selectProjects', 'unit', 'workflow', ...only]);
if (ok && !process.env.PQL_SKIP_E2E) ok = jest('end-to-end tests in a real n8n', ['--selectProjects', 'e2e', '--runInBand', ...only]);
if (!ok && totals.failed === 0) totals.failed = 1;
process.stdout.write(`\ntests: ${totals.passed} passed, ${totals.failed} failed\n`);
process.exit(ok ? 0 : 1);

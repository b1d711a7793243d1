// @ts-check
// `npm run bench`: builds the package, packs it, starts ONE real n8n (fresh user folder under
// .bench/, the package installed from the tarball as the Community Nodes screen does), runs every
// benchmark in BENCHMARKS against it, and stops n8n at the end — also on failure, on Ctrl+C and at
// the hard time limit. Results go to stdout, progress to stderr. Exit code 0 only if every
// benchmark's own checks passed.
//
// Environment: PQL_BENCH_SKIP_BUILD=1 packs the dist/ already there; PQL_BENCH_ONLY=trigger runs
// only the named benchmarks (comma-separated); PQL_BENCH_HARD_LIMIT_S overrides the hard limit.
// Each benchmark documents its own variables (see bench/trigger.js).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { N8nServer, packPackage, ROOT } = require('../test/support/n8n-server');
const { log, benchN8nSettings } = require('./lib');

/** Add later benchmarks here: `{ name, run(server, { signal }) → { ok }, budgetSeconds() }`. */
const BENCHMARKS = [require('./trigger'), require('./score'), require('./history'), require('./model'), require('./traps'), require('./pipeline'), require('./fault-run')];

const BENCH_DIR = path.join(ROOT, '.bench');
const KEEP_RUNS = 3;

function selected() {
	const only = (process.env.PQL_BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
	const list = only.length ? BENCHMARKS.filter((b) => only.includes(b.name)) : BENCHMARKS;
	if (!list.length) throw new Error(`PQL_BENCH_ONLY=${process.env.PQL_BENCH_ONLY} names no benchmark (have: ${BENCHMARKS.map((b) => b.name).join(', ')})`);
	return list;
}

/** Keep .bench/ from growing: drop all but the newest few earlier runs. */
function pruneOldRuns() {
	if (!fs.existsSync(BENCH_DIR)) return;
	const runs = fs
		.readdirSync(BENCH_DIR)
		.filter((d) => d.startsWith('run-'))
		.sort()
		.reverse();
	for (const old of runs.slice(KEEP_RUNS - 1)) fs.rmSync(path.join(BENCH_DIR, old), { recursive: true, force: true });
}

/**
 * Deactivate every active workflow, so that the next benchmark can activate its own: two active
 * workflows cannot share a webhook path (the pipeline and the fault run import the same templates).
 * @param {N8nServer} server
 */
async function deactivateAll(server) {
	// A page at a time until none is left active: each pass shrinks the list, so no cursor is needed.
	for (;;) {
		const res = await server.api.get('/workflows', { params: { active: true, limit: 250 } });
		if (res.status !== 200) throw new Error(`listing the active workflows failed: ${res.status} ${JSON.stringify(res.data)}`);
		const active = /** @type {Array<{ id: string }>} */ (res.data.data);
		if (active.length === 0) return;
		for (const { id } of active) {
			const off = await server.api.post(`/workflows/${id}/deactivate`, {});
			if (off.status !== 200) throw new Error(`deactivating workflow ${id} failed: ${off.status} ${JSON.stringify(off.data)}`);
		}
	}
}

async function main() {
	const benchmarks = selected();
	const started = Date.now();
	/** @type {N8nServer | null} */
	let server = null;
	const controller = new AbortController();
	let stopping = false;

	const stopServer = async () => {
		if (server) {
			log('stopping n8n');
			await server.stop().catch((e) => log(`stopping n8n failed: ${e.message}`));
			server = null;
		}
	};
	/** @param {string} why @param {number} code */
	const bail = async (why, code) => {
		if (stopping) return;
		stopping = true;
		log(why);
		controller.abort();
		await stopServer();
		process.exit(code);
	};
	process.on('SIGINT', () => void bail('interrupted (Ctrl+C): stopping', 130));
	process.on('SIGTERM', () => void bail('terminated: stopping', 143));

	// Hard limit for the whole run: set-up (build, pack, install, first start with migrations) plus
	// each benchmark's own budget. Nothing should come near it; if it does, stop everything.
	const hardLimitS =
		Number(process.env.PQL_BENCH_HARD_LIMIT_S) || 150 + benchmarks.reduce((sum, b) => sum + b.budgetSeconds(), 0);
	const hardTimer = setTimeout(() => void bail(`hard time limit of ${hardLimitS} s reached: stopping`, 124), hardLimitS * 1000);
	hardTimer.unref();

	try {
		if (process.env.PQL_BENCH_SKIP_BUILD) {
			log('PQL_BENCH_SKIP_BUILD set: packing the existing dist/');
		} else {
			log('building the package (gulp build)');
			execFileSync(process.execPath, [path.join(ROOT, 'node_modules/gulp/bin/gulp.js'), 'build', '--silent'], {
				cwd: ROOT,
				stdio: ['ignore', 2, 'inherit'], // tsc reports errors on stdout
			});
		}
		pruneOldRuns();
		const runDir = path.join(BENCH_DIR, `run-${new Date().toISOString().replace(/[:.]/g, '-')}`);
		log(`packing the package into ${path.relative(ROOT, runDir)}`);
		const tarball = packPackage(runDir);

		log('starting n8n (runtime from scripts/runtime.sh; installing the tarball first)');
		server = new N8nServer({ userFolder: path.join(runDir, 'n8n'), env: benchN8nSettings().env });
		await server.start({ tarball });
		log(`n8n ready at ${server.baseUrl} (log: ${path.relative(ROOT, server.logFile)})`);

		let ok = true;
		for (const benchmark of benchmarks) {
			if (controller.signal.aborted) break;
			log(`--- benchmark "${benchmark.name}" ---`);
			const result = await benchmark.run(server, { signal: controller.signal, tarball });
			ok = ok && result.ok;
			await deactivateAll(server);
		}
		log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
		await stopServer();
		clearTimeout(hardTimer);
		process.exitCode = ok ? 0 : 1;
	} catch (error) {
		log(`FAILED: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
		if (server) log(`n8n log tail:\n${server.tail(20)}`);
		await stopServer();
		clearTimeout(hardTimer);
		process.exitCode = 1;
	}
}

void main();

// @ts-check
// Shared pieces of the benchmarks: an open-loop load generator with a bounded number of requests
// in flight and a hard stop, latency statistics, and plain-text tables. Plain JavaScript (Node
// built-ins only) because n8n's strict lint forbids them in the package's .ts files.
const http = require('node:http');

/** @param {string} message */
const log = (message) => process.stderr.write(`[bench] ${message}\n`);

/** @param {string} name @param {number} fallback */
function envNumber(name, fallback) {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
	return value;
}

/**
 * n8n settings a benchmark run may change, the two that most change how fast a webhook workflow runs:
 * `PQL_BENCH_EXPRESSION_ENGINE` (`vm`, n8n 2.x's default, or `legacy`) becomes n8n's
 * `N8N_EXPRESSION_ENGINE`; `PQL_BENCH_LAZY_ACQUIRE=true` becomes `N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE`
 * (the vm engine builds an isolate only for a scope that evaluates an expression, not for every scope).
 * @returns {{ env: Record<string, string>, label: string }}
 */
function benchN8nSettings() {
	const engine = process.env.PQL_BENCH_EXPRESSION_ENGINE ?? '';
	if (!['', 'vm', 'legacy'].includes(engine)) throw new Error(`PQL_BENCH_EXPRESSION_ENGINE must be vm or legacy, got "${engine}"`);
	const lazy = process.env.PQL_BENCH_LAZY_ACQUIRE ?? '';
	if (!['', 'true', 'false'].includes(lazy)) throw new Error(`PQL_BENCH_LAZY_ACQUIRE must be true or false, got "${lazy}"`);
	/** @type {Record<string, string>} */
	const env = {};
	if (engine) env.N8N_EXPRESSION_ENGINE = engine;
	if (lazy) env.N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE = lazy;
	const label = [
		engine ? `expression engine ${engine} (N8N_EXPRESSION_ENGINE=${engine})` : "expression engine vm (n8n's default)",
		...(lazy ? [`N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=${lazy}`] : []),
	].join(', ');
	return { env, label };
}

/** @param {number[]} sorted @param {number} p 0..100 */
function percentile(sorted, p) {
	if (sorted.length === 0) return NaN;
	const rank = Math.ceil((p / 100) * sorted.length) - 1;
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

/**
 * @typedef {{ status: number, body: string, ms: number } | { error: string, ms: number }} Outcome
 * @typedef {{
 *   label: string, sent: number, ok: number, errors: number, skipped: number, events: number,
 *   elapsedS: number, offeredRate: number, reqPerS: number, eventsPerS: number,
 *   p50: number, p95: number, max: number, errorKinds: Record<string, number>, timedOut: number,
 * }} PhaseResult
 */

/**
 * Send `rate` requests per second for `seconds` seconds (open loop: on schedule, not after the
 * previous answer), never more than `maxInFlight` at once (a tick that finds the limit reached is
 * skipped and counted), each request cut off after `timeoutMs`. Returns once every request has been
 * answered or cut off, at the latest `seconds + timeoutMs` after the start.
 *
 * @param {{
 *   label: string, url: string, rate: number, seconds: number, maxInFlight: number, timeoutMs: number,
 *   headers: Record<string, string>, body: (i: number) => string,
 *   eventsOf: (status: number, body: string) => number,
 *   progressEveryS?: number, signal?: AbortSignal, onOutcome?: (i: number, outcome: Outcome) => void,
 * }} options
 * @returns {Promise<PhaseResult>}
 */
async function runPhase(options) {
	const { label, url, rate, seconds, maxInFlight, timeoutMs, headers, body, eventsOf } = options;
	const target = new URL(url);
	const agent = new http.Agent({ keepAlive: true, maxSockets: maxInFlight });
	/** @type {Set<import('node:http').ClientRequest>} */
	const live = new Set();
	/** @type {number[]} */
	const latencies = [];
	/** @type {Record<string, number>} */
	const errorKinds = {};
	let sent = 0;
	let ok = 0;
	let errors = 0;
	let skipped = 0;
	let events = 0;
	let timedOut = 0;
	let lastAnswer = 0;

	/** @param {Outcome} outcome */
	const record = (outcome) => {
		lastAnswer = performance.now();
		if ('status' in outcome && outcome.status >= 200 && outcome.status < 300) {
			ok++;
			latencies.push(outcome.ms);
			events += eventsOf(outcome.status, outcome.body);
			return;
		}
		errors++;
		const kind = 'status' in outcome ? `HTTP ${outcome.status}` : outcome.error;
		errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
		if (Object.values(errorKinds).reduce((a, b) => a + b, 0) <= 3) {
			const detail = 'status' in outcome ? outcome.body.slice(0, 200) : '';
			log(`${label}: ${kind} after ${outcome.ms.toFixed(0)} ms ${detail}`);
		}
	};

	/** @param {number} i */
	const fire = (i) => {
		const payload = Buffer.from(body(i));
		const started = performance.now();
		sent++;
		let finished = false;
		/** @type {import('node:http').ClientRequest} */
		let req;
		/** @param {Outcome} outcome */
		const finish = (outcome) => {
			if (finished) return;
			finished = true;
			live.delete(req);
			record(outcome);
			options.onOutcome?.(i, outcome);
		};
		/** @param {Error} err */
		const fail = (err) => {
			const code = /** @type {any} */ (err).code;
			finish({ error: err.message === 'timeout' ? `timeout ${timeoutMs} ms` : code ?? err.message, ms: performance.now() - started });
		};
		req = http.request(
			{
				agent,
				method: 'POST',
				hostname: target.hostname,
				port: target.port,
				path: target.pathname + target.search,
				headers: { 'content-type': 'application/json', 'content-length': String(payload.length), ...headers },
			},
			(res) => {
				/** @type {Buffer[]} */
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () =>
					finish({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }),
				);
				res.on('error', fail);
				res.on('aborted', () => fail(new Error('response aborted')));
			},
		);
		live.add(req);
		req.setTimeout(timeoutMs, () => {
			if (!finished) timedOut++;
			req.destroy(new Error('timeout'));
		});
		req.on('error', fail);
		req.end(payload);
	};

	const total = Math.round(rate * seconds);
	const start = performance.now();
	const progressEveryMs = (options.progressEveryS ?? 5) * 1000;
	let nextProgress = start + progressEveryMs;
	const progress = () => {
		const t = (performance.now() - start) / 1000;
		const sorted = [...latencies].sort((a, b) => a - b);
		log(
			`${label}: t=${t.toFixed(0)}s sent=${sent} 2xx=${ok} errors=${errors} skipped=${skipped} in-flight=${live.size}` +
				` p50=${fmt(percentile(sorted, 50))}ms p95=${fmt(percentile(sorted, 95))}ms`,
		);
	};

	// Sending: request i goes out at start + i/rate (catching up after a late timer, never bursting
	// past the in-flight bound).
	for (let i = 0; i < total; i++) {
		if (options.signal?.aborted) break;
		const due = start + (i * 1000) / rate;
		const wait = due - performance.now();
		if (wait > 0) await sleep(wait);
		if (live.size >= maxInFlight) skipped++;
		else fire(i);
		if (performance.now() >= nextProgress) {
			progress();
			nextProgress += progressEveryMs;
		}
	}
	const sendEnd = performance.now();

	// Draining: wait for the answers still owed, bounded by the request timeout (plus a margin).
	const drainDeadline = sendEnd + timeoutMs + 2000;
	while (live.size > 0 && performance.now() < drainDeadline && !options.signal?.aborted) {
		await sleep(50);
		if (performance.now() >= nextProgress) {
			progress();
			nextProgress += progressEveryMs;
		}
	}
	for (const req of live) req.destroy(new Error('abandoned at the hard stop'));
	live.clear();
	agent.destroy();
	progress();

	const elapsedS = (Math.max(lastAnswer, sendEnd) - start) / 1000;
	const sorted = latencies.sort((a, b) => a - b);
	return {
		label,
		sent,
		ok,
		errors,
		skipped,
		events,
		elapsedS,
		offeredRate: rate,
		reqPerS: ok / elapsedS,
		eventsPerS: events / elapsedS,
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		max: sorted.length ? sorted[sorted.length - 1] : NaN,
		errorKinds,
		timedOut,
	};
}

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** @param {number} n @param {number} [digits] */
const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

/**
 * @param {string[]} header
 * @param {Array<Array<string | number>>} rows
 */
function table(header, rows) {
	const cells = [header, ...rows.map((r) => r.map(String))];
	const widths = header.map((_, c) => Math.max(...cells.map((r) => r[c].length)));
	const line = (r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
	return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => line(r.map(String)))].join('\n');
}

/**
 * A benchmark that runs in a child process of its own (so that its memory and timings are its own):
 * what bench/run.js calls, and what running the file directly does.
 * @param {string} name
 * @param {string} file the benchmark's `__filename`
 * @param {number} budgetSeconds rough upper bound of its run time
 * @param {() => Promise<{ ok: boolean }>} main
 * @param {unknown} module the benchmark's `module` (running the file directly is `require.main === module`)
 */
function childProcessBenchmark(name, file, budgetSeconds, main, module) {
	if (require.main === module) {
		main().then(
			({ ok }) => (process.exitCode = ok ? 0 : 1),
			(error) => {
				log(`${name}: FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
				process.exitCode = 1;
			},
		);
	}
	const { spawn } = require('node:child_process');
	return {
		name,
		budgetSeconds: () => budgetSeconds,
		// Not execFileSync: a parent blocked for the child's whole run cannot see n8n close its idle
		// keep-alive connections, and the next benchmark's first request to n8n went out on a dead one.
		run: () =>
			new Promise((resolve) => {
				const child = spawn(process.execPath, [file], { stdio: 'inherit', timeout: budgetSeconds * 1000 });
				child.on('error', () => resolve({ ok: false }));
				child.on('exit', (code) => resolve({ ok: code === 0 }));
			}),
	};
}

/**
 * Runs a benchmark that needs n8n on an n8n of its own (fresh folder under .bench/, the dist/ already
 * built and packed), when its file is run directly with node; stops n8n at the end and on Ctrl+C.
 * @param {string} name
 * @param {(server: import('../test/support/n8n-server').N8nServer, options: { tarball: string }) => Promise<{ ok: boolean }>} run
 */
function runOnOwnN8n(name, run) {
	const path = require('node:path');
	const { N8nServer, packPackage, ROOT } = require('../test/support/n8n-server');
	void (async () => {
		const dir = path.join(ROOT, '.bench', `${name}-${Date.now()}`);
		const server = new N8nServer({ userFolder: path.join(dir, 'n8n'), env: benchN8nSettings().env });
		const stop = () => server.stop().finally(() => process.exit(130));
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
		try {
			const tarball = packPackage(dir);
			await server.start({ tarball });
			const { ok } = await run(server, { tarball });
			process.exitCode = ok ? 0 : 1;
		} catch (error) {
			log(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
			process.exitCode = 1;
		} finally {
			await server.stop();
		}
	})();
}

module.exports = {
	runOnOwnN8n,
	childProcessBenchmark, log, envNumber, benchN8nSettings, percentile, runPhase, sleep, fmt, table };

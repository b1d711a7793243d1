// @ts-check
// Benchmark (not a test): the whole PostHog → HubSpot template under load on one real n8n, beside
// the rate n8n's own Webhook → No-Op sustains on the same instance.
//
// 1. Baseline: a short search for the highest offered single-event rate at which n8n's Webhook →
//    No-Op answers every request with p95 < 1 s (rates PQL_PIPELINE_BASELINE_RATES, each for
//    PQL_PIPELINE_SEARCH_SECONDS; the search stops at the first rate that fails).
// 2. Single events: PostHog destination deliveries, one event each, through the template at
//    PQL_PIPELINE_SINGLE_SHARE (default 0.5) of the baseline rate.
// 3. Batches: posthog-node /batch requests of PQL_PIPELINE_BATCH_SIZE (100) events at
//    PQL_PIPELINE_BATCH_EVENTS (500) events/s.
// Phases 2 and 3 last PQL_PIPELINE_SECONDS (60) each and send a seeded population of accounts of
// which every fourth qualifies. Afterwards: every acknowledged event is in the Data Table exactly
// once, the executions equal the 2xx answers, and every qualifying account whose events were all
// acknowledged has exactly one HubSpot deal and one Slack alert (mocks in this process); no other
// account has any.
//
// `npm run bench` (PQL_BENCH_ONLY=pipeline for this one alone), or standalone:
// `node bench/pipeline.js` (starts its own n8n from the dist/ already built).
const path = require('node:path');
const { log, envNumber, benchN8nSettings, runPhase, sleep, fmt, table } = require('./lib');
const { webhookWorkflow, executionCounts } = require('./trigger');
const { startHubSpotMock } = require('../test/support/hubspot-mock');
const { startSlackMock } = require('../test/support/slack-mock');
const run_ = require('../test/support/posthog-hubspot-run');

const BASELINE_PATH = 'pql-bench-pipeline-baseline';
/** Executions of a phase whose per-node times are averaged (the latest ones, read with their data). */
const TIMED_EXECUTIONS = 20;
const P95_LIMIT_MS = 1000;

function settings() {
	const rates = (process.env.PQL_PIPELINE_BASELINE_RATES ?? '10,15,20,25,30,40,50,60').split(',').map(Number);
	if (!rates.every((r) => Number.isFinite(r) && r > 0)) throw new Error('PQL_PIPELINE_BASELINE_RATES must be positive numbers, comma-separated');
	return {
		rates,
		searchSeconds: envNumber('PQL_PIPELINE_SEARCH_SECONDS', 10),
		seconds: envNumber('PQL_PIPELINE_SECONDS', 60),
		singleShare: envNumber('PQL_PIPELINE_SINGLE_SHARE', 0.5),
		batchEvents: envNumber('PQL_PIPELINE_BATCH_EVENTS', 500),
		batchSize: Math.round(envNumber('PQL_PIPELINE_BATCH_SIZE', 100)),
		maxInFlight: Math.round(envNumber('PQL_BENCH_MAX_IN_FLIGHT', 64)),
		timeoutMs: envNumber('PQL_BENCH_TIMEOUT_MS', 30_000),
		settleS: envNumber('PQL_PIPELINE_SETTLE_SECONDS', 600),
	};
}

function budgetSeconds() {
	const s = settings();
	return s.rates.length * (s.searchSeconds + 15) + 2 * (s.seconds + s.timeoutMs / 1000) + 2 * s.settleS + 60;
}

/** Average events per account of the population (2–4), to size it for a phase. */
const EVENTS_PER_ACCOUNT = 3.2;

/**
 * Where an execution's time goes: each node's average run time over the workflow's latest
 * executions, as n8n recorded it (wall time, so under load it includes waiting for the database and
 * for the other executions), and its share of the summed node time.
 * @param {import('../test/support/n8n-server').N8nServer} server @param {string} workflowId
 * @returns {Promise<Array<{ node: string, ms: number, share: number }>>}
 */
async function nodeTimes(server, workflowId) {
	const res = await server.api.get('/executions', { params: { workflowId, includeData: true, limit: TIMED_EXECUTIONS } });
	if (res.status !== 200) throw new Error(`GET /executions: ${res.status} ${JSON.stringify(res.data)}`);
	/** @type {Map<string, number>} */
	const total = new Map();
	const executions = res.data.data.length;
	for (const execution of res.data.data) {
		for (const [node, runs] of Object.entries(execution.data?.resultData?.runData ?? {})) {
			for (const run of /** @type {Array<{ executionTime?: number }>} */ (runs)) total.set(node, (total.get(node) ?? 0) + (run.executionTime ?? 0));
		}
	}
	const sum = [...total.values()].reduce((a, b) => a + b, 0) || 1;
	return [...total].map(([node, ms]) => ({ node, ms: ms / Math.max(1, executions), share: ms / sum }));
}

/**
 * One timed phase of population events through the template, then its checks.
 * @param {import('../test/support/n8n-server').N8nServer} server
 * @param {{ label: string, prefix: string, seed: number, events: number, eventsPerRequest: number, rate: number,
 *   setup: Awaited<ReturnType<typeof run_.setUpPostHogToHubSpot>>, mocks: { hubspot: any, slack: any },
 *   s: ReturnType<typeof settings>, signal?: AbortSignal }} o
 */
async function pipelinePhase(server, o) {
	const { captures, qualifying, accounts } = run_.population({ prefix: o.prefix, accounts: Math.ceil(o.events / EVENTS_PER_ACCOUNT), seed: o.seed });
	const requests = [];
	for (let i = 0; i < captures.length; i += o.eventsPerRequest) requests.push(captures.slice(i, i + o.eventsPerRequest));
	const batch = o.eventsPerRequest > 1;
	const before = await executionCounts(server, o.setup.workflowId);
	/** @type {Set<number>} */
	const acked = new Set();
	/** @type {Set<number>} */
	const unknown = new Set();
	log(`${o.label}: ${captures.length} events of ${accounts.length} accounts (${qualifying.size} qualifying) in ${requests.length} requests at ${fmt(o.rate, 2)} req/s`);
	const result = await runPhase({
		label: o.label,
		url: batch ? `${o.setup.url}/batch` : o.setup.url,
		rate: o.rate,
		seconds: requests.length / o.rate,
		maxInFlight: o.s.maxInFlight,
		timeoutMs: o.s.timeoutMs,
		headers: o.setup.auth,
		body: (i) => (batch ? run_.batchBody(requests[i]) : run_.destinationBody(requests[i][0])),
		eventsOf: () => 0,
		signal: o.signal,
		onOutcome: (i, outcome) => {
			if ('status' in outcome && outcome.status >= 200 && outcome.status < 300) acked.add(i);
			else if (!('status' in outcome)) unknown.add(i); // no answer: n8n may or may not have run it
		},
	});
	const ackedEvents = [...acked].flatMap((i) => requests[i]);
	result.events = ackedEvents.length;
	result.eventsPerS = ackedEvents.length / result.elapsedS;

	log(`${o.label}: waiting until n8n has saved the acknowledged events and finished every execution`);
	const settleStart = Date.now();
	const rows = await run_.settle(server, { workflowId: o.setup.workflowId, tableId: o.setup.tableId, prefix: o.prefix, rows: ackedEvents.length, timeoutMs: o.s.settleS * 1000 });
	const drainS = (Date.now() - settleStart) / 1000;
	await sleep(1000);
	const after = await executionCounts(server, o.setup.workflowId);
	const times = await nodeTimes(server, o.setup.workflowId);

	const perMessage = run_.rowsPerMessage(rows);
	const unknownUuids = new Set([...unknown].flatMap((i) => requests[i].map((c) => c.uuid)));
	const lostOrDoubled = ackedEvents.filter((c) => perMessage.get(c.uuid) !== 1).length;
	const ackedUuids = new Set(ackedEvents.map((c) => c.uuid));
	// A row of a request that got an error answer: n8n ran what it said it refused.
	const strays = rows.filter((r) => !ackedUuids.has(String(r.eventId)) && !unknownUuids.has(String(r.eventId))).length;
	const executions = after.total - before.total;
	const failed = Object.entries(after.byStatus)
		.filter(([status]) => status !== 'success')
		.reduce((sum, [status, n]) => sum + n - (before.byStatus[status] ?? 0), 0);

	// Accounts all of whose events were acknowledged must end as configured; none may get two.
	const complete = new Set(accounts);
	for (const c of captures) if (!ackedUuids.has(c.uuid)) complete.delete(c.account);
	const { deals, alerts } = run_.outcomes(o.mocks.hubspot, o.mocks.slack, o.prefix);
	const wrong = accounts.filter((a) => {
		const want = qualifying.has(a) ? 1 : 0;
		const d = deals.get(a) ?? 0;
		const m = alerts.get(a) ?? 0;
		if (d > 1 || m > 1 || (!qualifying.has(a) && d + m > 0)) return true;
		return complete.has(a) && (d !== want || m !== want);
	});
	const checks = {
		rows: rows.length,
		lostOrDoubled,
		strays,
		executions,
		expectedExecutions: acked.size,
		unknown: unknown.size,
		failed,
		deals: [...deals.values()].reduce((a, b) => a + b, 0),
		alerts: [...alerts.values()].reduce((a, b) => a + b, 0),
		qualifyingComplete: [...qualifying].filter((a) => complete.has(a)).length,
		wrongAccounts: wrong.length,
		drainS,
	};
	const ok =
		lostOrDoubled === 0 &&
		strays === 0 &&
		executions >= acked.size &&
		executions <= acked.size + unknown.size &&
		failed === 0 &&
		wrong.length === 0;
	if (wrong.length) log(`${o.label}: accounts with the wrong deals/alerts, e.g. ${wrong.slice(0, 5).join(', ')}`);
	return { result, checks, ok, times };
}

/**
 * @param {import('../test/support/n8n-server').N8nServer} server
 * @param {{ signal?: AbortSignal }} [context]
 */
async function run(server, { signal } = {}) {
	const s = settings();
	const common = { maxInFlight: s.maxInFlight, timeoutMs: s.timeoutMs, signal };
	const hubspot = await startHubSpotMock({ owners: [run_.REP] });
	const slack = await startSlackMock({ users: { [run_.REP.email]: run_.SLACK_REP } });
	try {
		// ---- 1. baseline search ----
		const baselineId = await server.importWorkflow(webhookWorkflow(undefined, BASELINE_PATH));
		const baselineUrl = `${server.baseUrl}/webhook/${BASELINE_PATH}`;
		await server.waitForWebhook(`/webhook/${BASELINE_PATH}`, { probe: 'OPTIONS' });
		const body = (/** @type {number} */ i) => run_.destinationBody({ uuid: `baseline-${i}`, distinctId: 'u', email: 'u@baseline.io', account: 'baseline', event: 'signed_up', timestamp: new Date() });
		await runPhase({ ...common, label: 'baseline warm-up', url: baselineUrl, rate: 5, seconds: 2, headers: {}, body, eventsOf: () => 1 });
		/** @type {import('./lib').PhaseResult[]} */
		const search = [];
		let baseline = /** @type {import('./lib').PhaseResult | undefined} */ (undefined);
		for (const rate of s.rates) {
			if (signal?.aborted) return { ok: false };
			log(`baseline: n8n Webhook → No-Op at ${rate} req/s for ${s.searchSeconds} s`);
			const r = await runPhase({ ...common, label: `Webhook → No-Op @${rate}/s`, url: baselineUrl, rate, seconds: s.searchSeconds, headers: {}, body, eventsOf: () => 1 });
			search.push(r);
			const held = r.errors === 0 && r.skipped === 0 && r.p95 < P95_LIMIT_MS && r.reqPerS >= 0.9 * rate;
			if (!held) break;
			baseline = r;
			// Let n8n write the executions of this step before the next, higher one.
			await sleep(3000);
		}
		await server.api.post(`/workflows/${baselineId}/deactivate`, {});
		if (!baseline) throw new Error(`n8n's Webhook → No-Op did not hold even ${s.rates[0]} req/s with p95 < 1 s`);
		log(`baseline: ${fmt(baseline.offeredRate, 0)} req/s sustained (p95 ${fmt(baseline.p95, 0)} ms)`);

		// ---- 2 + 3. the template ----
		const setup = await run_.setUpPostHogToHubSpot(server, { hubspot, slack });
		const mocks = { hubspot, slack };
		const singleRate = Math.max(1, Math.ceil(baseline.offeredRate * s.singleShare));
		const single = await pipelinePhase(server, {
			label: 'template, single events',
			prefix: 'pls',
			seed: 11,
			events: singleRate * s.seconds,
			eventsPerRequest: 1,
			rate: singleRate,
			setup,
			mocks,
			s,
			signal,
		});
		if (signal?.aborted) return { ok: false };
		const batched = await pipelinePhase(server, {
			label: `template, /batch ×${s.batchSize}`,
			prefix: 'plb',
			seed: 12,
			events: s.batchEvents * s.seconds,
			eventsPerRequest: s.batchSize,
			rate: s.batchEvents / s.batchSize,
			setup,
			mocks,
			s,
			signal,
		});

		// ---- report (stdout) ----
		const out = ['', 'Pipeline benchmark — PostHog → HubSpot template (PQL Trigger → Data Table → Score → Enrich → Route → HubSpot → Slack)'];
		out.push(`n8n 2.41.1, one instance, loopback, ${server.database ? 'PostgreSQL, queue mode' : 'SQLite, regular mode'}, every execution saved, ${benchN8nSettings().label}; HubSpot and Slack are local mocks`);
		out.push(`baseline search: ${s.searchSeconds} s per rate, stop at the first rate with an error, a skipped send, p95 ≥ 1 s or < 90 % answered in time`);
		out.push('');
		out.push(
			table(
				['baseline search', 'offered/s', '2xx', 'errors', 'skipped', 'req/s', 'p50 ms', 'p95 ms', 'held'],
				search.map((r) => [r.label, fmt(r.offeredRate, 0), r.ok, r.errors, r.skipped, fmt(r.reqPerS, 1), fmt(r.p50, 0), fmt(r.p95, 0), search.indexOf(r) <= search.indexOf(/** @type {import('./lib').PhaseResult} */ (baseline)) ? 'yes' : 'no']),
			),
		);
		out.push('');
		const line = (/** @type {string} */ name, /** @type {import('./lib').PhaseResult} */ r, /** @type {number} */ perReq) => [
			name,
			fmt(r.offeredRate * perReq, 1),
			r.sent,
			r.ok,
			r.errors + r.skipped,
			fmt(r.reqPerS, 2),
			fmt(r.eventsPerS, 1),
			fmt(r.p50, 0),
			fmt(r.p95, 0),
			fmt((r.eventsPerS / baseline.reqPerS) * 100, 0) + ' %',
		];
		out.push(
			table(
				['workflow', 'offered ev/s', 'requests', '2xx', 'errors+skipped', 'req/s', 'events/s', 'p50 ms', 'p95 ms', 'events/s vs baseline'],
				[
					line('n8n Webhook → No-Op (baseline)', baseline, 1),
					line('template, single events', single.result, 1),
					line(`template, /batch ×${s.batchSize}`, batched.result, s.batchSize),
				],
			),
		);
		for (const p of [single, batched]) if (Object.keys(p.result.errorKinds).length) out.push(`  errors in "${p.result.label}": ${JSON.stringify(p.result.errorKinds)}`);
		out.push('');
		out.push(
			table(
				['checks', 'rows', 'acked lost/doubled', 'stray rows', 'executions', '2xx', 'no answer', 'not success', 'deals', 'alerts', 'qualifying (all acked)', 'wrong accounts', 'drain s', 'result'],
				[single, batched].map((p) => [
					p.result.label,
					p.checks.rows,
					p.checks.lostOrDoubled,
					p.checks.strays,
					p.checks.executions,
					p.checks.expectedExecutions,
					p.checks.unknown,
					p.checks.failed,
					p.checks.deals,
					p.checks.alerts,
					p.checks.qualifyingComplete,
					p.checks.wrongAccounts,
					fmt(p.checks.drainS, 0),
					p.ok ? 'OK' : 'FAILED',
				]),
			),
		);
		out.push('');
		out.push(`where the time goes: average time per node over each phase's last ${TIMED_EXECUTIONS} executions (n8n's own record; wall time, includes waiting)`);
		const nodes = single.times.map((t) => t.node);
		for (const t of batched.times) if (!nodes.includes(t.node)) nodes.push(t.node);
		const cell = (/** @type {Array<{ node: string, ms: number, share: number }>} */ times, /** @type {string} */ node) => {
			const t = times.find((x) => x.node === node);
			return t ? `${fmt(t.ms, 0)} ms  ${fmt(t.share * 100, 0)} %` : '-';
		};
		out.push(table(['node', 'single events', `/batch ×${s.batchSize}`], nodes.map((node) => [node, cell(single.times, node), cell(batched.times, node)])));
		const targets = [
			[`single events at ≥ 50 % of the baseline (${fmt(baseline.offeredRate * 0.5, 1)} ev/s)`, single.result.eventsPerS >= baseline.offeredRate * 0.5 && single.result.p95 < P95_LIMIT_MS],
			[`batches at ≥ 500 events/s`, batched.result.eventsPerS >= 500],
		];
		for (const [what, met] of targets) out.push(`${met ? 'met' : 'NOT met'}: ${what}`);
		out.push(`"drain" = time after the last answer until n8n had finished every execution (work it queued behind the 2xx answers)`);
		out.push('');
		process.stdout.write(out.join('\n') + '\n');
		return { ok: single.ok && batched.ok };
	} finally {
		await hubspot.close();
		await slack.close();
	}
}

module.exports = { name: 'pipeline', run, budgetSeconds };

// Standalone: an n8n of its own with the dist/ already built (`npx gulp build` first).
if (require.main === module) {
	const { N8nServer, packPackage, ROOT } = require('../test/support/n8n-server');
	void (async () => {
		const dir = path.join(ROOT, '.bench', `pipeline-${Date.now()}`);
		const server = new N8nServer({ userFolder: path.join(dir, 'n8n'), env: benchN8nSettings().env });
		const stop = () => server.stop().finally(() => process.exit(130));
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
		try {
			await server.start({ tarball: packPackage(dir) });
			const { ok } = await run(server);
			process.exitCode = ok ? 0 : 1;
		} catch (error) {
			log(`FAILED: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
			process.exitCode = 1;
		} finally {
			await server.stop();
		}
	})();
}

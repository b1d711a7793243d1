// @ts-check
// Benchmark (not a test): the PQL Trigger against n8n's own Webhook node on the same real n8n.
//
// Two workflows on one instance, each "trigger → No-Op": (a) n8n-nodes-base.webhook v2, POST,
// responseMode onReceived; (b) the PQL Trigger with a PostHog destination secret. Both get the same
// single-event load (a PostHog destination body with its Bearer header) at a fixed offered rate;
// then the PQL Trigger alone gets posthog-node style /batch requests. Afterwards the number of
// executions n8n stored for each workflow must equal the number of 2xx answers it gave.
//
// Run through `npm run bench` (bench/run.js starts n8n); tunables are environment variables:
//   PQL_BENCH_RATE=15 PQL_BENCH_SECONDS=20          single-event requests/s and phase length
//   PQL_BENCH_BATCH_RATE=3 PQL_BENCH_BATCH_SECONDS=20 PQL_BENCH_BATCH_SIZE=100
//   PQL_BENCH_MAX_IN_FLIGHT=32 PQL_BENCH_TIMEOUT_MS=10000
const { log, envNumber, runPhase, sleep, fmt, table } = require('./lib');

const SECRET = 'bench-posthog-destination-secret-0123456789';
const PROJECT_KEY = 'phc_bench_project_key';
const WEBHOOK_PATH = 'pql-bench-webhook';
const PQL_HOOK = 'pql-bench-trigger';
const WARM_UP = 5;

function settings() {
	return {
		rate: envNumber('PQL_BENCH_RATE', 15),
		seconds: envNumber('PQL_BENCH_SECONDS', 20),
		batchRate: envNumber('PQL_BENCH_BATCH_RATE', 3),
		batchSeconds: envNumber('PQL_BENCH_BATCH_SECONDS', 20),
		batchSize: Math.round(envNumber('PQL_BENCH_BATCH_SIZE', 100)),
		maxInFlight: Math.round(envNumber('PQL_BENCH_MAX_IN_FLIGHT', 32)),
		timeoutMs: envNumber('PQL_BENCH_TIMEOUT_MS', 10_000),
	};
}

/** Rough upper bound of this benchmark's own run time in seconds (for run.js's hard limit). */
function budgetSeconds() {
	const s = settings();
	return s.seconds * 2 + s.batchSeconds + 3 * (s.timeoutMs / 1000 + 2) + 3 * 45 + 30;
}

const noOp = (x) => ({
	parameters: {},
	id: 'b0000000-0000-4000-8000-0000000000f0',
	name: 'No-Op',
	type: 'n8n-nodes-base.noOp',
	typeVersion: 1,
	position: [x, 0],
});

const webhookWorkflow = () => ({
	name: 'bench: n8n Webhook → No-Op',
	nodes: [
		{
			parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'onReceived', options: {} },
			id: 'b0000000-0000-4000-8000-000000000001',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: WEBHOOK_PATH,
		},
		noOp(260),
	],
	connections: { Webhook: { main: [[{ node: 'No-Op', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
});

/** @param {{ id: string, name: string }} credential */
const pqlWorkflow = (credential) => ({
	name: 'bench: PQL Trigger → No-Op',
	nodes: [
		{
			parameters: { source: 'auto', postHogAuthentication: 'credential', segmentAuthentication: 'reject', options: {} },
			id: 'b0000000-0000-4000-8000-000000000002',
			name: 'PQL Trigger',
			type: 'n8n-nodes-pql.pqlTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId: PQL_HOOK,
			credentials: { postHogWebhookApi: credential },
		},
		noOp(260),
	],
	connections: { 'PQL Trigger': { main: [[{ node: 'No-Op', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
});

const runId = Date.now().toString(36);

/** A PostHog destination delivery (one event), unique per request. @param {string} tag @param {number} i */
const destinationBody = (tag, i) =>
	JSON.stringify({
		event: {
			uuid: `${runId}-${tag}-${i}`,
			event: 'pricing_page_viewed',
			distinct_id: `bench-user-${i % 50}`,
			properties: { $current_url: 'https://app.example.com/pricing', plan: 'free', n: i },
			timestamp: new Date().toISOString(),
			elements_chain: '',
			url: 'https://us.posthog.com/project/1/events/x',
		},
		person: { id: `p-${i % 50}`, name: 'Bench', properties: { email: `user${i % 50}@bigco.example` }, url: '' },
		groups: { company: { id: `acct-${i % 10}`, type: 'company', index: 0, url: '', properties: { name: 'BigCo' } } },
	});

/** A posthog-node /batch request. @param {number} i @param {number} size */
const batchBody = (i, size) =>
	JSON.stringify({
		api_key: PROJECT_KEY,
		batch: Array.from({ length: size }, (_, k) => ({
			type: 'capture',
			event: k % 3 === 0 ? 'core_feature_used' : 'project_created',
			distinct_id: `bench-user-${(i * size + k) % 200}`,
			properties: { n: k, plan: 'free', $groups: { company: `acct-${k % 10}` }, $lib: 'posthog-node' },
			timestamp: new Date().toISOString(),
			uuid: `${runId}-batch-${i}-${k}`,
		})),
		sent_at: new Date().toISOString(),
	});

/** `accepted` from the PQL Trigger's JSON answer. @param {number} _status @param {string} body */
const acceptedOf = (_status, body) => {
	try {
		const n = JSON.parse(body).accepted;
		return typeof n === 'number' ? n : 0;
	} catch {
		return 0;
	}
};

/**
 * Executions of a workflow by status (public API, no data), following the cursor.
 * @param {import('../test/support/n8n-server').N8nServer} server @param {string} workflowId
 */
async function executionCounts(server, workflowId) {
	/** @type {Record<string, number>} */
	const byStatus = {};
	let total = 0;
	let cursor;
	do {
		const res = await server.api.get('/executions', {
			params: { workflowId, includeData: false, limit: 250, ...(cursor ? { cursor } : {}) },
		});
		if (res.status !== 200) throw new Error(`GET /executions: ${res.status} ${JSON.stringify(res.data)}`);
		for (const e of res.data.data) {
			total++;
			byStatus[e.status] = (byStatus[e.status] ?? 0) + 1;
		}
		cursor = res.data.nextCursor;
	} while (cursor);
	return { total, byStatus };
}

/**
 * Wait until n8n has stored `expected` executions of the workflow and none is still running (or the
 * timeout passes); returns the last counts.
 * @param {import('../test/support/n8n-server').N8nServer} server @param {string} workflowId @param {number} expected
 */
async function settle(server, workflowId, expected, timeoutMs = 45_000) {
	const started = Date.now();
	let counts = await executionCounts(server, workflowId);
	const busy = (c) => (c.byStatus.running ?? 0) + (c.byStatus.new ?? 0) + (c.byStatus.waiting ?? 0);
	while (Date.now() - started < timeoutMs && (counts.total < expected || busy(counts) > 0)) {
		await sleep(500);
		counts = await executionCounts(server, workflowId);
	}
	// A moment more, so that an execution stored late (more than expected) is seen too.
	await sleep(500);
	return executionCounts(server, workflowId);
}

/** Sequential requests that warm up both paths (JIT, SQLite, credential cache); counted, not timed. */
async function warmUp(url, headers, bodies) {
	let ok = 0;
	for (const body of bodies) {
		const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
		await res.text();
		if (res.ok) ok++;
		else log(`warm-up ${url}: HTTP ${res.status}`);
	}
	return ok;
}

/**
 * @param {import('../test/support/n8n-server').N8nServer} server
 * @param {{ signal?: AbortSignal }} [context]
 * @returns {Promise<{ ok: boolean }>}
 */
async function run(server, { signal } = {}) {
	const s = settings();
	log(
		`trigger benchmark: single events ${s.rate}/s for ${s.seconds} s on each workflow; ` +
			`PQL /batch ${s.batchRate}/s × ${s.batchSize} events for ${s.batchSeconds} s; ` +
			`≤ ${s.maxInFlight} in flight, ${s.timeoutMs} ms timeout`,
	);

	log('importing and activating the two workflows');
	const credential = await server.createCredential('postHogWebhookApi', 'Bench PostHog Webhook Secret', {
		headerName: 'Authorization',
		secret: SECRET,
		projectApiKey: PROJECT_KEY,
	});
	const webhookId = await server.importWorkflow(webhookWorkflow());
	const pqlId = await server.importWorkflow(pqlWorkflow(credential));
	const webhookUrl = `${server.baseUrl}/webhook/${WEBHOOK_PATH}`;
	const pqlUrl = `${server.baseUrl}/webhook/${PQL_HOOK}`;
	await server.waitForWebhook(`/webhook/${WEBHOOK_PATH}`);
	await server.waitForWebhook(`/webhook/${PQL_HOOK}`);
	await server.waitForWebhook(`/webhook/${PQL_HOOK}/batch`);

	const auth = { authorization: `Bearer ${SECRET}` };
	log(`warming up (${WARM_UP} sequential requests per route)`);
	const warm = Array.from({ length: WARM_UP }, (_, i) => i);
	const warmWebhook = await warmUp(webhookUrl, auth, warm.map((i) => destinationBody('warm-webhook', i)));
	const warmPql =
		(await warmUp(pqlUrl, auth, warm.map((i) => destinationBody('warm-pql', i)))) +
		(await warmUp(`${pqlUrl}/batch`, {}, warm.map((i) => batchBody(1e6 + i, s.batchSize))));
	await settle(server, webhookId, warmWebhook);
	await settle(server, pqlId, warmPql);

	const common = { maxInFlight: s.maxInFlight, timeoutMs: s.timeoutMs, signal };

	log(`phase 1/3: n8n Webhook, single events, ${s.rate} req/s for ${s.seconds} s`);
	const webhook = await runPhase({
		...common,
		label: 'Webhook single',
		url: webhookUrl,
		rate: s.rate,
		seconds: s.seconds,
		headers: auth,
		body: (i) => destinationBody('webhook', i),
		eventsOf: () => 1,
	});
	if (signal?.aborted) return { ok: false };
	log('waiting for n8n to finish storing the phase-1 executions');
	await settle(server, webhookId, warmWebhook + webhook.ok);

	log(`phase 2/3: PQL Trigger, single events (PostHog destination), ${s.rate} req/s for ${s.seconds} s`);
	const pqlSingle = await runPhase({
		...common,
		label: 'PQL single',
		url: pqlUrl,
		rate: s.rate,
		seconds: s.seconds,
		headers: auth,
		body: (i) => destinationBody('pql', i),
		eventsOf: acceptedOf,
	});
	if (signal?.aborted) return { ok: false };
	log('waiting for n8n to finish storing the phase-2 executions');
	await settle(server, pqlId, warmPql + pqlSingle.ok);

	log(`phase 3/3: PQL Trigger, posthog-node /batch of ${s.batchSize} events, ${s.batchRate} req/s for ${s.batchSeconds} s`);
	const pqlBatch = await runPhase({
		...common,
		label: `PQL /batch ×${s.batchSize}`,
		url: `${pqlUrl}/batch`,
		rate: s.batchRate,
		seconds: s.batchSeconds,
		headers: {},
		body: (i) => batchBody(i, s.batchSize),
		eventsOf: acceptedOf,
	});
	if (signal?.aborted) return { ok: false };

	log('checking the stored executions through the public API');
	const webhookExec = await settle(server, webhookId, warmWebhook + webhook.ok);
	const pqlExec = await settle(server, pqlId, warmPql + pqlSingle.ok + pqlBatch.ok);

	// ---- report (stdout) ----
	const rows = [
		['n8n Webhook → No-Op', webhook],
		['PQL Trigger → No-Op', pqlSingle],
		[`PQL Trigger /batch (${s.batchSize} ev/req)`, pqlBatch],
	].map(([name, r]) => {
		const p = /** @type {import('./lib').PhaseResult} */ (r);
		return [
			/** @type {string} */ (name),
			fmt(p.offeredRate, 1),
			p.sent,
			p.ok,
			p.errors,
			p.skipped,
			fmt(p.reqPerS, 2),
			fmt(p.eventsPerS, 1),
			fmt(p.p50, 1),
			fmt(p.p95, 1),
			fmt(p.max, 1),
		];
	});
	const out = [];
	out.push('');
	out.push(`Trigger benchmark — n8n 2.41.1, one instance, loopback, SQLite, every execution saved`);
	out.push(
		`single: ${s.rate} req/s offered for ${s.seconds} s; batch: ${s.batchRate} req/s × ${s.batchSize} events for ${s.batchSeconds} s; ` +
			`≤ ${s.maxInFlight} in flight; timeout ${s.timeoutMs} ms; latency = request sent → answer read, 2xx only`,
	);
	out.push('');
	out.push(
		table(
			['workflow', 'offered/s', 'sent', '2xx', 'errors', 'skipped', 'req/s', 'events/s', 'p50 ms', 'p95 ms', 'max ms'],
			rows,
		),
	);
	for (const p of [webhook, pqlSingle, pqlBatch]) {
		if (p.errors) out.push(`  errors in "${p.label}": ${JSON.stringify(p.errorKinds)}`);
	}
	out.push('');
	out.push('PQL Trigger / n8n Webhook (single events, same load):');
	out.push(`  throughput (2xx req/s): ${fmt(pqlSingle.reqPerS / webhook.reqPerS, 3)}`);
	out.push(`  p50 latency:            ${fmt(pqlSingle.p50 / webhook.p50, 2)}`);
	out.push(`  p95 latency:            ${fmt(pqlSingle.p95 / webhook.p95, 2)}`);
	out.push(`PQL /batch vs PQL single, events/s: ${fmt(pqlBatch.eventsPerS / pqlSingle.eventsPerS, 1)}×`);
	out.push('');

	const expectedWebhook = warmWebhook + webhook.ok;
	const expectedPql = warmPql + pqlSingle.ok + pqlBatch.ok;
	const checks = [
		['n8n Webhook → No-Op', expectedWebhook, webhookExec],
		['PQL Trigger → No-Op (single + batch)', expectedPql, pqlExec],
	];
	out.push(
		table(
			['executions check (incl. warm-up)', '2xx answers', 'executions', 'by status', 'result'],
			checks.map(([name, expected, counts]) => {
				const c = /** @type {{ total: number, byStatus: Record<string, number> }} */ (counts);
				return [
					/** @type {string} */ (name),
					/** @type {number} */ (expected),
					c.total,
					Object.entries(c.byStatus)
						.map(([k, v]) => `${k}=${v}`)
						.join(' '),
					c.total === expected ? 'OK' : 'MISMATCH',
				];
			}),
		),
	);
	const allSucceeded = [webhookExec, pqlExec].every((c) => (c.byStatus.success ?? 0) === c.total);
	const ok = webhookExec.total === expectedWebhook && pqlExec.total === expectedPql;
	if (!allSucceeded) out.push('note: some executions did not end with status "success"');
	out.push(ok ? 'executions match the 2xx answers: OK' : 'FAILED: executions do not match the 2xx answers');
	out.push('');
	process.stdout.write(out.join('\n') + '\n');
	return { ok };
}

module.exports = { name: 'trigger', run, budgetSeconds };

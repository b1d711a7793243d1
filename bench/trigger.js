// @ts-check
// Benchmark (not a test): the PQL Trigger against n8n's own Webhook node on the same real n8n.
//
// Three workflows on one instance, each "trigger → No-Op": (a) n8n-nodes-base.webhook v2, POST,
// responseMode onReceived, no authentication (the baseline); (a') the same with a Header Auth
// credential (n8n's own node paying the same per-request credential load as the PQL Trigger);
// (b) the PQL Trigger with a PostHog destination secret. All get the same single-event load (a
// PostHog destination body with its Bearer header) at a fixed offered rate; then the PQL Trigger
// alone gets posthog-node style /batch requests. Afterwards the number of executions n8n stored for
// each workflow must equal the number of 2xx answers it gave.
//
// Run through `npm run bench` (bench/run.js starts n8n); tunables are environment variables:
//   PQL_BENCH_RATE=15 PQL_BENCH_SECONDS=20          single-event requests/s and phase length
//   PQL_BENCH_BATCH_RATE=3 PQL_BENCH_BATCH_SECONDS=20 PQL_BENCH_BATCH_SIZE=100
//   PQL_BENCH_MAX_IN_FLIGHT=32 PQL_BENCH_TIMEOUT_MS=10000
const { log, envNumber, runPhase, sleep, fmt, table } = require('./lib');
const { executionStatuses } = require('../test/support/posthog-hubspot-run');

const SECRET = 'bench-posthog-destination-secret-0123456789';
const PROJECT_KEY = 'phc_bench_project_key';
const WEBHOOK_PATH = 'pql-bench-webhook';
const WEBHOOK_AUTH_PATH = 'pql-bench-webhook-header-auth';
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
	return s.seconds * 3 + s.batchSeconds + 4 * (s.timeoutMs / 1000 + 2) + 4 * 45 + 30;
}

const noOp = (x) => ({
	parameters: {},
	id: 'b0000000-0000-4000-8000-0000000000f0',
	name: 'No-Op',
	type: 'n8n-nodes-base.noOp',
	typeVersion: 1,
	position: [x, 0],
});

/**
 * n8n's Webhook node; with a Header Auth credential when given (the same per-request credential
 * loading the PQL Trigger does), without authentication otherwise.
 * @param {{ id: string, name: string }} [headerAuth]
 * @param {string} [path]
 */
const webhookWorkflow = (headerAuth, path = headerAuth ? WEBHOOK_AUTH_PATH : WEBHOOK_PATH) => ({
	name: headerAuth ? 'bench: n8n Webhook (Header Auth) → No-Op' : 'bench: n8n Webhook → No-Op',
	nodes: [
		{
			parameters: {
				httpMethod: 'POST',
				path,
				responseMode: 'onReceived',
				...(headerAuth ? { authentication: 'headerAuth' } : {}),
				options: {},
			},
			id: 'b0000000-0000-4000-8000-000000000001',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: path,
			...(headerAuth ? { credentials: { httpHeaderAuth: headerAuth } } : {}),
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
 * Finished executions of a workflow by status (see `executionStatuses`: in queue mode from n8n's database).
 * @param {import('../test/support/n8n-server').N8nServer} server @param {string} workflowId
 */
async function executionCounts(server, workflowId) {
	/** @type {Record<string, number>} */
	const byStatus = {};
	const executions = await executionStatuses(server, workflowId);
	for (const e of executions) byStatus[e.status] = (byStatus[e.status] ?? 0) + 1;
	return { total: executions.length, byStatus };
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

/**
 * No acknowledged event lost, none executed twice: at least one execution per 2xx answer, and no
 * more than the requests whose answer never came could add.
 * @param {{ expected: number, unknown: number }} wf @param {number} total
 */
const accounted = (wf, total) => total >= wf.expected && total <= wf.expected + wf.unknown;

/** Sequential requests that warm up both paths (JIT, SQLite, credential cache); counted, not timed. */
async function warmUp(url, headers, bodies) {
	let ok = 0;
	for (const body of bodies) {
		// Right after activation a production webhook can still answer 404 for a moment: retry those.
		for (let attempt = 0; ; attempt++) {
			const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
			await res.text();
			if (res.ok) ok++;
			else if (res.status === 404 && attempt < 50) {
				await sleep(200);
				continue;
			} else log(`warm-up ${url}: HTTP ${res.status}`);
			break;
		}
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
		`trigger benchmark: single events ${s.rate}/s for ${s.seconds} s on each of 3 workflows; ` +
			`PQL /batch ${s.batchRate}/s × ${s.batchSize} events for ${s.batchSeconds} s; ` +
			`≤ ${s.maxInFlight} in flight, ${s.timeoutMs} ms timeout`,
	);

	log('importing and activating the workflows');
	const credential = await server.createCredential('postHogWebhookApi', 'Bench PostHog Webhook Secret', {
		headerName: 'Authorization',
		secret: SECRET,
		projectApiKey: PROJECT_KEY,
	});
	const headerCredential = await server.createCredential('httpHeaderAuth', 'Bench Header Auth', {
		name: 'Authorization',
		value: `Bearer ${SECRET}`,
	});
	const auth = { authorization: `Bearer ${SECRET}` };
	const pqlUrl = `${server.baseUrl}/webhook/${PQL_HOOK}`;
	/** @type {Array<{ name: string, id: string, url: string, warm: Array<[string, Record<string,string>, string[]]>, expected: number, unknown: number }>} */
	const workflows = [
		{ name: 'n8n Webhook → No-Op', id: await server.importWorkflow(webhookWorkflow()), url: `${server.baseUrl}/webhook/${WEBHOOK_PATH}`, warm: [], expected: 0, unknown: 0 },
		{
			name: 'n8n Webhook (Header Auth) → No-Op',
			id: await server.importWorkflow(webhookWorkflow(headerCredential)),
			url: `${server.baseUrl}/webhook/${WEBHOOK_AUTH_PATH}`,
			warm: [],
			expected: 0,
			unknown: 0,
		},
		{ name: 'PQL Trigger → No-Op', id: await server.importWorkflow(pqlWorkflow(credential)), url: pqlUrl, warm: [], expected: 0, unknown: 0 },
	];
	const [webhookWf, headerWf, pqlWf] = workflows;
	// A POST would start an execution of n8n's own Webhook → No-Op that no answer accounts for.
	await server.waitForWebhook(`/webhook/${WEBHOOK_PATH}`, { probe: 'OPTIONS' });
	await server.waitForWebhook(`/webhook/${WEBHOOK_AUTH_PATH}`);
	await server.waitForWebhook(`/webhook/${PQL_HOOK}`);
	await server.waitForWebhook(`/webhook/${PQL_HOOK}/batch`);

	log(`warming up (${WARM_UP} sequential requests per route)`);
	const warm = Array.from({ length: WARM_UP }, (_, i) => i);
	webhookWf.expected += await warmUp(webhookWf.url, auth, warm.map((i) => destinationBody('warm-webhook', i)));
	headerWf.expected += await warmUp(headerWf.url, auth, warm.map((i) => destinationBody('warm-header', i)));
	pqlWf.expected += await warmUp(pqlUrl, auth, warm.map((i) => destinationBody('warm-pql', i)));
	pqlWf.expected += await warmUp(`${pqlUrl}/batch`, auth, warm.map((i) => batchBody(1e6 + i, s.batchSize)));
	for (const wf of workflows) await settle(server, wf.id, wf.expected);

	const common = { maxInFlight: s.maxInFlight, timeoutMs: s.timeoutMs, signal };
	const phases = [
		{ wf: webhookWf, label: 'Webhook single', tag: 'webhook', batch: false },
		{ wf: headerWf, label: 'Webhook+HeaderAuth single', tag: 'header', batch: false },
		{ wf: pqlWf, label: 'PQL single', tag: 'pql', batch: false },
		{ wf: pqlWf, label: `PQL /batch ×${s.batchSize}`, tag: 'batch', batch: true },
	];
	/** @type {import('./lib').PhaseResult[]} */
	const results = [];
	for (const [n, phase] of phases.entries()) {
		const rate = phase.batch ? s.batchRate : s.rate;
		const seconds = phase.batch ? s.batchSeconds : s.seconds;
		log(`phase ${n + 1}/${phases.length}: ${phase.label}, ${rate} req/s for ${seconds} s`);
		const result = await runPhase({
			...common,
			label: phase.label,
			url: phase.batch ? `${pqlUrl}/batch` : phase.wf.url,
			rate,
			seconds,
			headers: auth,
			body: phase.batch ? (i) => batchBody(i, s.batchSize) : (i) => destinationBody(phase.tag, i),
			eventsOf: phase.wf === pqlWf ? acceptedOf : () => 1,
		});
		results.push(result);
		if (signal?.aborted) return { ok: false };
		phase.wf.expected += result.ok;
		// A request the client gave up on may still have been executed: its outcome is unknown.
		phase.wf.unknown += Object.entries(result.errorKinds ?? {})
			.filter(([kind]) => kind.startsWith('timeout'))
			.reduce((sum, [, n]) => sum + n, 0);
		log(`waiting for n8n to finish storing the executions of phase ${n + 1}`);
		await settle(server, phase.wf.id, phase.wf.expected);
	}
	const [webhook, header, pqlSingle, pqlBatch] = results;

	log('checking the stored executions through the public API');
	const counts = [];
	for (const wf of workflows) counts.push(await settle(server, wf.id, wf.expected));

	// ---- report (stdout) ----
	const names = [webhookWf.name, headerWf.name, pqlWf.name, `PQL Trigger /batch (${s.batchSize} ev/req)`];
	const rows = results.map((p, i) => [
		names[i],
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
	]);
	const out = [];
	out.push('');
	out.push(`Trigger benchmark — n8n 2.41.1, one instance, loopback, SQLite, every execution saved`);
	out.push(
		`single: ${s.rate} req/s offered for ${s.seconds} s; batch: ${s.batchRate} req/s × ${s.batchSize} events for ${s.batchSeconds} s; ` +
			`≤ ${s.maxInFlight} in flight (a send slot that finds them all busy is "skipped"); timeout ${s.timeoutMs} ms; ` +
			`req/s = 2xx answers / phase time; latency = request sent → answer read, 2xx only`,
	);
	out.push('');
	out.push(
		table(['workflow', 'offered/s', 'sent', '2xx', 'errors', 'skipped', 'req/s', 'events/s', 'p50 ms', 'p95 ms', 'max ms'], rows),
	);
	for (const p of results) {
		if (p.errors) out.push(`  errors in "${p.label}": ${JSON.stringify(p.errorKinds)}`);
	}
	out.push('');
	/** @param {import('./lib').PhaseResult} base */
	const ratios = (base) => [
		`  throughput (2xx req/s): ${fmt(pqlSingle.reqPerS / base.reqPerS, 3)}`,
		`  p50 latency:            ${fmt(pqlSingle.p50 / base.p50, 2)}`,
		`  p95 latency:            ${fmt(pqlSingle.p95 / base.p95, 2)}`,
	];
	out.push('PQL Trigger / n8n Webhook (single events, same load):', ...ratios(webhook));
	out.push('PQL Trigger / n8n Webhook with Header Auth (both load a credential per request):', ...ratios(header));
	out.push(`PQL /batch vs PQL single, events/s: ${fmt(pqlBatch.eventsPerS / pqlSingle.eventsPerS, 1)}×`);
	out.push('');

	out.push(
		table(
			['executions check (incl. warm-up)', '2xx answers', 'timed out', 'executions', 'by status', 'result'],
			workflows.map((wf, i) => [
				wf === pqlWf ? `${wf.name} (single + batch)` : wf.name,
				wf.expected,
				wf.unknown,
				counts[i].total,
				Object.entries(counts[i].byStatus)
					.map(([k, v]) => `${k}=${v}`)
					.join(' '),
				accounted(wf, counts[i].total) ? 'OK' : 'MISMATCH',
			]),
		),
	);
	const ok = workflows.every((wf, i) => accounted(wf, counts[i].total));
	if (!counts.every((c) => (c.byStatus.success ?? 0) === c.total)) out.push('note: some executions did not end with status "success"');
	out.push(
		ok
			? 'every 2xx answer has its execution, and no execution is unaccounted for: OK'
			: 'FAILED: executions do not match the 2xx answers (plus requests that timed out)',
	);
	out.push('');
	process.stdout.write(out.join('\n') + '\n');
	return { ok };
}

module.exports = { name: 'trigger', run, budgetSeconds, webhookWorkflow, executionCounts };

// @ts-check
// Benchmark (not a test): scoring an account from its history costs the same however long that
// history is. PQL Score (History Rows input) inside n8n-core's executor, one execution per incoming
// event, as the Data Table and PostgreSQL recipes run it: the account's rows are its summary, the
// event rows not yet added into it (up to "Compact After", 20) and its state. An account with 5,000
// events in the 90-day window against one with 10, interleaved in the same process; then, for
// comparison, the same two accounts through the Events input with every raw event (what templates
// read before). It also prints the stored size per account, for the README's table sizes.
//
//   node bench/history.js                    after `npx gulp build`
//   PQL_BENCH_ONLY=history npm run bench     through bench/run.js
// Tunables: PQL_BENCH_HISTORY_ROUNDS=300 (executions per account), PQL_BENCH_HISTORY_EVENTS=5000
const path = require('node:path');
const { childProcessBenchmark, log, envNumber, fmt, table } = require('./lib');
const { pqlScoreExecutor } = require('./pqlScoreExecutor');

const ROOT = path.join(__dirname, '..');
const NOW = new Date('2026-11-27T12:00:00.000Z');
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const NAMES = ['page_viewed', 'core_feature_used', 'project_created', 'teammate_invited', 'pricing_page_viewed', 'usage_limit_hit', 'signed_up', 'onboarding_completed'];

/** @param {string} account @param {number} count @param {number} days @param {number} seed */
function events(account, count, days, seed) {
	return Array.from({ length: count }, (_, i) => {
		const timestamp = new Date(NOW.getTime() - ((i * 7919 + seed) % (days * 1440)) * MINUTE_MS - 1000).toISOString();
		return {
			source: 'posthog', type: 'track', event: NAMES[(i * 31 + seed) % NAMES.length], userId: `${account}-user${i % 12}`,
			anonymousId: null, email: `${account}-user${i % 12}@${account}.io`, accountId: account, accountName: null, timestamp, receivedAt: timestamp,
			messageId: `${account}-${seed}-${i}`, properties: { plan: 'trial', seats: i % 9 }, traits: {}, context: {},
		};
	});
}

/** What Prepare History Rows stores for these events, numbered and stamped as a table would when they happened. */
function storedRows(list, firstId) {
	const { historyRows } = require(path.join(ROOT, 'dist/core/scoring/history'));
	const { rows } = historyRows(list.map((event, index) => ({ index, event, json: event, previous: [] })), 'skip');
	const ordered = rows.map(({ row }) => row).sort((a, b) => a.timestamp.localeCompare(b.timestamp));
	return ordered.map((row, i) => ({ ...row, id: firstId + i, createdAt: row.timestamp }));
}

/** The rows an execution reads for one account: its summary (when it has one), the rows after it, its state. */
function accountRows(account, count) {
	const { readHistoryRows, scoreHistory, DEFAULT_HISTORY_SETTINGS } = require(path.join(ROOT, 'dist/core/scoring/history'));
	const { DEFAULT_CONFIG } = require(path.join(ROOT, 'dist/core/scoring'));
	const settled = new Date(NOW.getTime() - DAY_MS);
	const history = storedRows(events(account, count, 90, 1), 1);
	const state = { accountId: account, kind: 'state', data: JSON.stringify({ score: 40, qualifiedSince: null, lastQualifiedAt: null, scoredAt: settled.toISOString() }) };
	const compactAfter = DEFAULT_HISTORY_SETTINGS.compactAfter;
	if (count < compactAfter) return { rows: [...history, state], summaryBytes: 0 };
	// Everything but the last rows is in the summary, as after the last compaction.
	const kept = compactAfter - 1;
	const { accounts } = readHistoryRows(history.slice(0, -kept).map((json, index) => ({ index, json })));
	const [scored] = scoreHistory(accounts, { ...DEFAULT_CONFIG, level: 'account' }, { ...DEFAULT_HISTORY_SETTINGS, compactAfter: 1, settleMinutes: 0 }, NOW);
	const summary = { ...scored.compaction, id: count + 1, createdAt: settled.toISOString() };
	return { rows: [summary, ...history.slice(-kept), state], summaryBytes: summary.data.length };
}

const bytes = (rows) => rows.reduce((total, row) => total + JSON.stringify(row).length, 0);

/** Alternates executions of the two inputs; returns the median wall time of each. */
async function interleaved(run, inputs, rounds) {
	for (let i = 0; i < 30; i++) for (const input of inputs) await run(input()); // warm-up
	const times = inputs.map(() => /** @type {number[]} */ ([]));
	for (let i = 0; i < rounds; i++) {
		for (const [k, input] of inputs.entries()) {
			const items = input();
			const started = performance.now();
			await run(items);
			times[k].push(performance.now() - started);
		}
	}
	return times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]);
}

async function main() {
	const rounds = Math.round(envNumber('PQL_BENCH_HISTORY_ROUNDS', 300));
	const busyCount = Math.round(envNumber('PQL_BENCH_HISTORY_EVENTS', 5000));
	log(`history: building the rows of an account with ${busyCount} events and one with 10`);
	const busy = accountRows('busy', busyCount);
	const quiet = accountRows('quiet', 10);
	let sequence = 0;
	/** One new event for the account, as the execution just stored it. */
	const incoming = (account, firstId) => storedRows(events(account, 1, 1, 1000 + ++sequence), firstId + sequence)[0];
	const asItems = (rows) => rows.map((json) => ({ json }));

	const historyRun = pqlScoreExecutor({ inputMode: 'historyRows', options: { now: NOW.toISOString() } });
	const [busyMs, quietMs] = await interleaved(historyRun, [
		() => asItems([...busy.rows, incoming('busy', busyCount + 1000)]),
		() => asItems([...quiet.rows, incoming('quiet', 1000)]),
	], rounds);

	log('history: the same accounts through the Events input, every raw event');
	const eventsRun = pqlScoreExecutor({ level: 'account', options: { now: NOW.toISOString() } });
	const busyEvents = asItems(events('busy', busyCount, 90, 1));
	const quietEvents = asItems(events('quiet', 10, 90, 1));
	const [busyRawMs, quietRawMs] = await interleaved(eventsRun, [() => busyEvents, () => quietEvents], Math.max(20, Math.round(rounds / 10)));

	const ratio = busyMs / quietMs;
	const out = [
		'',
		`History cost: one execution per incoming event, PQL Score in n8n-core WorkflowExecute, median of ${rounds} each, Node ${process.version}`,
		table(
			['input', `account with ${busyCount} events`, 'account with 10 events', 'ratio'],
			[
				['History Rows (summary + unfolded rows + state)', `${fmt(busyMs, 2)} ms`, `${fmt(quietMs, 2)} ms`, `${fmt(ratio, 2)}×`],
				['Events (every raw event of 90 days)', `${fmt(busyRawMs, 2)} ms`, `${fmt(quietRawMs, 2)} ms`, `${fmt(busyRawMs / quietRawMs, 1)}×`],
			],
		),
		`rows read per execution: ${busy.rows.length + 1} (busy) and ${quiet.rows.length + 1} (quiet)`,
		`stored per account (summary + up to ${busy.rows.length - 2} event rows not yet added into it + state, as JSON): ${[10, 500, busyCount]
			.map((count) => {
				const { rows, summaryBytes } = count === busyCount ? busy : count === 10 ? quiet : accountRows('typical', count);
				return `${count} events in 90 days ${fmt(bytes(rows) / 1024, 1)} KB (summary ${fmt(summaryBytes / 1024, 1)} KB)`;
			})
			.join(', ')}`,
		`history cost ratio ≤ 1.5×: ${ratio <= 1.5 ? 'yes' : 'NO'}`,
		'',
	];
	process.stdout.write(`${out.join('\n')}\n`);
	return { ok: true };
}

module.exports = { ...childProcessBenchmark('history', __filename, 180, main, module), accountRows };

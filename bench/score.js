// @ts-check
// Benchmark (not a test): the PQL Score node inside n8n-core's own executor (WorkflowExecute, the
// code that runs every node in n8n) against a plain JavaScript loop computing the same textbook
// weighted scores, in the same process, on the same seeded synthetic events.
//
// The node is the compiled one in dist/ (run `npx gulp build` first, or go through `npm run bench`,
// which builds). It gets its default settings, as when dropped into a workflow, with "Now" fixed so
// that every run scores the same. Events go in as n8n items, one execution per batch of entities
// (an entity's events always in one batch); the output must equal the plain loop's, entity by entity.
//
//   node bench/score.js                     standalone, no n8n server needed
//   PQL_BENCH_ONLY=score npm run bench      through bench/run.js (runs this file as a child process)
// Tunables: PQL_BENCH_SCORE_EVENTS=200000 PQL_BENCH_SCORE_ENTITIES=20000 PQL_BENCH_SCORE_BATCHES=10
//           PQL_BENCH_SCORE_SEED=42
const fs = require('node:fs');
const path = require('node:path');
const { childProcessBenchmark, log, envNumber, fmt, table } = require('./lib');

const { pqlScoreExecutor, NODE_FILE } = require('./pqlScoreExecutor');

const ROOT = path.join(__dirname, '..');
const NOW = new Date('2026-11-27T12:00:00.000Z');
const DAY_MS = 86_400_000;

/**
 * The textbook weighted model written out by hand for the plain loop: event names, window in days
 * (none = all time) and points once the signal is seen; 100 points make a score of 100.
 * @type {Array<{ names: string[], windowDays?: number, points: number }>}
 */
const TEXTBOOK = [
	{ names: ['signed_up', 'Signed Up'], points: 10 },
	{ names: ['onboarding_completed', 'Onboarding Completed'], points: 20 },
	{ names: ['core_feature_used', 'Core Feature Used'], windowDays: 30, points: 15 },
	{ names: ['teammate_invited', 'Invite Sent'], windowDays: 14, points: 30 },
	{ names: ['pricing_page_viewed', 'Pricing Page Viewed'], windowDays: 14, points: 25 },
	{ names: ['usage_limit_hit', 'Usage Limit Hit'], windowDays: 30, points: 35 },
];
const QUALIFY_AT = 70;
/**
 * PQL Score 1.1's default light-use rule: not a PQL, whatever the score, with fewer than 5 uses of
 * the core feature in its window (per member; each entity here is one user).
 */
const CORE_USE = { name: 'core_feature_used', windowDays: 30, min: 5 };
/** Weighted towards everyday events, so that scores spread over the whole range. */
const EVENT_MIX = [
	['page_viewed', 30],
	['core_feature_used', 25],
	['project_created', 10],
	['signed_up', 6],
	['onboarding_completed', 6],
	['teammate_invited', 8],
	['pricing_page_viewed', 8],
	['usage_limit_hit', 7],
];

function settings() {
	return {
		events: Math.round(envNumber('PQL_BENCH_SCORE_EVENTS', 200_000)),
		entities: Math.round(envNumber('PQL_BENCH_SCORE_ENTITIES', 20_000)),
		batches: Math.round(envNumber('PQL_BENCH_SCORE_BATCHES', 10)),
		seed: Math.round(envNumber('PQL_BENCH_SCORE_SEED', 42)),
	};
}

const random = require('../test/support/seeded').seeded;

/**
 * @typedef {{ source: string, type: string, event: string, userId: string, anonymousId: null,
 *   email: string, accountId: string, accountName: null, timestamp: string, receivedAt: string, messageId: string,
 *   properties: Record<string, unknown>, traits: Record<string, unknown>, context: Record<string, unknown> }} Event
 */

/**
 * Canonical events (as PQL Trigger emits them), grouped by entity; every entity gets at least one.
 * @param {{ events: number, entities: number, seed: number }} s
 * @returns {Event[][]}
 */
function generate(s) {
	const next = random(s.seed);
	const totalWeight = EVENT_MIX.reduce((sum, [, w]) => sum + Number(w), 0);
	const pickName = () => {
		let r = next() * totalWeight;
		for (const [name, weight] of EVENT_MIX) if ((r -= Number(weight)) < 0) return String(name);
		return String(EVENT_MIX[0][0]);
	};
	/** @type {Event[][]} */
	const byEntity = Array.from({ length: s.entities }, () => []);
	for (let i = 0; i < s.events; i++) {
		const entity = i < s.entities ? i : Math.floor(next() * s.entities);
		const timestamp = new Date(NOW.getTime() - Math.floor(next() * 60 * DAY_MS)).toISOString();
		byEntity[entity].push({
			source: 'posthog',
			type: 'track',
			event: pickName(),
			userId: `user-${entity}`,
			anonymousId: null,
			email: `user-${entity}@company-${entity % 997}.com`,
			accountId: `company-${entity % 997}`,
			accountName: null,
			timestamp,
			receivedAt: timestamp,
			messageId: `m-${i}`,
			properties: { plan: 'trial' },
			traits: {},
			context: {},
		});
	}
	return byEntity;
}

/**
 * The same weighted scores and the same light-use rule, computed the straightforward way.
 * @param {Event[][]} byEntity
 * @returns {Map<string, { score: number, qualified: boolean }>}
 */
function plainLoop(byEntity) {
	const now = NOW.getTime();
	/** @type {Map<string, { score: number, qualified: boolean }>} */
	const scores = new Map();
	for (const events of byEntity) {
		/** @param {string[]} names @param {number | undefined} windowDays */
		const inWindow = (names, windowDays) => (/** @type {Event} */ e) => {
			const ageDays = (now - Date.parse(e.timestamp)) / DAY_MS;
			return names.includes(e.event) && ageDays >= 0 && (windowDays === undefined || ageDays <= windowDays);
		};
		let points = 0;
		for (const signal of TEXTBOOK) if (events.some(inWindow(signal.names, signal.windowDays))) points += signal.points;
		const score = Math.min(100, points);
		const usesCore = events.filter(inWindow([CORE_USE.name], CORE_USE.windowDays)).length >= CORE_USE.min;
		scores.set(events[0].userId, { score, qualified: score >= QUALIFY_AT && usesCore });
	}
	return scores;
}

/**
 * The node with its default settings, "Now" fixed.
 * @returns {(items: Array<{ json: Event }>) => Promise<Array<{ json: { userId: string, pql: { score: number, qualified: boolean } } }>>}
 */
function executor() {
	const run = pqlScoreExecutor({ options: { now: NOW.toISOString() } });
	return async (items) => (await run(items))[0];
}

/** Peak figures for the whole process (the OS's maximum resident set, V8's largest heap seen). */
function memoryWatch() {
	let heapPeak = 0;
	const sample = () => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed));
	const timer = setInterval(sample, 25);
	timer.unref();
	return {
		sample,
		stop: () => {
			clearInterval(timer);
			sample();
			return { rssPeak: process.resourceUsage().maxRSS * 1024, heapPeak };
		},
	};
}

/** @param {NodeJS.CpuUsage} usage user + system, in ms */
const cpuMs = (usage) => (usage.user + usage.system) / 1000;

const mb = (/** @type {number} */ bytes) => `${fmt(bytes / 1_048_576, 0)} MB`;

async function main() {
	const s = settings();
	if (!fs.existsSync(NODE_FILE)) throw new Error(`${path.relative(ROOT, NODE_FILE)} is missing: run \`npx gulp build\` first`);
	log(`score: generating ${s.events} events over ${s.entities} entities (seed ${s.seed})`);
	// Through JSON, as n8n's items arrive (parsed from a webhook body or a database row): flat strings,
	// not the concatenated ones a template literal leaves behind, for the node and the loop alike.
	const byEntity = /** @type {Event[][]} */ (JSON.parse(JSON.stringify(generate(s))));
	const memory = memoryWatch();

	const run = executor();
	const batchSize = Math.ceil(s.entities / s.batches);
	// Warm-up, untimed: one execution the size of the timed ones, so that module loading and the JIT
	// are paid before timing starts, as the plain loop's best run is warm too.
	await run(byEntity.slice(0, batchSize).flat().map((json) => ({ json })));

	// Rounds of one pass of the node over all the events and one run of the plain loop, best of each:
	// both are timed under the same conditions, and a pass that a collection of the benchmark's own
	// garbage (or other work on the machine) happens to hit says nothing of either.
	const rounds = 5;
	/** @type {Map<string, { score: number, qualified: boolean }>} */
	let fromNode = new Map();
	/** @type {Map<string, { score: number, qualified: boolean }>} */
	let fromLoop = new Map();
	let nodeMs = Infinity;
	let nodeCpuMs = Infinity;
	let loopMs = Infinity;
	let loopCpuMs = Infinity;
	for (let round = 1; round <= rounds; round++) {
		/** @type {Map<string, { score: number, qualified: boolean }>} */
		const scores = new Map();
		let passMs = 0;
		let passCpuMs = 0;
		for (let b = 0; b < s.batches; b++) {
			const items = byEntity.slice(b * batchSize, (b + 1) * batchSize).flat().map((json) => ({ json }));
			const started = performance.now();
			const cpu = process.cpuUsage();
			const output = await run(items);
			passMs += performance.now() - started;
			passCpuMs += cpuMs(process.cpuUsage(cpu));
			memory.sample();
			for (const { json } of output) scores.set(json.userId, { score: json.pql.score, qualified: json.pql.qualified });
		}
		nodeMs = Math.min(nodeMs, passMs);
		nodeCpuMs = Math.min(nodeCpuMs, passCpuMs);
		fromNode = scores;

		const started = performance.now();
		const cpu = process.cpuUsage();
		fromLoop = plainLoop(byEntity);
		const runMs = performance.now() - started;
		loopMs = Math.min(loopMs, runMs);
		loopCpuMs = Math.min(loopCpuMs, cpuMs(process.cpuUsage(cpu)));
		log(`score: round ${round}/${rounds}: node ${fmt(s.events / (passMs / 1000), 0)} events/s (${s.batches} executions), plain loop ${fmt(s.events / (runMs / 1000), 0)} events/s`);
	}
	const { rssPeak, heapPeak } = memory.stop();

	const mismatches = [...fromLoop].filter(([id, want]) => {
		const got = fromNode.get(id);
		return !got || got.score !== want.score || got.qualified !== want.qualified;
	});
	const qualified = [...fromNode.values()].filter((r) => r.qualified).length;
	const nodeRate = s.events / (nodeMs / 1000);
	const loopRate = s.events / (loopMs / 1000);
	const ok = mismatches.length === 0 && fromNode.size === s.entities;

	const out = [
		'',
		`PQL Score benchmark: ${s.events} events over ${s.entities} entities, ${s.batches} executions, Node ${process.version}`,
		table(
			['path', 'wall time', 'events/s', 'CPU time', 'events per CPU-s'],
			[
				[`PQL Score node in n8n-core WorkflowExecute (best of ${rounds})`, `${fmt(nodeMs / 1000, 2)} s`, fmt(nodeRate, 0), `${fmt(nodeCpuMs / 1000, 2)} s`, fmt(s.events / (nodeCpuMs / 1000), 0)],
				[`plain JS loop (best of ${rounds})`, `${fmt(loopMs / 1000, 2)} s`, fmt(loopRate, 0), `${fmt(loopCpuMs / 1000, 2)} s`, fmt(s.events / (loopCpuMs / 1000), 0)],
			],
		),
		`node / plain loop, events/s: ${fmt(nodeRate / loopRate, 3)} (the plain loop is ${fmt(loopRate / nodeRate, 1)}× faster; by CPU time ${fmt(nodeCpuMs / loopCpuMs, 1)}×)`,
		`peak memory of the process: RSS ${mb(rssPeak)}, V8 heap used ${mb(heapPeak)}`,
		`entities scored: ${fromNode.size}, qualified: ${qualified}; scores equal to the plain loop's: ${mismatches.length === 0 ? 'yes' : `NO (${mismatches.length} differ, e.g. ${mismatches[0][0]})`}`,
		'',
	];
	process.stdout.write(`${out.join('\n')}\n`);
	return { ok };
}

module.exports = childProcessBenchmark('score', __filename, 180, main, module);

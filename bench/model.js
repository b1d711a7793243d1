// @ts-check
// PQL Model's benchmark: learning from 100,000 entities × 30 signals (measurement through PQL
// Score's signals; then discovery, rule search, the step-shape fit and the three models on every
// entity, and again for each of 5 cross-validation folds, each fold scored by PQL Score), timed in
// this process on the compiled code in dist/ (run `npx gulp build` first). Then the suggestions'
// quality against the generating mechanism, seed by seed (test/support/model-quality.js; the unit
// test test/unit/model/acceptance.test.ts checks the same numbers). Runs alone
// (`node bench/model.js`) or from bench/run.js, in a child process of its own.
//
// Environment: PQL_BENCH_MODEL_ENTITIES (default 100000), PQL_BENCH_MODEL_BUDGET_S (default 60: the
// run fails above it).
const path = require('node:path');
const { generatePopulation, categoryOf } = require('../test/support/population');
const { SEEDS, qualityTable, seedQuality } = require('../test/support/model-quality');
const { childProcessBenchmark, envNumber, log } = require('./lib');

const ROOT = path.join(__dirname, '..');
const SIGNALS = 30;

function loadCore() {
	try {
		return { ...require(path.join(ROOT, 'dist/core/model')), ...require(path.join(ROOT, 'dist/core/scoring')) };
	} catch (error) {
		throw new Error(`dist/core/model is missing: run \`npx gulp build\` first (${error instanceof Error ? error.message : error})`);
	}
}

/** @param {() => any} work */
function timed(work) {
	const started = process.hrtime.bigint();
	const result = work();
	return { result, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

function budgetSeconds() {
	return envNumber('PQL_BENCH_MODEL_BUDGET_S', 60);
}

async function run() {
	const core = loadCore();
	const size = envNumber('PQL_BENCH_MODEL_ENTITIES', 100_000);
	// The synthetic population's signals plus pure-noise numbers: 30 signals.
	const base = generatePopulation({ seed: 2026, size: 0 }).signalFields.length;
	const { rows, signalFields } = generatePopulation({ seed: 2026, size, extraNoise: SIGNALS - base });
	const signals = core.fieldSignals(signalFields, categoryOf);
	log(`model: ${size} entities × ${signals.length} signals`);
	const users = rows.map((row, index) => core.profileUser(row.userId, row, index));
	const measuring = timed(() =>
		core.measurePopulation(users, signals, { level: 'user', now: new Date('2027-01-01T00:00:00Z'), timeZone: 'UTC' }),
	);
	const entities = core.labelEntities(measuring.result, (/** @type {number} */ i) => rows[i].converted, () => null);
	const learning = timed(() =>
		core.learnPql(entities, signals, {
			validation: { kind: 'random', folds: 5, seed: 1 },
			targetPqlShare: 0.1,
			minConversions: 50,
		}),
	);
	const learned = learning.result;
	const total = measuring.seconds + learning.seconds;
	/** @param {'threshold' | 'weighted' | 'logistic'} kind */
	const cv = (kind) => {
		const { auc, aucRange } = learned.backtest[kind];
		return `${auc.toFixed(3)} (${aucRange.low.toFixed(3)}–${aucRange.high.toFixed(3)})`;
	};
	const lines = [
		`PQL Model benchmark: ${size.toLocaleString('en-US')} entities × ${signals.length} signals`,
		`  measuring signals (PQL Score)   ${measuring.seconds.toFixed(2)} s`,
		`  learning (models + 5 folds)     ${learning.seconds.toFixed(2)} s (final fit: ${learned.fit.rounds} Newton rounds, ${learned.fit.signals.length} signals kept)`,
		`  total                           ${total.toFixed(2)} s (budget ${budgetSeconds()} s)`,
		`  cross-validated AUC (fold range): rules ${cv('threshold')}, points ${cv('weighted')}, predictive ${cv('logistic')}`,
		'',
		'Suggestions against the generating mechanism: learned from ~1,300 entities, scored by PQL Score on 10,000 unseen (AUC unless noted)',
		qualityTable(SEEDS.map((seed) => seedQuality(core, { seed }))),
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	return { ok: total <= budgetSeconds() };
}

module.exports = childProcessBenchmark('model', __filename, budgetSeconds() + 120, run, module);

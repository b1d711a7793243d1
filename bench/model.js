// @ts-check
// PQL Model's benchmark: learning from 100,000 entities × 30 signals (measurement through PQL
// Score's signals, discovery, rule search, weighted points, the logistic fit and three backtests),
// timed in this process on the compiled code in dist/ (run `npx gulp build` first). Runs alone
// (`node bench/model.js`) or from bench/run.js, which passes an n8n server this benchmark ignores.
//
// Environment: PQL_BENCH_MODEL_ENTITIES (default 100000), PQL_BENCH_MODEL_BUDGET_S (default 60: the
// run fails above it).
const path = require('node:path');
const { generatePopulation } = require('../test/support/population');
const { envNumber, log } = require('./lib');

const ROOT = path.join(__dirname, '..');

function loadCore() {
	try {
		return require(path.join(ROOT, 'dist/core/model'));
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
	// 12 signals of the synthetic population plus 18 pure-noise numbers: 30 signals.
	const { rows, signalFields } = generatePopulation({ seed: 2026, size, extraNoise: 18 });
	const signals = core.fieldSignals(signalFields, (/** @type {string} */ field) => (field === 'sizeBand' ? 'fit' : 'usage'));
	log(`model: ${size} entities × ${signals.length} signals`);
	const users = rows.map((row, index) => core.profileUser(row.userId, row, index));
	const measuring = timed(() =>
		core.measurePopulation(users, signals, { level: 'user', now: new Date('2027-01-01T00:00:00Z'), timeZone: 'UTC' }),
	);
	const entities = core.labelEntities(measuring.result, (/** @type {number} */ i) => rows[i].converted, () => null);
	const learning = timed(() =>
		core.learnPql(entities, signals, {
			holdOut: { kind: 'random', share: 0.3, seed: 1 },
			targetPqlShare: 0.1,
			l2: 1,
			minConversions: 50,
		}),
	);
	const learned = learning.result;
	const fitOnly = timed(() => {
		const training = entities.slice(0, Math.round(size * 0.7));
		const features = core.chooseFeatures(training, signals);
		const matrix = core.designMatrix(training, features.specs);
		return core.fitLogistic(matrix, training.length, features.specs.length, training.map((/** @type {any} */ e) => (e.converted ? 1 : 0)), { l2: 1 });
	});
	const total = measuring.seconds + learning.seconds;
	const lines = [
		`PQL Model benchmark: ${size.toLocaleString('en-US')} entities × ${signals.length} signals`,
		`  measuring signals (PQL Score)   ${measuring.seconds.toFixed(2)} s`,
		`  learning (all three models)     ${learning.seconds.toFixed(2)} s`,
		`    of which a logistic fit alone ${fitOnly.seconds.toFixed(2)} s (${fitOnly.result.iterations} Newton steps)`,
		`  total                           ${total.toFixed(2)} s (budget ${budgetSeconds()} s)`,
		`  held-out AUC: threshold ${learned.backtest.threshold.auc.toFixed(3)}, weighted ${learned.backtest.weighted.auc.toFixed(3)}, logistic ${learned.backtest.logistic.auc.toFixed(3)}`,
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	return { ok: total <= budgetSeconds() };
}

module.exports = { name: 'model', run, budgetSeconds };

if (require.main === module) {
	run().then(
		({ ok }) => (process.exitCode = ok ? 0 : 1),
		(error) => {
			log(`FAILED: ${error instanceof Error ? error.stack : error}`);
			process.exitCode = 1;
		},
	);
}

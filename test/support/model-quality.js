// @ts-check
// PQL Model against the generating mechanism of test/support/population.js, the way a user meets
// it: learn from about 1,300 entities (about 130 conversions), paste each suggested model's JSON
// into PQL Score, and score entities the learner never saw, drawn from the same mechanism. Beside
// them: the mechanism's own probabilities (the ceiling), a plain L2 logistic regression fitted here
// independently of PQL Model, and the seeds' textbook hand weights. Plain JavaScript taking the
// core as an argument, so the unit test (TypeScript sources) and the benchmark (compiled dist/)
// run the same thing.
const { categoryOf, generatePopulation } = require('./population');

const NOW = new Date('2027-01-01T00:00:00Z');

/** @typedef {import('../../core/contract/pql').SignalDefinition} SignalDefinition */
/** @typedef {import('../../core/contract/pql').ScoringModel} ScoringModel */
/** @typedef {import('../../core/contract/model').LabelledEntity} LabelledEntity */
/** @typedef {import('../../core/contract/model').LearnedPql} LearnedPql */
/**
 * @typedef {object} Core
 * @property {typeof import('../../core/model').learnPql} learnPql
 * @property {typeof import('../../core/model').measurePopulation} measurePopulation
 * @property {typeof import('../../core/model').fieldSignals} fieldSignals
 * @property {typeof import('../../core/model').profileUser} profileUser
 * @property {typeof import('../../core/model').labelEntities} labelEntities
 * @property {typeof import('../../core/model').auc} auc
 * @property {typeof import('../../core/scoring').scorePql} scorePql
 * @property {typeof import('../../core/scoring').parseModelJson} parseModelJson
 * @property {typeof import('../../core/scoring').DEFAULT_CONFIG} DEFAULT_CONFIG
 */

/**
 * The seeds' textbook weights (onboarding 20, core feature 15, invite 30, pricing 25, usage limit
 * 35; PQL at 70) on this population's signals.
 * @param {SignalDefinition[]} signals
 * @returns {ScoringModel}
 */
function textbookModel(signals) {
	/** @type {Array<[string, number]>} */
	const points = [
		['onboardingCompleted', 20],
		['coreFeatureUsed', 15],
		['teammatesInvited', 30],
		['pricingPageViews', 25],
		['usageLimitHit', 35],
	];
	return {
		kind: 'weighted',
		version: 'textbook',
		signals,
		points: points.map(([signal, value]) => ({ signal, points: value, per: 'condition', when: { operator: 'exists' } })),
		fullScorePoints: 100,
		qualifyAt: 70,
	};
}

/** @param {unknown} value */
function numeric(value) {
	return typeof value === 'number' && Number.isFinite(value) ? value : value === true ? 1 : 0;
}

/**
 * Solves A x = b by Gaussian elimination with partial pivoting (A small and dense).
 * @param {number[][]} matrix @param {number[]} rhs
 */
function solve(matrix, rhs) {
	const a = matrix.map((row, i) => [...row, rhs[i]]);
	const n = rhs.length;
	for (let i = 0; i < n; i++) {
		let pivot = i;
		for (let r = i + 1; r < n; r++) if (Math.abs(a[r][i]) > Math.abs(a[pivot][i])) pivot = r;
		[a[i], a[pivot]] = [a[pivot], a[i]];
		for (let r = i + 1; r < n; r++) {
			const factor = a[r][i] / a[i][i];
			for (let c = i; c <= n; c++) a[r][c] -= factor * a[i][c];
		}
	}
	const x = new Array(n).fill(0);
	for (let i = n - 1; i >= 0; i--) {
		let sum = a[i][n];
		for (let c = i + 1; c < n; c++) sum -= a[i][c] * x[c];
		x[i] = sum / a[i][i];
	}
	return x;
}

/**
 * What a careful analyst would fit: a plain L2 logistic regression (λ = 1) on every number signal,
 * log(1 + x) for counts, standardised; Newton's method, exported in PQL Score's format.
 * @param {LabelledEntity[]} entities @param {SignalDefinition[]} signals
 * @returns {ScoringModel}
 */
function plainLogistic(entities, signals) {
	const specs = signals
		.filter((signal) => entities.some((entity) => ['number', 'boolean'].includes(typeof entity.values[signal.key])))
		.map((signal) => {
			const raw = entities.map((entity) => numeric(entity.values[signal.key]));
			const log1p = raw.every((x) => x >= 0) && raw.some((x) => x > 1);
			const xs = raw.map((x) => (log1p ? Math.log1p(x) : x));
			const mean = xs.reduce((sum, x) => sum + x, 0) / xs.length;
			return { signal, log1p, mean, sd: Math.sqrt(xs.reduce((sum, x) => sum + (x - mean) ** 2, 0) / xs.length) };
		})
		.filter(({ sd }) => sd > 1e-9);
	const rows = entities.map((entity) => [
		1,
		...specs.map(({ signal, log1p, mean, sd }) => {
			const x = numeric(entity.values[signal.key]);
			return ((log1p ? Math.log1p(Math.max(x, 0)) : x) - mean) / sd;
		}),
	]);
	let beta = new Array(specs.length + 1).fill(0);
	for (let iteration = 0; iteration < 50; iteration++) {
		const gradient = beta.map((b, j) => (j === 0 ? 0 : b));
		const hessian = beta.map((_, j) => beta.map((__, k) => (j === k && j > 0 ? 1 : 0)));
		rows.forEach((x, i) => {
			const mu = 1 / (1 + Math.exp(-x.reduce((sum, v, j) => sum + v * beta[j], 0)));
			const residual = mu - (entities[i].converted ? 1 : 0);
			x.forEach((v, j) => {
				gradient[j] += residual * v;
				x.forEach((w, k) => (hessian[j][k] += mu * (1 - mu) * v * w));
			});
		});
		const step = solve(hessian, gradient);
		beta = beta.map((b, j) => b - step[j]);
		if (Math.max(...step.map(Math.abs)) < 1e-10) break;
	}
	return {
		kind: 'logistic',
		version: 'plain-l2',
		signals: specs.map(({ signal }) => signal),
		intercept: beta[0],
		coefficients: Object.fromEntries(specs.map(({ signal }, j) => [signal.key, beta[j + 1]])),
		transforms: Object.fromEntries(specs.filter(({ log1p }) => log1p).map(({ signal }) => [signal.key, 'log1p'])),
		standardisation: Object.fromEntries(specs.map(({ signal, mean, sd }) => [signal.key, { mean, sd }])),
		threshold: 0.5,
	};
}

/**
 * @typedef {object} SeedQuality
 * @property {number} seed
 * @property {number} conversions converters among the entities learned from
 * @property {number} ceiling AUC of the generating mechanism's probabilities
 * @property {number} logistic
 * @property {number} plain
 * @property {number} points
 * @property {number} textbook
 * @property {number} rules
 * @property {number} flagged share of unseen entities the rules qualify
 * @property {number} lift conversion among them ÷ the base rate
 * @property {LearnedPql} learned
 * @property {string[]} noise the pure-noise signals
 */

/**
 * @param {Core} core
 * @param {{ seed: number, learn?: number, unseen?: number }} options
 * @returns {SeedQuality}
 */
function seedQuality(core, { seed, learn = 1300, unseen = 10_000 }) {
	const learning = generatePopulation({ seed, size: learn });
	const signals = core.fieldSignals(learning.signalFields, categoryOf);
	const measured = core.measurePopulation(
		learning.rows.map((row, index) => core.profileUser(row.userId, row, index)),
		signals,
		{ level: 'user', now: NOW, timeZone: 'UTC' },
	);
	const entities = core.labelEntities(
		measured,
		(index) => learning.rows[index].converted,
		(index) => Date.parse(learning.rows[index].windowEnd),
	);
	const learned = core.learnPql(entities, signals, { validation: { kind: 'random', folds: 5, seed: 1 }, targetPqlShare: 0.1, minConversions: 50 });

	const rows = generatePopulation({ seed: seed + 1000, size: unseen }).rows;
	const converted = rows.map((row) => row.converted);
	/** What a user gets: the model's JSON pasted into PQL Score, scoring profiles (users come back in input order). @param {ScoringModel} model */
	const pqlScore = (model) =>
		core
			.scorePql(
				rows.map((row, index) => core.profileUser(row.userId, row, index)),
				{ ...core.DEFAULT_CONFIG, model: core.parseModelJson(JSON.stringify(model)), antiPql: [] },
				NOW,
			)
			.map(({ pql }) => pql);
	/** @param {ReturnType<typeof pqlScore>} scored */
	const aucOf = (scored) => core.auc(scored.map((pql) => pql.metrics.probability ?? pql.score), converted) ?? 0;
	const rules = pqlScore(learned.models.threshold);
	const flagged = rules.flatMap((pql, index) => (pql.qualified ? [converted[index]] : []));
	const baseRate = converted.filter(Boolean).length / rows.length;
	return {
		seed,
		conversions: entities.filter((entity) => entity.converted).length,
		ceiling: core.auc(rows.map((row) => row.probability), converted) ?? 0,
		logistic: aucOf(pqlScore(learned.models.logistic)),
		plain: aucOf(pqlScore(plainLogistic(entities, signals))),
		points: aucOf(pqlScore(learned.models.weighted)),
		textbook: aucOf(pqlScore(textbookModel(signals))),
		rules: aucOf(rules),
		flagged: flagged.length / rows.length,
		lift: flagged.filter(Boolean).length / flagged.length / baseRate,
		learned,
		noise: learning.noise,
	};
}

/** The per-seed table the README quotes. @param {SeedQuality[]} results */
function qualityTable(results) {
	/** @param {number} x */
	const f = (x) => x.toFixed(3);
	return [
		'| seed | conversions | ceiling | logistic | plain L2 | points | textbook | rules | flagged | lift | logistic, cross-validated (fold range) |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
		...results.map((r) => {
			const { auc, aucRange } = r.learned.backtest.logistic;
			return `| ${r.seed} | ${r.conversions} | ${f(r.ceiling)} | ${f(r.logistic)} | ${f(r.plain)} | ${f(r.points)} | ${f(r.textbook)} | ${f(r.rules)} | ${(100 * r.flagged).toFixed(1)} % | ${r.lift.toFixed(1)}× | ${f(auc ?? 0)} (${f(aucRange?.low ?? 0)}–${f(aucRange?.high ?? 0)}) |`;
		}),
	].join('\n');
}

module.exports = { seedQuality, qualityTable, SEEDS: [1, 2, 3, 4, 5] };

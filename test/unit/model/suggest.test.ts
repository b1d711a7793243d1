import type { LogisticModel, WeightedModel } from '../../../core/contract/pql';
import { fieldSignals, profileUser } from '../../../core/model';
import type { Shape } from '../../../core/model/bins';
import { bitsetOf } from '../../../core/model/bitset';
import type { ShapeModel } from '../../../core/model/learnedShapes';
import { logisticModel, thresholdModel, weightedModel } from '../../../core/model/suggest';
import { DEFAULT_CONFIG, parseModelJson, scorePql } from '../../../core/scoring';

const NOW = new Date('2027-01-01T00:00:00Z');
const [projects, days, noise] = fieldSignals(['projects', 'days', 'noise'], () => 'usage');

/** 100 rows: projects 0–6, days 0–9, noise 0–1, cycling. */
const ROWS = Array.from({ length: 100 }, (_, i) => ({ projects: i % 7, days: i % 10, noise: i % 2 }));
const rows = Int32Array.from(ROWS.keys());

function shape(signal: typeof projects, edges: number[], below: number[]): Shape {
	const levels = Uint8Array.from(ROWS, (row) => edges.filter((edge) => Number(row[signal.key as keyof typeof row]) >= edge).length);
	return { signal, edges, below, levels };
}

const model: ShapeModel = {
	intercept: -2.5,
	learned: [
		// Saturating: most of the effect by 3 projects, all of it by 5.
		{ shape: shape(projects, [1, 3, 5], [0, 2, 4]), levels: [0, 0.4, 0.9, 1.2], marginalZ: 5 },
		// Fewer days since last seen is better.
		{ shape: shape(days, [2, 7], [1, 6]), levels: [0, -0.4, -1.2], marginalZ: 4 },
		// Weight from the joint fit, but nothing on its own: no points.
		{ shape: shape(noise, [1], [0]), levels: [0, 0.1], marginalZ: 1 },
	],
	rounds: 5,
	converged: true,
};

function score(json: object, profile: Record<string, number>) {
	const users = [profileUser('u', profile, 0)];
	return scorePql(users, { ...DEFAULT_CONFIG, model: parseModelJson(JSON.stringify({ ...json, version: 'test' })), antiPql: [] }, NOW)[0].pql;
}

describe('the logistic suggestion', () => {
	const { model: logistic, applied } = logisticModel(model, rows, 10);

	it('exports each shape as steps (shares of its strongest level) and a coefficient (that level\'s log-odds)', () => {
		expect(logistic.coefficients).toEqual({ projects: 1.2, days: -1.2, noise: 0.1 });
		expect(logistic.transforms).toEqual({
			projects: { steps: [{ from: 1, value: 0.3333 }, { from: 3, value: 0.75 }, { from: 5, value: 1 }] },
			days: { steps: [{ from: 2, value: 0.3333 }, { from: 7, value: 1 }] },
			noise: { steps: [{ from: 1, value: 1 }] },
		});
		expect(logistic.intercept).toBe(-2.5);
		expect(applied[0].levels).toEqual([0, 1.2 * 0.3333, 1.2 * 0.75, 1.2]);
	});

	it('round-trips through PQL Score: the pasted JSON gives the learned log-odds and names the step reached', () => {
		const pql = score(logistic as LogisticModel, { projects: 4, days: 3, noise: 1 });
		expect(pql.metrics.probability).toBe(Math.round(1e4 / (1 + Math.exp(-(-2.5 + 0.9 - 1.2 * 0.3333 + 0.1)))) / 1e4);
		expect(pql.reasons.find((reason) => reason.signal === 'projects')?.detail).toMatch(/^projects: 4 \(at least 3\): \+\d+(\.\d)? \(log-odds \+0\.9\)$/);
		expect(pql.reasons.find((reason) => reason.signal === 'days')?.detail).toMatch(/^days: 3 \(at least 2\): -\d+(\.\d)? \(log-odds -0\.4\)$/);
		expect(score(logistic as LogisticModel, { projects: 0, days: 0, noise: 0 }).reasons).toEqual([]);
	});

	it('sets the probability threshold so PQL Score qualifies at least the target number of rows', () => {
		const qualified = ROWS.filter((row) => score(logistic as LogisticModel, row).qualified).length;
		expect(qualified).toBeGreaterThanOrEqual(10);
		expect(qualified).toBeLessThan(20);
	});
});

describe('the weighted-points suggestion', () => {
	const { applied } = logisticModel(model, rows, 10);
	const weighted = weightedModel(applied, rows, 10);

	it('turns the fitted log-odds into whole points, at least steps going up and at most steps going down, 100 at best', () => {
		expect(weighted.points.map(({ signal, points, when, detail }) => ({ signal, points, when, detail }))).toEqual([
			{ signal: 'projects', points: 17, when: { operator: 'gte', value: 1 }, detail: 'projects: {value} (at least 1)' },
			{ signal: 'projects', points: 21, when: { operator: 'gte', value: 3 }, detail: 'projects: {value} (at least 3)' },
			{ signal: 'projects', points: 12, when: { operator: 'gte', value: 5 }, detail: 'projects: {value} (at least 5)' },
			{ signal: 'days', points: 17, when: { operator: 'lte', value: 1 }, detail: 'days: {value} (at most 1)' },
			{ signal: 'days', points: 33, when: { operator: 'lte', value: 6 }, detail: 'days: {value} (at most 6)' },
		]);
		expect(weighted.fullScorePoints).toBe(100);
		expect(weighted.signals.map(({ key }) => key)).toEqual(['projects', 'days']);
	});

	it('gives no points to a signal that does not go with converting on its own', () => {
		expect(weighted.points.some((rule) => rule.signal === 'noise')).toBe(false);
	});

	it('scores in PQL Score as the fit ranks: 5 projects, seen yesterday = 100; the steps add up in the reasons', () => {
		const best = score(weighted as WeightedModel, { projects: 5, days: 1, noise: 0 });
		expect(best.score).toBe(100);
		const some = score(weighted as WeightedModel, { projects: 4, days: 3, noise: 1 });
		expect(some.score).toBe(17 + 21 + 33);
		expect(some.reasons.map((reason) => reason.detail).sort()).toEqual(['days: 3 (at most 6): +33', 'projects: 4 (at least 1): +17', 'projects: 4 (at least 3): +21']);
		const qualified = ROWS.filter((row) => score(weighted as WeightedModel, row).qualified).length;
		expect(qualified).toBeGreaterThanOrEqual(10);
	});
});

describe('the rules suggestion', () => {
	it('gives the rule that raises the odds more, given the other, more points', () => {
		// Rule A (projects ≥ 3) goes with converting far more than rule B (noise ≥ 1).
		const labels = Uint8Array.from(ROWS, (row, i) => (row.projects >= 3 && (row.noise === 1 || i % 3 === 0) ? 1 : 0));
		const meetsA = bitsetOf(ROWS.length, (i) => ROWS[i].projects >= 3);
		const meetsB = bitsetOf(ROWS.length, (i) => ROWS[i].noise >= 1);
		const threshold = thresholdModel(
			[projects, days, noise],
			{ rules: [{ signal: 'projects', operator: 'gte', value: 3 }, { signal: 'noise', operator: 'gte', value: 1 }], meets: [meetsA, meetsB], qualified: 0, converters: 0 },
			labels,
			rows,
		);
		const [a, b] = threshold.rules.map((rule) => rule.points ?? 0);
		expect(a).toBeGreaterThan(b);
		expect(b).toBeGreaterThanOrEqual(1);
		expect(a + b).toBeGreaterThanOrEqual(99);
		expect(threshold.signals.map(({ key }) => key)).toEqual(['projects', 'noise']);
	});
});

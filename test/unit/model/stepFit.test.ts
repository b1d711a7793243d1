import type { Shape } from '../../../core/model/bins';
import type { StepTerm } from '../../../core/model/stepFit';
import { fitSteps } from '../../../core/model/stepFit';
import { fieldSignals } from '../../../core/model';
import { REFERENCE_FIT, REFERENCE_L2, REFERENCE_LABELS, REFERENCE_LEVEL_COUNTS, REFERENCE_ROWS } from './referenceFit.fixture';

const SIGNALS = fieldSignals(['a', 'b', 'c', 'd', 'e', 'f'], () => 'usage');

function shapeOf(index: number, levels: number[], count: number): Shape {
	return { signal: SIGNALS[index], edges: Array.from({ length: count - 1 }, (_, k) => k + 1), below: [], levels: Uint8Array.from(levels) };
}

function allRows(count: number): Int32Array {
	return Int32Array.from({ length: count }, (_, row) => row);
}

/** Gradient of the penalised negative log-likelihood in step form, computed here from scratch. */
function gradient(rows: number[][], labels: number[], counts: number[], intercept: number, steps: number[], l2: number): number[] {
	const columns = (levels: number[]): number[] => levels.flatMap((level, signal) => Array.from({ length: counts[signal] - 1 }, (_, k) => (level > k ? 1 : 0)));
	const params = [intercept, ...steps];
	const grad = params.map((param, j) => (j === 0 ? 0 : l2 * param));
	rows.forEach((levels, i) => {
		const x = [1, ...columns(levels)];
		const residual = 1 / (1 + Math.exp(-x.reduce((sum, v, j) => sum + v * params[j], 0))) - labels[i];
		x.forEach((v, j) => (grad[j] += residual * v));
	});
	return grad;
}

describe('step-shape logistic fit', () => {
	const terms: StepTerm[] = REFERENCE_LEVEL_COUNTS.map((count, index) => ({
		shape: shapeOf(index, REFERENCE_ROWS.map((levels) => levels[index]), count),
		direction: 1,
	}));
	const fit = fitSteps(terms, REFERENCE_LABELS, allRows(REFERENCE_ROWS.length), { l2: REFERENCE_L2, learnPenalties: false });
	const steps = fit.steps.flatMap((term) => Array.from(term));

	it('matches the reference fit (independent gradient-descent solve, stored as a fixture) to 6 decimals', () => {
		expect(fit.converged).toBe(true);
		expect(fit.intercept).toBeCloseTo(REFERENCE_FIT.intercept, 6);
		steps.forEach((step, j) => expect(step).toBeCloseTo(REFERENCE_FIT.steps[j], 6));
	});

	it('gives the same numbers on every run', () => {
		expect(fitSteps(terms, REFERENCE_LABELS, allRows(REFERENCE_ROWS.length), { l2: REFERENCE_L2, learnPenalties: false })).toEqual(fit);
	});

	it('holds a step at 0 rather than let it go the wrong way, where the gradient pushes past 0 (the optimum under the bound)', () => {
		// Signal a read backwards: its steps would be negative, and it may only step up.
		const flipped = REFERENCE_ROWS.map((levels) => [REFERENCE_LEVEL_COUNTS[0] - 1 - levels[0], levels[1], levels[2]]);
		const flippedTerms = terms.map((term, index) => (index === 0 ? { ...term, shape: shapeOf(0, flipped.map((levels) => levels[0]), REFERENCE_LEVEL_COUNTS[0]) } : term));
		const bounded = fitSteps(flippedTerms, REFERENCE_LABELS, allRows(flipped.length), { l2: REFERENCE_L2, learnPenalties: false });
		const boundedSteps = bounded.steps.flatMap((term) => Array.from(term));
		const grad = gradient(flipped, REFERENCE_LABELS, REFERENCE_LEVEL_COUNTS, bounded.intercept, boundedSteps, REFERENCE_L2);
		expect(Array.from(bounded.steps[0])).toEqual([0, 0, 0]);
		// At the bound the objective rises as the step goes up (gradient > 0); elsewhere it is flat.
		grad.slice(1, 4).forEach((g) => expect(g).toBeGreaterThan(0));
		[grad[0], ...grad.slice(4)].forEach((g) => expect(Math.abs(g)).toBeLessThan(1e-4));
	});

	it('learns each signal\'s penalty: pure noise is dropped, the signals that matter stay', () => {
		// 3,000 rows; signals 0–1 move the odds, signals 2–5 are noise.
		let state = 7;
		const next = (): number => {
			state = (Math.imul(state, 1103515245) + 12345) >>> 0;
			return (state + 0.5) / 4294967296;
		};
		const rows = Array.from({ length: 3000 }, () => Array.from({ length: 6 }, () => Math.floor(next() * 5)));
		const labels = rows.map((levels) => (next() < 1 / (1 + Math.exp(-(-3 + 0.5 * levels[0] + (levels[1] >= 3 ? 1.5 : 0)))) ? 1 : 0));
		const learned = fitSteps(
			rows[0].map((_, index) => ({ shape: shapeOf(index, rows.map((levels) => levels[index]), 5), direction: 1 as const })),
			labels,
			allRows(rows.length),
			{ l2: 1, learnPenalties: true },
		);
		const effect = learned.steps.map((term) => term.reduce((sum, step) => sum + step, 0));
		expect(learned.converged).toBe(true);
		expect(effect[0]).toBeGreaterThan(1.4);
		expect(effect[1]).toBeGreaterThan(1);
		// The threshold shows: most of signal 1's effect is in its step to level 3.
		expect(learned.steps[1][2]).toBeGreaterThan(0.6 * effect[1]);
		effect.slice(2).forEach((total) => expect(total).toBeLessThan(0.1));
	});
});

import { fitLogistic } from '../../../core/model';
import { generatePopulation } from '../../support/population';
import { REFERENCE_FIT, REFERENCE_L2, REFERENCE_LABELS, REFERENCE_ROWS } from './referenceFit.fixture';

function matrixOf(rows: number[][]): Float64Array {
	return Float64Array.from(rows.flat());
}

/** Gradient of the penalised negative log-likelihood, computed here independently of the fit. */
function gradient(rows: number[][], labels: number[], params: number[], l2: number): number[] {
	const grad = params.map((param, j) => (j === 0 ? 0 : l2 * param));
	rows.forEach((row, i) => {
		const x = [1, ...row];
		const eta = x.reduce((sum, v, j) => sum + v * params[j], 0);
		const residual = 1 / (1 + Math.exp(-eta)) - labels[i];
		x.forEach((v, j) => (grad[j] += residual * v));
	});
	return grad;
}

describe('L2 logistic regression', () => {
	const fit = fitLogistic(matrixOf(REFERENCE_ROWS), REFERENCE_ROWS.length, 3, REFERENCE_LABELS, { l2: REFERENCE_L2 });

	it('matches the reference fit (independent gradient-descent solve, stored as a fixture) to 3 decimals', () => {
		expect(fit.converged).toBe(true);
		expect(fit.intercept).toBeCloseTo(REFERENCE_FIT.intercept, 3);
		fit.coefficients.forEach((c, j) => expect(c).toBeCloseTo(REFERENCE_FIT.coefficients[j], 3));
		// In fact far closer than that: both solve the same problem to machine precision.
		expect(Math.abs(fit.intercept - REFERENCE_FIT.intercept)).toBeLessThan(1e-7);
	});

	it('sits where the gradient is zero (to 1e-8)', () => {
		const grad = gradient(REFERENCE_ROWS, REFERENCE_LABELS, [fit.intercept, ...fit.coefficients], REFERENCE_L2);
		grad.forEach((g) => expect(Math.abs(g)).toBeLessThan(1e-8));
	});

	it('recovers known coefficients from synthetic data', () => {
		// 20,000 rows: x1, x2 standard normal, x3 0/1; logit = −1 + 0.8·x1 − 1.2·x2 + 1.5·x3.
		let state = 12345;
		const next = (): number => {
			state = (Math.imul(state, 1103515245) + 12345) >>> 0;
			return (state + 0.5) / 4294967296;
		};
		const normal = (): number => Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next());
		const rows: number[][] = [];
		const labels: number[] = [];
		for (let i = 0; i < 20000; i++) {
			const x = [normal(), normal(), next() < 0.5 ? 1 : 0];
			rows.push(x);
			labels.push(next() < 1 / (1 + Math.exp(-(-1 + 0.8 * x[0] - 1.2 * x[1] + 1.5 * x[2]))) ? 1 : 0);
		}
		const recovered = fitLogistic(matrixOf(rows), rows.length, 3, labels, { l2: 0.01 });
		// Standard errors here are about 0.03; 0.1 is more than three of them.
		expect(Math.abs(recovered.intercept + 1)).toBeLessThan(0.1);
		[0.8, -1.2, 1.5].forEach((truth, j) => expect(Math.abs(recovered.coefficients[j] - truth)).toBeLessThan(0.1));
	});

	it('gives the same numbers on every run', () => {
		const again = fitLogistic(matrixOf(REFERENCE_ROWS), REFERENCE_ROWS.length, 3, REFERENCE_LABELS, { l2: REFERENCE_L2 });
		expect(again).toEqual(fit);
	});

	it('shrinks coefficients as the penalty grows', () => {
		const strong = fitLogistic(matrixOf(REFERENCE_ROWS), REFERENCE_ROWS.length, 3, REFERENCE_LABELS, { l2: 200 });
		strong.coefficients.forEach((c, j) => expect(Math.abs(c)).toBeLessThan(Math.abs(fit.coefficients[j])));
	});

	it('is exported for the synthetic population too (generator sanity)', () => {
		const { rows } = generatePopulation({ seed: 3, size: 10 });
		expect(rows).toHaveLength(10);
		expect(generatePopulation({ seed: 3, size: 10 }).rows).toEqual(rows);
	});
});

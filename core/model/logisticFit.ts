import { solveSpd } from './linalg';

export interface LogisticFit {
	intercept: number;
	/** One per column of the design matrix. */
	coefficients: number[];
	iterations: number;
	converged: boolean;
}

export interface FitOptions {
	/** Penalty λ in λ/2 · Σ β², on the coefficients, never on the intercept. */
	l2: number;
	maxIterations?: number;
	/** Stop when no parameter moves more than this. */
	tolerance?: number;
}

/** log(1 + e^x) without overflow. */
function softplus(x: number): number {
	return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

function sigmoid(x: number): number {
	return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

interface Problem {
	matrix: Float64Array;
	rows: number;
	columns: number;
	labels: ArrayLike<number>;
	l2: number;
}

function linearPredictor(problem: Problem, params: Float64Array, row: number): number {
	const { matrix, columns } = problem;
	let eta = params[0];
	const offset = row * columns;
	for (let column = 0; column < columns; column++) eta += matrix[offset + column] * params[column + 1];
	return eta;
}

/** Penalised negative log-likelihood: what the fit minimises. */
export function objective(problem: Problem, params: Float64Array): number {
	let total = 0;
	for (let row = 0; row < problem.rows; row++) {
		const eta = linearPredictor(problem, params, row);
		total += softplus(eta) - problem.labels[row] * eta;
	}
	for (let column = 1; column < params.length; column++) total += (problem.l2 / 2) * params[column] ** 2;
	return total;
}

/** Gradient and Hessian of the objective, the Hessian's upper triangle mirrored at the end. */
function derivatives(problem: Problem, params: Float64Array): { gradient: Float64Array; hessian: Float64Array } {
	const { matrix, rows, columns, labels, l2 } = problem;
	const size = columns + 1;
	const gradient = new Float64Array(size);
	const hessian = new Float64Array(size * size);
	const x = new Float64Array(size);
	x[0] = 1;
	for (let row = 0; row < rows; row++) {
		const offset = row * columns;
		for (let column = 0; column < columns; column++) x[column + 1] = matrix[offset + column];
		const mu = sigmoid(linearPredictor(problem, params, row));
		const residual = mu - labels[row];
		const weight = mu * (1 - mu);
		for (let i = 0; i < size; i++) {
			gradient[i] += residual * x[i];
			const wxi = weight * x[i];
			const base = i * size;
			for (let j = i; j < size; j++) hessian[base + j] += wxi * x[j];
		}
	}
	for (let i = 1; i < size; i++) {
		gradient[i] += l2 * params[i];
		hessian[i * size + i] += l2;
	}
	for (let i = 0; i < size; i++) for (let j = 0; j < i; j++) hessian[i * size + j] = hessian[j * size + i];
	return { gradient, hessian };
}

/** A Newton step; the diagonal is nudged when the Hessian is numerically singular. */
function newtonStep(hessian: Float64Array, gradient: Float64Array, size: number): Float64Array {
	let ridge = 0;
	for (;;) {
		const nudged = Float64Array.from(hessian);
		for (let i = 0; i < size; i++) nudged[i * size + i] += ridge;
		const step = solveSpd(nudged, gradient, size);
		if (step) return step;
		ridge = ridge === 0 ? 1e-10 * (1 + Math.max(...Array.from({ length: size }, (_, i) => hessian[i * size + i]))) : ridge * 10;
	}
}

/**
 * L2-regularised logistic regression by Newton's method (iteratively reweighted least squares)
 * with step halving, so the objective never rises. Starts from the intercept-only fit; the same
 * data always give the same numbers.
 */
export function fitLogistic(
	matrix: Float64Array,
	rows: number,
	columns: number,
	labels: ArrayLike<number>,
	options: FitOptions,
): LogisticFit {
	const problem: Problem = { matrix, rows, columns, labels, l2: options.l2 };
	const maxIterations = options.maxIterations ?? 100;
	const tolerance = options.tolerance ?? 1e-10;
	const size = columns + 1;
	let positives = 0;
	for (let row = 0; row < rows; row++) positives += labels[row];
	const share = Math.min(Math.max(positives / rows, 1e-6), 1 - 1e-6);
	let params = new Float64Array(size);
	params[0] = Math.log(share / (1 - share));
	let current = objective(problem, params);
	for (let iteration = 1; iteration <= maxIterations; iteration++) {
		const { gradient, hessian } = derivatives(problem, params);
		const step = newtonStep(hessian, gradient, size);
		let scale = 1;
		let next = params.map((value, index) => value - step[index]);
		let value = objective(problem, next);
		while (value > current && scale > 1e-10) {
			scale /= 2;
			next = params.map((param, index) => param - scale * step[index]);
			value = objective(problem, next);
		}
		const moved = Math.max(...next.map((param, index) => Math.abs(param - params[index])));
		params = next;
		current = value;
		if (moved < tolerance * (1 + Math.max(...params.map(Math.abs)))) {
			return { intercept: params[0], coefficients: Array.from(params.slice(1)), iterations: iteration, converged: true };
		}
	}
	return { intercept: params[0], coefficients: Array.from(params.slice(1)), iterations: maxIterations, converged: false };
}

import type { Shape } from './bins';
import { factor, inverseDiagonal, solveCholesky, subMatrix } from './linalg';

/**
 * An additive logistic model with a step shape per signal: the log-odds of level k of signal j is
 * θ_jk = δ_j1 + … + δ_jk (level 0 adds nothing). Each signal only steps one way (more of it never
 * lowers the odds, or never raises them), which is how product signals behave and keeps shapes
 * readable.
 */
export interface StepTerm {
	shape: Shape;
	/** 1: steps up only; −1: down only. */
	direction: 1 | -1;
}

export interface StepFitOptions {
	/** Ridge on every step to start with: how strongly steps are pulled towards 0. */
	l2: number;
	/**
	 * Learn each signal's own ridge from the data (automatic relevance determination: the evidence
	 * fixed point λ = γ / Σ δ²): signals the data do not support are pulled to 0 and dropped.
	 */
	learnPenalties: boolean;
}

export interface StepFit {
	intercept: number;
	/** Per term, its steps δ (one per edge); all 0 for a dropped signal. */
	steps: Float64Array[];
	rounds: number;
	converged: boolean;
}

/** Past this ridge a signal's steps are as good as 0: it is dropped. */
const DROP_ABOVE = 1e4;
/** The Hessian (the costly part) is summed over at most this many rows, evenly spaced; the gradient always over all. */
const HESSIAN_ROWS = 10_000;
/** Done when no step moves more than this (log-odds) in a round: far below anything a score shows. */
const TOLERANCE = 3e-3;
const MAX_ROUNDS = 200;

/**
 * What one pass over the rows at some parameters leaves: each row's probability, and the gradient
 * by level (first slot the intercept, last slot level 0's, ignored), so an accepted step needs no
 * second pass.
 */
interface Pass {
	mu: Float64Array;
	gradient: Float64Array;
}

/** The fit's fixed layout: where each term's steps sit in the parameter vector (after the intercept). */
interface Layout {
	terms: StepTerm[];
	/** Parameter index of each term's first step. */
	first: number[];
	/** Parameter index → index past the last step of its term (0 for the intercept). */
	blockEnd: Int32Array;
	size: number;
	/**
	 * rows × live terms, row-major: the parameter index of each row's level in each live term, or
	 * `size` (a slot that is always 0) for level 0, so a row's log-odds is a plain sum.
	 */
	cells: Int32Array;
	/** The terms not dropped, in the order of the columns of `cells`. */
	liveTerms: number[];
	live: number;
	rows: ArrayLike<number>;
	labels: ArrayLike<number>;
	sample: Int32Array;
	/** Work space, allocated once per fit: large short-lived arrays would make the garbage collector walk the whole heap again and again. */
	current: Pass;
	trial: Pass;
	hessian: Float64Array;
}

function layoutOf(terms: StepTerm[], labels: ArrayLike<number>, rows: ArrayLike<number>): Layout {
	const first: number[] = [];
	let size = 1;
	for (const { shape } of terms) {
		first.push(size);
		size += shape.edges.length;
	}
	const blockEnd = new Int32Array(size);
	terms.forEach(({ shape }, term) => blockEnd.fill(first[term] + shape.edges.length, first[term], first[term] + shape.edges.length));
	const cells = new Int32Array(rows.length * terms.length);
	const levels = terms.map(({ shape }) => shape.levels);
	for (let index = 0; index < rows.length; index++) {
		const row = rows[index];
		for (let term = 0; term < terms.length; term++) {
			const level = levels[term][row];
			cells[index * terms.length + term] = level > 0 ? first[term] + level - 1 : size;
		}
	}
	const every = Math.max(1, Math.ceil(rows.length / HESSIAN_ROWS));
	const sample = Int32Array.from({ length: Math.ceil(rows.length / every) }, (_, k) => k * every);
	return {
		terms,
		first,
		blockEnd,
		size,
		cells,
		liveTerms: terms.map((_, term) => term),
		live: terms.length,
		rows,
		labels,
		sample,
		current: { mu: new Float64Array(rows.length), gradient: new Float64Array(size + 1) },
		trial: { mu: new Float64Array(rows.length), gradient: new Float64Array(size + 1) },
		hessian: new Float64Array(size * size),
	};
}

/** θ (log-odds per level, in parameter order, plus the always-0 slot) from the steps δ: running sums within each term. */
function levelsFromSteps(layout: Layout, params: Float64Array): Float64Array {
	const theta = new Float64Array(layout.size + 1);
	theta.set(params);
	for (let k = 1; k < layout.size; k++) if (layout.blockEnd[k] === layout.blockEnd[k - 1]) theta[k] += theta[k - 1];
	return theta;
}

/** The negative log-likelihood at `params`, with the pass's probabilities and gradient filled in. */
function evaluate(layout: Layout, params: Float64Array, pass: Pass): number {
	const { cells, rows, labels, live: count } = layout;
	const { mu, gradient } = pass;
	const theta = levelsFromSteps(layout, params);
	gradient.fill(0);
	let likelihood = 0;
	for (let index = 0; index < rows.length; index++) {
		let eta = theta[0];
		const base = index * count;
		for (let term = 0; term < count; term++) eta += theta[cells[base + term]];
		// log(1 + e^η) and σ(η) from one exponential, without overflow.
		const small = Math.exp(-Math.abs(eta));
		mu[index] = eta >= 0 ? 1 / (1 + small) : small / (1 + small);
		const label = labels[rows[index]];
		likelihood += Math.max(eta, 0) + Math.log1p(small) - label * eta;
		const residual = mu[index] - label;
		gradient[0] += residual;
		for (let term = 0; term < count; term++) gradient[cells[base + term]] += residual;
	}
	return likelihood;
}

function penaltyOf(params: Float64Array, ridge: Float64Array): number {
	let total = 0;
	for (let k = 1; k < params.length; k++) total += (ridge[k] / 2) * params[k] * params[k];
	return total;
}

/** Sums within each term from k to its last step: level-space derivatives → step space (the transpose of the running sum). */
function suffixSums(layout: Layout, vector: Float64Array, offset: number, stride: number): void {
	for (let k = layout.size - 2; k >= 1; k--) {
		if (layout.blockEnd[k] === layout.blockEnd[k + 1]) vector[offset + k * stride] += vector[offset + (k + 1) * stride];
	}
}

/** Gradient over all rows (from the current pass) and Hessian over the sample (scaled up), both in step space, penalty included. */
function derivatives(layout: Layout, params: Float64Array, ridge: Float64Array): { gradient: Float64Array; hessian: Float64Array } {
	const { size, cells, rows, sample, hessian, live: count } = layout;
	const { mu } = layout.current;
	const gradient = layout.current.gradient.slice(0, size);
	hessian.fill(0);
	const scale = rows.length / sample.length;
	const columns = new Int32Array(count + 1);
	for (const index of sample) {
		const weight = scale * mu[index] * (1 - mu[index]);
		let active = 0;
		columns[active++] = 0;
		for (let term = 0; term < count; term++) {
			const cell = cells[index * count + term];
			if (cell < size) columns[active++] = cell;
		}
		for (let a = 0; a < active; a++) {
			const base = columns[a] * size;
			for (let b = a; b < active; b++) hessian[base + columns[b]] += weight;
		}
	}
	for (let i = 0; i < size; i++) for (let j = 0; j < i; j++) hessian[i * size + j] = hessian[j * size + i];
	suffixSums(layout, gradient, 0, 1);
	for (let row = 0; row < size; row++) suffixSums(layout, hessian, row * size, 1);
	for (let column = 0; column < size; column++) suffixSums(layout, hessian, column, size);
	for (let k = 1; k < size; k++) {
		gradient[k] += ridge[k] * params[k];
		hessian[k * size + k] += ridge[k];
	}
	return { gradient, hessian };
}

/** Per parameter, the way it may move (0 for the intercept: either). */
function directionsOf(layout: Layout): Int8Array {
	const directions = new Int8Array(layout.size);
	layout.terms.forEach(({ shape, direction }, term) => directions.fill(direction, layout.first[term], layout.first[term] + shape.edges.length));
	return directions;
}

/** Steps that may move: not held at 0 by their direction with the gradient pushing them past it. */
function freeSteps(layout: Layout, params: Float64Array, gradient: Float64Array, dropped: Uint8Array, directions: Int8Array): number[] {
	const free = [0];
	for (let k = 1; k < layout.size; k++) {
		if (dropped[k]) continue;
		if (directions[k] * params[k] > 0 || directions[k] * gradient[k] < 0) free.push(k);
	}
	return free;
}

interface NewtonStep {
	free: number[];
	lower: Float64Array;
	direction: Float64Array;
}

/**
 * The Newton direction over the free steps: a step held at 0 that the direction would push the
 * wrong way is fixed at 0 and the direction solved again, so only steps already moving can be
 * stopped at 0 by the projection.
 */
function newtonStep(layout: Layout, params: Float64Array, gradient: Float64Array, hessian: Float64Array, candidates: number[], directions: Int8Array): NewtonStep {
	let free = candidates;
	for (;;) {
		const lower = factor(subMatrix(hessian, layout.size, free), free.length);
		const direction = solveCholesky(lower, free.map((k) => gradient[k]), free.length);
		// Moving means params − direction; a held step (at 0) may only leave 0 its own way.
		const blocked = free.filter((k, index) => k > 0 && directions[k] * params[k] <= 0 && directions[k] * direction[index] > 0);
		if (blocked.length === 0) return { free, lower, direction };
		free = free.filter((k) => !blocked.includes(k));
	}
}

/** Keeps only the columns of `cells` whose terms are still live: a dropped signal costs nothing more. */
function compact(layout: Layout, dropped: Uint8Array): void {
	const keep = layout.liveTerms.flatMap((term, column) => (dropped[layout.first[term]] ? [] : [column]));
	const rows = layout.rows.length;
	const cells = new Int32Array(rows * keep.length);
	for (let index = 0; index < rows; index++) {
		for (let at = 0; at < keep.length; at++) cells[index * keep.length + at] = layout.cells[index * layout.live + keep[at]];
	}
	layout.liveTerms = keep.map((column) => layout.liveTerms[column]);
	layout.cells = cells;
	layout.live = keep.length;
}

/** Updates each live term's ridge from the evidence; true when a term was dropped (its steps set to 0). */
function updatePenalties(layout: Layout, params: Float64Array, free: number[], lower: Float64Array, ridge: Float64Array, dropped: Uint8Array, penalties: number[]): boolean {
	let droppedNow = false;
	const diagonal = inverseDiagonal(lower, free.length);
	const position = new Map(free.map((k, index) => [k, index]));
	layout.terms.forEach(({ shape }, term) => {
		const start = layout.first[term];
		if (dropped[start]) return;
		let gamma = 0;
		let squares = 0;
		for (let k = start; k < start + shape.edges.length; k++) {
			const at = position.get(k);
			if (at === undefined) continue;
			gamma += 1 - ridge[k] * diagonal[at];
			squares += params[k] * params[k];
		}
		penalties[term] = squares > 0 ? Math.max(gamma, 1e-6) / squares : Infinity;
		if (penalties[term] > DROP_ABOVE) {
			penalties[term] = Infinity;
			dropped.fill(1, start, start + shape.edges.length);
			params.fill(0, start, start + shape.edges.length);
			droppedNow = true;
		}
		for (let k = start; k < start + shape.edges.length; k++) ridge[k] = Math.min(penalties[term], DROP_ABOVE);
	});
	return droppedNow;
}

/**
 * Projected Newton's method (Bertsekas) with step halving, the objective never rising; with
 * learned penalties, one Newton step per round then each signal's ridge updated, until both
 * settle. The same rows always give the same numbers.
 */
export function fitSteps(terms: StepTerm[], labels: ArrayLike<number>, rows: ArrayLike<number>, options: StepFitOptions): StepFit {
	const layout = layoutOf(terms, labels, rows);
	const { size } = layout;
	let positives = 0;
	for (let index = 0; index < rows.length; index++) positives += labels[rows[index]];
	const share = Math.min(Math.max(positives / Math.max(rows.length, 1), 1e-6), 1 - 1e-6);
	let params: Float64Array = new Float64Array(size);
	params[0] = Math.log(share / (1 - share));
	const ridge = new Float64Array(size).fill(options.l2);
	ridge[0] = 0;
	const penalties = terms.map(() => options.l2);
	const dropped = new Uint8Array(size);
	const directions = directionsOf(layout);
	let likelihood = evaluate(layout, params, layout.current);
	let current = likelihood + penaltyOf(params, ridge);
	for (let round = 1; round <= MAX_ROUNDS; round++) {
		const { gradient, hessian } = derivatives(layout, params, ridge);
		const { free, lower, direction } = newtonStep(layout, params, gradient, hessian, freeSteps(layout, params, gradient, dropped, directions), directions);
		let scale = 1;
		let next: Float64Array;
		let trial: number;
		for (;;) {
			next = Float64Array.from(params);
			free.forEach((k, index) => {
				const moved = params[k] - scale * direction[index];
				// Projected: a step that would cross 0 the wrong way stops at 0.
				next[k] = directions[k] * moved < 0 ? 0 : moved;
			});
			trial = evaluate(layout, next, layout.trial);
			if (trial + penaltyOf(next, ridge) <= current || scale < 1e-10) break;
			scale /= 2;
		}
		const moved = Math.max(...next.map((param, k) => Math.abs(param - params[k])));
		params = next;
		likelihood = trial;
		[layout.current, layout.trial] = [layout.trial, layout.current];
		if (options.learnPenalties && updatePenalties(layout, params, free, lower, ridge, dropped, penalties)) {
			// A dropped signal's steps are now 0, so the log-odds are evaluated afresh; its column goes
			// once a quarter of the columns are dropped ones (each pass over the rows costs as much as a round).
			if (layout.liveTerms.filter((term) => dropped[layout.first[term]]).length * 4 >= layout.live) compact(layout, dropped);
			likelihood = evaluate(layout, params, layout.current);
		}
		current = likelihood + penaltyOf(params, ridge);
		if (moved < TOLERANCE) return result(layout, params, round, true);
	}
	return result(layout, params, MAX_ROUNDS, false);
}

function result(layout: Layout, params: Float64Array, rounds: number, converged: boolean): StepFit {
	return {
		intercept: params[0],
		steps: layout.terms.map(({ shape }, term) => params.slice(layout.first[term], layout.first[term] + shape.edges.length)),
		rounds,
		converged,
	};
}

import type { Shape } from './bins';
import type { StepTerm } from './stepFit';
import { fitSteps } from './stepFit';

/** One signal's learned shape. */
export interface LearnedShape {
	shape: Shape;
	/** The log-odds each level adds; level 0 adds 0. */
	levels: number[];
	/**
	 * How clearly the signal goes with converting on its own: the largest standardised difference
	 * between converters and others in the share at or beyond a level (in its direction).
	 */
	marginalZ: number;
}

export interface ShapeModel {
	intercept: number;
	/** Signals with a shape that is not flat, in the order given. */
	learned: LearnedShape[];
	rounds: number;
	converged: boolean;
}

/** Per level k ≥ 1 of a shape: rows at level k or beyond, and converters among them. */
function tailCounts(shape: Shape, labels: ArrayLike<number>, rows: ArrayLike<number>): { entities: number[]; converters: number[] } {
	const entities = new Array<number>(shape.edges.length + 1).fill(0);
	const converters = new Array<number>(shape.edges.length + 1).fill(0);
	for (let index = 0; index < rows.length; index++) {
		const level = shape.levels[rows[index]];
		entities[level]++;
		converters[level] += labels[rows[index]];
	}
	for (let level = shape.edges.length - 1; level >= 0; level--) {
		entities[level] += entities[level + 1];
		converters[level] += converters[level + 1];
	}
	return { entities: entities.slice(1), converters: converters.slice(1) };
}

/**
 * The direction a signal goes with converting on its own (the sign of its covariance with
 * converting), and the largest z-score of "at or beyond level k" in that direction.
 */
function marginal(shape: Shape, labels: ArrayLike<number>, rows: ArrayLike<number>, baseRate: number): { direction: 1 | -1; z: number } {
	const { entities, converters } = tailCounts(shape, labels, rows);
	const excess = entities.map((count, k) => converters[k] - count * baseRate);
	const direction = excess.reduce((sum, value) => sum + value, 0) >= 0 ? 1 : -1;
	const n = rows.length;
	const z = Math.max(
		...excess.map((value, k) => {
			const variance = (baseRate * (1 - baseRate) * entities[k] * (n - entities[k])) / n;
			return variance > 0 ? (direction * value) / Math.sqrt(variance) : 0;
		}),
	);
	return { direction, z };
}

/**
 * Learns a monotone step shape per signal on the given rows, each signal stepping the way it goes
 * with converting on its own, with per-signal penalties learned from the data (signals that add
 * nothing are dropped).
 */
export function learnShapes(shapes: Shape[], labels: ArrayLike<number>, rows: ArrayLike<number>): ShapeModel {
	let positives = 0;
	for (let index = 0; index < rows.length; index++) positives += labels[rows[index]];
	const baseRate = positives / Math.max(rows.length, 1);
	const marginals = shapes.map((shape) => marginal(shape, labels, rows, baseRate));
	const terms: StepTerm[] = shapes.map((shape, index) => ({ shape, direction: marginals[index].direction }));
	const fit = fitSteps(terms, labels, rows, { l2: 1, learnPenalties: true });
	const learned = shapes.flatMap((shape, index) => {
		const steps = fit.steps[index];
		if (steps.every((step) => step === 0)) return [];
		const levels = [0];
		steps.forEach((step) => levels.push(levels[levels.length - 1] + step));
		return [{ shape, levels, marginalZ: marginals[index].z }];
	});
	return { intercept: fit.intercept, learned, rounds: fit.rounds, converged: fit.converged };
}

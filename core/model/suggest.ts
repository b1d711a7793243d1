import type { Condition, LogisticModel, PointRule, SignalDefinition, Step, ThresholdModel, WeightedModel } from '../contract/pql';
import { describeCondition } from '../shared/conditions';
import { roundTo } from '../scoring/numbers';
import type { Shape } from './bins';
import type { Bitset } from './bitset';
import type { ShapeModel } from './learnedShapes';
import { fitSteps } from './stepFit';
import type { RuleSet } from './thresholdSearch';

/** A signal gets points only if, on its own too, it clearly goes with converting (z ≥ 3): points must be defensible one by one. */
export const POINTS_MIN_Z = 3;
const FULL_SCORE = 100;

/** The highest value that at least `minCount` of `values` reach. */
function cutForVolume(values: ArrayLike<number>, minCount: number): number {
	const sorted = Float64Array.from(values).sort().reverse();
	return sorted[Math.min(sorted.length, Math.max(minCount, 1)) - 1];
}

function usedSignals(signals: SignalDefinition[], keys: string[]): SignalDefinition[] {
	const wanted = new Set(keys);
	return signals.filter((signal) => wanted.has(signal.key));
}

/** A learned shape as PQL Score will apply it: per level, the log-odds the exported (rounded) numbers give. */
export interface AppliedShape {
	shape: Shape;
	levels: number[];
	marginalZ: number;
}

export interface LogisticSuggestion {
	model: Omit<LogisticModel, 'version'>;
	applied: AppliedShape[];
}

/** The level with the largest effect: its log-odds become the coefficient, every level a share of it. */
function extremeOf(levels: number[]): number {
	return levels.reduce((best, level) => (Math.abs(level) > Math.abs(best) ? level : best), 0);
}

/**
 * The learned shapes in PQL Score's predictive format: per signal a `steps` transform (each level
 * as a share of the strongest) and a coefficient (the log-odds of the strongest level), rounded to
 * 4 decimals. The probability threshold is the highest that still qualifies the target share of
 * the rows learned from, computed with the exported numbers as PQL Score computes them.
 */
export function logisticModel(shapeModel: ShapeModel, rows: ArrayLike<number>, minQualified: number): LogisticSuggestion {
	const intercept = roundTo(shapeModel.intercept, 4);
	const exported = shapeModel.learned.flatMap(({ shape, levels, marginalZ }) => {
		const extreme = extremeOf(levels);
		const coefficient = roundTo(extreme, 4);
		if (coefficient === 0) return [];
		const values = levels.map((level) => roundTo(level / extreme, 4));
		const steps: Step[] = values.flatMap((value, k) => (k > 0 && value !== values[k - 1] ? [{ from: shape.edges[k - 1], value }] : []));
		return [{ shape, coefficient, steps, applied: { shape, levels: values.map((value) => coefficient * value), marginalZ } }];
	});
	const probabilities = new Float64Array(rows.length);
	for (let index = 0; index < rows.length; index++) {
		let moved = 0;
		for (const { shape, applied } of exported) moved += applied.levels[shape.levels[rows[index]]];
		probabilities[index] = 1 / (1 + Math.exp(-(intercept + moved)));
	}
	// Rounded down, so the entity at the cut stays in despite rounding in the last digits.
	const threshold = exported.length > 0 ? Math.floor(cutForVolume(probabilities, minQualified) * 1e6) / 1e6 : 1;
	return {
		model: {
			kind: 'logistic',
			signals: exported.map(({ shape }) => shape.signal),
			intercept,
			coefficients: Object.fromEntries(exported.map(({ shape, coefficient }) => [shape.signal.key, coefficient])),
			transforms: Object.fromEntries(exported.map(({ shape, steps }) => [shape.signal.key, { steps }])),
			threshold,
		},
		applied: exported.map(({ applied }) => applied),
	};
}

/** "Projects created: {value} (at least 5)", so each step's reason says which step it is. */
function stepDetail(signal: SignalDefinition, when: Condition): string {
	return `${signal.detail ?? `${signal.label}: {value}`} (${describeCondition(when)})`;
}

/** Whole points per level, from the lowest level up, summing to at most 100 over the signals' best levels. */
function pointsPerLevel(applied: AppliedShape[]): number[][] {
	const lows = applied.map(({ levels }) => Math.min(...levels));
	const range = applied.reduce((sum, { levels }, index) => sum + Math.max(...levels) - lows[index], 0);
	let scale = FULL_SCORE / range;
	for (;;) {
		const points = applied.map(({ levels }, index) => levels.map((level) => Math.round(scale * (level - lows[index]))));
		if (points.reduce((sum, levels) => sum + Math.max(...levels), 0) <= FULL_SCORE) return points;
		scale *= 0.99;
	}
}

/** One signal's point rules: "at least" steps above its lowest level, "at most" steps below it. */
function pointRules(shape: Shape, points: number[]): PointRule[] {
	const lowest = points.indexOf(Math.min(...points));
	const rule = (when: Condition, gained: number): PointRule => ({
		signal: shape.signal.key,
		points: gained,
		per: 'condition',
		when,
		detail: stepDetail(shape.signal, when),
	});
	return points.flatMap((level, k) => {
		if (k > lowest && level !== points[k - 1]) return [rule({ operator: 'gte', value: shape.edges[k - 1] }, level - points[k - 1])];
		if (k < lowest && level !== points[k + 1]) return [rule({ operator: 'lte', value: shape.below[k] }, level - points[k + 1])];
		return [];
	});
}

/**
 * Points from the fitted shapes, not from one signal at a time: the same log-odds, scaled to whole
 * points out of 100, so overlapping signals are not counted twice. Signals that do not clearly go
 * with converting on their own get none. Qualifies at the highest score the target share reaches.
 */
export function weightedModel(applied: AppliedShape[], rows: ArrayLike<number>, minQualified: number): Omit<WeightedModel, 'version'> {
	const kept = applied.filter(({ levels, marginalZ }) => marginalZ >= POINTS_MIN_Z && Math.max(...levels) > Math.min(...levels));
	const points = kept.length > 0 ? pointsPerLevel(kept) : [];
	const rules = kept.flatMap(({ shape }, index) => pointRules(shape, points[index]));
	const totals = new Float64Array(rows.length);
	kept.forEach(({ shape }, term) => {
		for (let index = 0; index < rows.length; index++) totals[index] += points[term][shape.levels[rows[index]]];
	});
	return {
		kind: 'weighted',
		signals: kept.map(({ shape }) => shape.signal),
		points: rules,
		fullScorePoints: FULL_SCORE,
		qualifyAt: rules.length > 0 ? cutForVolume(totals, minQualified) : FULL_SCORE,
	};
}

function bitAt(bits: Bitset, index: number): number {
	return (bits[index >>> 5] >>> (index & 31)) & 1;
}

/**
 * The rules in PQL Score's threshold format, each with points from a logistic fit of converting on
 * which rules an entity meets: the score ranks entities that meet the weightier rules higher, and
 * qualifying still takes all of them.
 */
export function thresholdModel(
	signals: SignalDefinition[],
	ruleSet: RuleSet,
	labels: ArrayLike<number>,
	rows: ArrayLike<number>,
): Omit<ThresholdModel, 'version'> {
	const terms = ruleSet.rules.map((rule, index) => {
		const signal = signals.find(({ key }) => key === rule.signal) ?? signals[0];
		const levels = new Uint8Array(labels.length);
		for (let row = 0; row < levels.length; row++) levels[row] = bitAt(ruleSet.meets[index], row);
		return { shape: { signal, edges: [1], below: [0], levels }, direction: 1 as const };
	});
	const steps = fitSteps(terms, labels, rows, { l2: 1, learnPenalties: false }).steps.map((step) => step[0]);
	const total = steps.reduce((sum, step) => sum + step, 0);
	return {
		kind: 'threshold',
		signals: usedSignals(signals, ruleSet.rules.map((rule) => rule.signal)),
		rules: ruleSet.rules.map(({ signal, operator, value }, index) => ({
			signal,
			operator,
			value,
			...(total > 0 ? { points: Math.max(1, Math.round((100 * steps[index]) / total)) } : {}),
		})),
		combine: 'all',
	};
}

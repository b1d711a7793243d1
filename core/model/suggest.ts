import type { Discovery, LabelledEntity, RuleCondition } from '../contract/model';
import type { LogisticModel, PointRule, SignalDefinition, ThresholdModel, WeightedModel } from '../contract/pql';
import { scoreWithPqlScore } from './evaluate';
import type { Features } from './features';
import { designMatrix } from './features';
import type { LogisticFit } from './logisticFit';

const MAX_WEIGHTED_SIGNALS = 8;

function usedSignals(signals: SignalDefinition[], keys: string[]): SignalDefinition[] {
	const wanted = new Set(keys);
	return signals.filter((signal) => wanted.has(signal.key));
}

/** The highest value that at least `minCount` of `values` reach. */
function cutForVolume(values: number[], minCount: number): number {
	const sorted = [...values].sort((a, b) => b - a);
	return sorted[Math.min(sorted.length, Math.max(minCount, 1)) - 1];
}

export function thresholdModel(signals: SignalDefinition[], rules: RuleCondition[]): Omit<ThresholdModel, 'version'> {
	return {
		kind: 'threshold',
		signals: usedSignals(signals, rules.map((rule) => rule.signal)),
		rules: rules.map(({ signal, operator, value }) => ({ signal, operator, value })),
		combine: 'all',
	};
}

/**
 * Points for the best rule of each signal whose lift is above 1 with 95 % confidence, in
 * proportion to the log of its lift (as evidence adds up in log-odds), scaled to 100 in all.
 * The qualifying score is the highest one that still qualifies the target share of training entities.
 */
export function weightedModel(
	signals: SignalDefinition[],
	discovery: Discovery,
	training: LabelledEntity[],
	minQualified: number,
): Omit<WeightedModel, 'version'> {
	const evidence = discovery.signals
		.flatMap((entry) => (entry.best && entry.best.liftInterval.low > 1 ? [{ signal: entry.signal, best: entry.best }] : []))
		.sort((a, b) => b.best.lift - a.best.lift)
		.slice(0, MAX_WEIGHTED_SIGNALS);
	const totalLog = evidence.reduce((sum, { best }) => sum + Math.log(best.lift), 0);
	const points: PointRule[] = evidence.map(({ signal, best }) => ({
		signal,
		points: Math.max(1, Math.round((100 * Math.log(best.lift)) / totalLog)),
		per: 'condition',
		when: { operator: best.rule.operator, value: best.rule.value },
	}));
	const draft: Omit<WeightedModel, 'version'> = {
		kind: 'weighted',
		signals: usedSignals(signals, points.map((rule) => rule.signal)),
		points,
		fullScorePoints: 100,
		qualifyAt: 100,
	};
	if (points.length === 0) return draft;
	const scores = scoreWithPqlScore({ ...draft, version: 'draft' }, training).map((scored) => scored.score);
	return { ...draft, qualifyAt: cutForVolume(scores, minQualified) };
}

/**
 * The fitted coefficients in PQL Score's predictive format: per signal its transform, the mean and
 * standard deviation it is standardised with, and its coefficient; the probability threshold is
 * the highest that still qualifies the target share of training entities.
 */
export function logisticModel(
	features: Features,
	fit: LogisticFit,
	training: LabelledEntity[],
	minQualified: number,
): Omit<LogisticModel, 'version'> {
	const { specs } = features;
	const matrix = designMatrix(training, specs);
	const probabilities = training.map((_, row) => {
		let eta = fit.intercept;
		specs.forEach((_spec, column) => (eta += matrix[row * specs.length + column] * fit.coefficients[column]));
		return 1 / (1 + Math.exp(-eta));
	});
	// Rounded down, so the entity at the cut stays in despite rounding in the last digits.
	const threshold = Math.floor(cutForVolume(probabilities, minQualified) * 1e6) / 1e6;
	const transforms = specs.filter((spec) => spec.log1p).map(({ signal }) => [signal.key, 'log1p' as const]);
	return {
		kind: 'logistic',
		signals: specs.map(({ signal }) => signal),
		intercept: fit.intercept,
		coefficients: Object.fromEntries(specs.map(({ signal }, column) => [signal.key, fit.coefficients[column]])),
		...(transforms.length > 0 ? { transforms: Object.fromEntries(transforms) } : {}),
		standardisation: Object.fromEntries(specs.map(({ signal, mean, sd }) => [signal.key, { mean, sd }])),
		threshold,
	};
}

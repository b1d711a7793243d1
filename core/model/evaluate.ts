import type { LabelledEntity, SuggestedModels } from '../contract/model';
import type { ModelKind, SignalDefinition } from '../contract/pql';
import { scoreLogistic } from '../scoring/logistic';
import type { Measurements, Unit } from '../scoring/measure';
import type { ModelOutcome } from '../scoring/outcome';
import { scoreThreshold } from '../scoring/threshold';
import { scoreWeighted } from '../scoring/weighted';

/** What a backtest keeps of PQL Score's result for one entity: the number it ranks by, and whether it qualified. */
export interface Ranked {
	/** The logistic probability, else the 0–100 score. */
	rank: number;
	qualified: boolean;
	/** Logistic models only. */
	probability: number | null;
}

function ranked(scored: ModelOutcome): Ranked {
	const probability = scored.metrics?.probability ?? null;
	return { rank: probability ?? scored.score, qualified: scored.qualified, probability };
}

/** No units: the scorers only read them, so every measurement can share this one. */
const NO_UNITS: Unit[] = [];

function measurementsOf(signals: SignalDefinition[], entity: LabelledEntity): Measurements {
	// The values were measured by PQL Score already; learned models give points per condition without
	// decay, so the units behind a value are not needed.
	const measurements: Measurements = new Map();
	for (const signal of signals) measurements.set(signal.key, { signal, value: entity.values[signal.key] ?? null, units: NO_UNITS });
	return measurements;
}

/**
 * Scores measured entities with PQL Score's own model scorers (rounding and all, no anti-PQL
 * rules), so a backtest reports what PQL Score will do with the exported models. Only what the
 * backtest needs is kept, entity by entity: full results would be garbage to collect.
 */
export function scoreWithPqlScore(models: SuggestedModels, entities: LabelledEntity[]): Record<ModelKind, Ranked[]> {
	const signals = [...new Map([models.threshold, models.weighted, models.logistic].flatMap((model) => model.signals).map((signal) => [signal.key, signal])).values()];
	const out: Record<ModelKind, Ranked[]> = { threshold: [], weighted: [], logistic: [] };
	for (const entity of entities) {
		const measurements = measurementsOf(signals, entity);
		out.threshold.push(ranked(scoreThreshold(models.threshold, measurements)));
		out.weighted.push(ranked(scoreWeighted(models.weighted, measurements)));
		out.logistic.push(ranked(scoreLogistic(models.logistic, measurements)));
	}
	return out;
}

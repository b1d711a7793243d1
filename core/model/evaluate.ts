import type { LabelledEntity } from '../contract/model';
import type { ScoringModel } from '../contract/pql';
import type { Measurements } from '../scoring/measure';
import type { ModelOutcome } from '../scoring/outcome';

/** What a backtest keeps of PQL Score's result for one entity: the number it ranks by, and whether it qualified. */
export interface Ranked {
	/** The logistic probability, else the 0–100 score. */
	rank: number;
	qualified: boolean;
	/** Logistic models only. */
	probability: number | null;
}

/** The number a backtest ranks entities by: the logistic probability, else the 0–100 score. */
export function rankingScore(scored: Pick<ModelOutcome, 'score' | 'metrics'>): number {
	return scored.metrics?.probability ?? scored.score;
}

function measurementsOf(model: ScoringModel, entity: LabelledEntity): Measurements {
	// The values were measured by PQL Score already; learned models give points per condition without
	// decay, so the units behind a value are not needed.
	const measurements: Measurements = new Map();
	for (const signal of model.signals) measurements.set(signal.key, { signal, value: entity.values[signal.key] ?? null, units: [] });
	return measurements;
}

/** One of PQL Score's model scorers, for the kind of model it is given. */
export type Scorer<M extends ScoringModel> = (model: M, measurements: Measurements) => ModelOutcome;

/**
 * Scores measured entities with PQL Score's own model scorer (rounding and all, no anti-PQL
 * rules), so a backtest reports what PQL Score will do with the exported model. Only what the
 * backtest needs is kept, entity by entity: a fold's full results would be garbage to collect.
 */
export function scoreWithPqlScore<M extends ScoringModel>(model: M, entities: LabelledEntity[], scorer: Scorer<M>): Ranked[] {
	return entities.map((entity) => {
		const scored = scorer(model, measurementsOf(model, entity));
		return { rank: rankingScore(scored), qualified: scored.qualified, probability: scored.metrics?.probability ?? null };
	});
}

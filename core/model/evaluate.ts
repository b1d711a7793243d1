import type { LabelledEntity } from '../contract/model';
import type { ScoringModel } from '../contract/pql';
import type { Measurements } from '../scoring/measure';
import { scoreLogistic } from '../scoring/logistic';
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

/** The number a backtest ranks entities by: the logistic probability, else the 0–100 score. */
export function rankingScore(scored: Pick<ModelOutcome, 'score' | 'metrics'>): number {
	return scored.metrics?.probability ?? scored.score;
}

function measurementsOf(model: ScoringModel, entity: LabelledEntity): Measurements {
	// The values were measured by PQL Score already; learned models give points per condition without
	// decay, so the units behind a value are not needed.
	return new Map(model.signals.map((signal) => [signal.key, { signal, value: entity.values[signal.key] ?? null, units: [] }]));
}

function outcomes(model: ScoringModel, entities: LabelledEntity[]): ModelOutcome[] {
	return entities.map((entity) => {
		const measurements = measurementsOf(model, entity);
		switch (model.kind) {
			case 'logistic':
				return scoreLogistic(model, measurements);
			case 'threshold':
				return scoreThreshold(model, measurements);
			case 'weighted':
				return scoreWeighted(model, measurements);
		}
	});
}

/**
 * Scores measured entities with PQL Score's own model scorers (rounding and all, no anti-PQL
 * rules), so a backtest reports what PQL Score will do with the exported model.
 */
export function scoreWithPqlScore(model: ScoringModel, entities: LabelledEntity[]): Ranked[] {
	return outcomes(model, entities).map((scored) => ({
		rank: rankingScore(scored),
		qualified: scored.qualified,
		probability: scored.metrics?.probability ?? null,
	}));
}

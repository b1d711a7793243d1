import type { SuggestedModels } from '../contract/model';
import type { ModelKind, SignalDefinition, SignalValue } from '../contract/pql';
import { scoreLogistic } from '../scoring/logistic';
import type { Measurements, Unit } from '../scoring/measure';
import type { ModelOutcome } from '../scoring/outcome';
import { scoreThreshold } from '../scoring/threshold';
import { scoreWeighted } from '../scoring/weighted';
import type { Table } from './table';
import { column } from './table';

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

function measurementsOf(signals: SignalDefinition[], columns: SignalValue[][], row: number): Measurements {
	// The values were measured by PQL Score already; learned models give points per condition without
	// decay, so the units behind a value are not needed.
	const measurements: Measurements = new Map();
	signals.forEach((signal, index) => measurements.set(signal.key, { signal, value: columns[index][row], units: NO_UNITS }));
	return measurements;
}

/**
 * Scores rows of the table with PQL Score's own model scorers (rounding and all, no anti-PQL
 * rules), so a backtest reports what PQL Score will do with the exported models. Only what the
 * backtest needs is kept, row by row: full results would be garbage to collect.
 */
export function scoreWithPqlScore(models: SuggestedModels, table: Table, rows: ArrayLike<number>): Record<ModelKind, Ranked[]> {
	const signals = [...new Map([models.threshold, models.weighted, models.logistic].flatMap((model) => model.signals).map((signal) => [signal.key, signal])).values()];
	const columns = signals.map(({ key }) => column(table, key));
	const out: Record<ModelKind, Ranked[]> = { threshold: [], weighted: [], logistic: [] };
	for (let index = 0; index < rows.length; index++) {
		const measurements = measurementsOf(signals, columns, rows[index]);
		out.threshold.push(ranked(scoreThreshold(models.threshold, measurements)));
		out.weighted.push(ranked(scoreWeighted(models.weighted, measurements)));
		out.logistic.push(ranked(scoreLogistic(models.logistic, measurements)));
	}
	return out;
}

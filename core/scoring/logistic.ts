import type { LogisticModel, LogisticTransform, Step } from '../contract/pql';
import type { Measurements } from './measure';
import { measured } from './measure';
import { roundTo } from './numbers';
import type { ModelOutcome } from './outcome';
import { describeMeasurement, formatPoints } from './reasonText';

function sigmoid(logit: number): number {
	return 1 / (1 + Math.exp(-logit));
}

/** The last step the value reaches; undefined below the first. */
function stepReached(steps: Step[], raw: number): Step | undefined {
	let reached: Step | undefined;
	for (const step of steps) {
		if (raw < step.from) break;
		reached = step;
	}
	return reached;
}

function transform(how: LogisticTransform | undefined, raw: number): number {
	if (how === undefined) return raw;
	if (how === 'log1p') return Math.log1p(Math.max(raw, 0));
	return stepReached(how.steps, raw)?.value ?? 0;
}

/** "(at least 5)" for a step shape, so a reason says which level the value reached. */
function stepText(how: LogisticTransform | undefined, raw: number): string {
	if (how === undefined || how === 'log1p') return '';
	const reached = stepReached(how.steps, raw);
	return reached ? ` (at least ${reached.from})` : ` (below ${how.steps[0].from})`;
}

function feature(model: LogisticModel, key: string, raw: number): number {
	const transformed = transform(model.transforms?.[key], raw);
	const scaling = model.standardisation?.[key];
	return scaling && scaling.sd > 0 ? (transformed - scaling.mean) / scaling.sd : transformed;
}

function numeric(value: unknown): number {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	return value === true ? 1 : 0;
}

/**
 * Probability × 100 is the score. Each signal's points are its share of the move away from the
 * intercept-only score (`metrics.baselineScore`), in proportion to its log-odds contribution, so the
 * baseline plus the reasons' points is the score.
 */
export function scoreLogistic(model: LogisticModel, measurements: Measurements): ModelOutcome {
	const contributions = Object.entries(model.coefficients).map(([key, coefficient]) => {
		const measurement = measured(measurements, key);
		const raw = numeric(measurement.value);
		// true / false needs no "(at least 1)".
		const level = typeof measurement.value === 'boolean' ? '' : stepText(model.transforms?.[key], raw);
		return { measurement, logOdds: coefficient * feature(model, key, raw), level };
	});
	const moved = contributions.reduce((total, { logOdds }) => total + logOdds, 0);
	const baseline = sigmoid(model.intercept);
	const probability = sigmoid(model.intercept + moved);
	// Average slope of the score between baseline and result; the derivative when they coincide.
	const pointsPerLogOdds =
		moved === 0 ? 100 * baseline * (1 - baseline) : (100 * (probability - baseline)) / moved;
	const reasons = contributions
		.filter(({ logOdds }) => logOdds !== 0)
		.map(({ measurement, logOdds, level }) => {
			const points = roundTo(logOdds * pointsPerLogOdds, 1);
			const text = describeMeasurement(measurement.signal, measurement.value) + level;
			return {
				signal: measurement.signal.key,
				label: measurement.signal.label,
				category: measurement.signal.category,
				points,
				detail: `${text}: ${formatPoints(points)} (log-odds ${formatPoints(roundTo(logOdds, 2))})`,
			};
		});
	return {
		score: roundTo(100 * probability, 1),
		qualified: probability >= model.threshold,
		reasons,
		metrics: { probability: roundTo(probability, 4), baselineScore: roundTo(100 * baseline, 1) },
	};
}

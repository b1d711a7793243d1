import type { ThresholdModel } from '../contract/pql';
import { describeCondition, meets } from './conditions';
import type { Measurements } from './measure';
import { measured } from './measure';
import { roundTo } from './numbers';
import type { ModelOutcome } from './outcome';
import { describeMeasurement, formatPoints } from './reasonText';

/** The score is the share of rules met, each met rule giving an equal part of 100. */
export function scoreThreshold(model: ThresholdModel, measurements: Measurements): ModelOutcome {
	const share = model.rules.length > 0 ? 100 / model.rules.length : 0;
	const checked = model.rules.map((rule) => {
		const measurement = measured(measurements, rule.signal);
		return { rule, measurement, met: meets(measurement.value, rule) };
	});
	const reasons = checked
		.filter(({ met }) => met)
		.map(({ rule, measurement }) => {
			const points = roundTo(share, 1);
			const text = describeMeasurement(measurement.signal, measurement.value);
			return {
				signal: rule.signal,
				label: measurement.signal.label,
				category: measurement.signal.category,
				points,
				detail: `${text} (rule: ${describeCondition(rule)}): ${formatPoints(points)}`,
			};
		});
	const metCount = reasons.length;
	const qualified = model.combine === 'all' ? metCount === model.rules.length && metCount > 0 : metCount > 0;
	return {
		score: roundTo(share * metCount, 1),
		qualified,
		reasons,
		metrics: { rules: checked.map(({ rule, met }) => ({ signal: rule.signal, met })) },
	};
}

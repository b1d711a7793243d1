import type { ThresholdModel } from '../contract/pql';
import { describeCondition, meets } from '../shared/conditions';
import type { Measurements } from './measure';
import { measured } from './measure';
import { roundTo } from './numbers';
import type { ModelOutcome } from './outcome';
import { describeMeasurement, formatPoints } from './reasonText';

/**
 * The score is the share of rules met: each met rule gives its points' part of 100 (an equal part
 * when rules carry no points), so entities that meet the weightier rules rank higher.
 */
export function scoreThreshold(model: ThresholdModel, measurements: Measurements): ModelOutcome {
	const totalPoints = model.rules.reduce((total, rule) => total + (rule.points ?? 1), 0);
	const checked = model.rules.map((rule) => {
		const measurement = measured(measurements, rule.signal);
		return { rule, measurement, met: meets(measurement.value, rule) };
	});
	const reasons = checked
		.filter(({ met }) => met)
		.map(({ rule, measurement }) => {
			const points = roundTo((100 * (rule.points ?? 1)) / totalPoints, 1);
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
	const metPoints = checked.reduce((total, { rule, met }) => total + (met ? (rule.points ?? 1) : 0), 0);
	return {
		score: totalPoints > 0 ? roundTo((100 * metPoints) / totalPoints, 1) : 0,
		qualified,
		reasons,
		metrics: { rules: checked.map(({ rule, met }) => ({ signal: rule.signal, met })) },
	};
}

import type { PointRule, SignalCategory, SignalDefinition, WeightedModel } from '../contract/pql';
import { meets } from '../shared/conditions';
import type { MeasuredSignal, Measurements, Unit } from './measure';
import { measured } from './measure';
import { clamp, roundTo } from './numbers';
import { toNumber } from '../shared/values';
import type { ModelOutcome } from './outcome';
import { describeMeasurement, formatPoints } from './reasonText';
import { decayFactor } from './time';

interface Award {
	rule: PointRule;
	signal: SignalDefinition;
	measurement: MeasuredSignal;
	points: number;
	notes: string[];
}

function youngestUnit(units: Unit[]): Unit | undefined {
	return units.reduce<Unit | undefined>((best, unit) => (!best || unit.ageDays < best.ageDays ? unit : best), undefined);
}

function award(rule: PointRule, measurement: MeasuredSignal, halfLifeDays?: number): Award {
	const notes: string[] = [];
	let full: number;
	let decayed: number;
	const decaying = halfLifeDays !== undefined && halfLifeDays > 0;
	if (rule.per === 'occurrence') {
		// A measurement's units add up to its value; they are only needed to decay each by its age.
		const amount = toNumber(measurement.value);
		full = rule.points * (Number.isFinite(amount) ? amount : 0);
		decayed = decaying
			? rule.points *
				measurement.units.reduce((total, unit) => total + unit.amount * decayFactor(unit.ageDays, halfLifeDays), 0)
			: full;
	} else {
		const met = meets(measurement.value, rule.when ?? { operator: 'exists' });
		full = met ? rule.points : 0;
		decayed = decaying ? full * decayFactor(youngestUnit(measurement.units)?.ageDays ?? 0, halfLifeDays) : full;
	}
	if (decayed !== full) notes.push(`decayed from ${formatPoints(roundTo(full, 1))}`);
	const cap = rule.cap && rule.cap > 0 ? rule.cap : Infinity;
	const points = clamp(decayed, -cap, cap);
	if (points !== decayed) notes.push(`capped at ${rule.cap}`);
	return { rule, signal: measurement.signal, measurement, points, notes };
}

/** Scales a category's awards down together so that every remaining point still traces to a signal. */
function applyCategoryCaps(awards: Award[], caps: WeightedModel['categoryCaps']): Award[] {
	const totals = new Map<SignalCategory, number>();
	for (const { signal, points } of awards) totals.set(signal.category, (totals.get(signal.category) ?? 0) + points);
	return awards.map((entry) => {
		const cap = caps?.[entry.signal.category];
		const total = Math.abs(totals.get(entry.signal.category) ?? 0);
		if (!cap || cap <= 0 || total <= cap) return entry;
		return {
			...entry,
			points: (entry.points * cap) / total,
			notes: [...entry.notes, `${entry.signal.category} capped at ${cap}`],
		};
	});
}

export function scoreWeighted(model: WeightedModel, measurements: Measurements): ModelOutcome {
	const awards = model.points
		.map((rule) => award(rule, measured(measurements, rule.signal), rule.halfLifeDays ?? model.halfLifeDays))
		.filter((entry) => entry.points !== 0);
	// Points are on a scale where `fullScorePoints` is a perfect 100.
	const toScore = 100 / model.fullScorePoints;
	const reasons = applyCategoryCaps(awards, model.categoryCaps).map(({ rule, signal, measurement, points, notes }) => {
		const scorePoints = roundTo(points * toScore, 1);
		const text = describeMeasurement(signal, measurement.value, rule.detail);
		const suffix = notes.length > 0 ? ` (${notes.join(', ')})` : '';
		return {
			signal: signal.key,
			label: signal.label,
			category: signal.category,
			points: scorePoints,
			detail: `${text}: ${formatPoints(scorePoints)}${suffix}`,
		};
	});
	const total = reasons.reduce((sum, reason) => sum + reason.points, 0);
	const score = roundTo(clamp(total, 0, 100), 1);
	return { score, qualified: score >= model.qualifyAt, reasons };
}

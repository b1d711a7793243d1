import type { RuleCondition } from '../contract/model';
import type { SignalDefinition, SignalValue } from '../contract/pql';
import { fewDistinct, quantiles } from './quantiles';

const MAX_THRESHOLDS = 9;
const MAX_CATEGORIES = 8;

/** Fewer days since last seen is the stronger signal; for everything else, more is. */
function lowerIsBetter(signal: SignalDefinition): boolean {
	return signal.source.kind === 'events' && signal.aggregation === 'daysSinceLastSeen';
}

/** Every distinct value when there are few, else the lowest, the deciles' values and the highest. */
function cutPoints(numbers: Float64Array): number[] {
	const distinct = fewDistinct(numbers, MAX_THRESHOLDS + 1);
	if (distinct) return distinct;
	let low = Infinity;
	let high = -Infinity;
	for (const value of numbers) {
		low = Math.min(low, value);
		high = Math.max(high, value);
	}
	return [...new Set([low, ...quantiles(numbers, MAX_THRESHOLDS + 1), high])];
}

function numericRules(signal: SignalDefinition, numbers: Float64Array): RuleCondition[] {
	const points = cutPoints(numbers);
	if (points.length < 2) return [];
	return lowerIsBetter(signal)
		? points.slice(0, -1).map((value) => ({ signal: signal.key, operator: 'lte', value }))
		: points.slice(1).map((value) => ({ signal: signal.key, operator: 'gte', value }));
}

function categoryRules(signal: SignalDefinition, texts: string[]): RuleCondition[] {
	const counts = new Map<string, number>();
	for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
	return [...counts]
		.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
		.slice(0, MAX_CATEGORIES)
		.map(([value]) => ({ signal: signal.key, operator: 'eq', value }));
}

/**
 * The rules worth testing for one signal, in PQL Score's own condition terms: "at least" each cut
 * point for numbers (and true/false, read as 1/0), "equal to" the commonest values for text.
 * `numbers` holds each value as PQL Score's conditions read it (NaN when missing or not a number).
 */
export function candidateRules(signal: SignalDefinition, values: SignalValue[], numbers: Float64Array): RuleCondition[] {
	const present: number[] = [];
	const texts: string[] = [];
	for (let row = 0; row < values.length; row++) {
		const value = values[row];
		if (value === null || value === '') continue;
		if (Number.isFinite(numbers[row])) present.push(numbers[row]);
		else texts.push(String(value).trim().toLowerCase());
	}
	if (texts.length === 0 && present.length > 0) return numericRules(signal, Float64Array.from(present));
	return categoryRules(signal, texts);
}

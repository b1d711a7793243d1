import type { RuleCondition } from '../contract/model';
import type { SignalDefinition, SignalValue } from '../contract/pql';
import { toNumber } from '../scoring/numbers';

const MAX_THRESHOLDS = 9;
const MAX_CATEGORIES = 8;

/** Fewer days since last seen is the stronger signal; for everything else, more is. */
function lowerIsBetter(signal: SignalDefinition): boolean {
	return signal.source.kind === 'events' && signal.aggregation === 'daysSinceLastSeen';
}

/** Every distinct value when there are few, else the deciles' values. */
function cutPoints(sorted: number[]): number[] {
	const distinct = [...new Set(sorted)];
	if (distinct.length <= MAX_THRESHOLDS + 1) return distinct;
	const picks = Array.from({ length: MAX_THRESHOLDS }, (_, index) =>
		sorted[Math.floor(((index + 1) / (MAX_THRESHOLDS + 1)) * sorted.length)],
	);
	return [...new Set([sorted[0], ...picks, sorted[sorted.length - 1]])];
}

function numericRules(signal: SignalDefinition, numbers: number[]): RuleCondition[] {
	const points = cutPoints([...numbers].sort((a, b) => a - b));
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
 */
export function candidateRules(signal: SignalDefinition, values: SignalValue[]): RuleCondition[] {
	const present = values.filter((value) => value !== null && value !== '');
	const numbers = present.map(toNumber);
	if (present.length > 0 && numbers.every(Number.isFinite)) return numericRules(signal, numbers);
	return categoryRules(
		signal,
		present.filter((value) => !Number.isFinite(toNumber(value))).map((value) => String(value).trim().toLowerCase()),
	);
}

import type { Discovery, RuleCondition, RuleEvidence, SignalEvidence } from '../contract/model';
import type { SignalDefinition } from '../contract/pql';
import { describeCondition, meets } from '../shared/conditions';
import { toNumber } from '../shared/values';
import type { Bitset } from './bitset';
import { and, bitsetAtLeast, bitsetOf, count, countBoth } from './bitset';
import { candidateRules } from './candidates';
import { rate, riskRatio, wilson } from './stats';
import type { Table } from './table';
import { column } from './table';

/** The guides' rule of thumb: in 70 % or more of conversions, and at least double the conversion rate. */
export const FLAG_COVERAGE = 0.7;
export const FLAG_LIFT = 2;

export interface TestedRule {
	evidence: RuleEvidence;
	meets: Bitset;
}

export interface Evidence {
	discovery: Discovery;
	/** Per signal key, its candidate rules with who among the rows meets them, in `discovery` order. */
	rules: Map<string, TestedRule[]>;
	/** Converters among the rows. */
	converted: Bitset;
}

/** Per signal key, the rules worth testing and who in the whole table meets each. */
export type Candidates = Map<string, Array<{ rule: RuleCondition; meets: Bitset }>>;

/**
 * Every signal's candidate rules, tested on every row once with PQL Score's own conditions, so a
 * rule means here what it means in a scored model. Numbers are compared as PQL Score compares them.
 */
export function candidateTable(table: Table, signals: SignalDefinition[]): Candidates {
	const rows = table.entities.length;
	return new Map(
		signals.map((signal) => {
			const values = column(table, signal.key);
			const numbers = new Float64Array(values.length);
			for (let row = 0; row < values.length; row++) numbers[row] = toNumber(values[row]);
			return [
				signal.key,
				candidateRules(signal, values, numbers).map((rule) => ({
					rule,
					meets:
						rule.operator === 'gte' || rule.operator === 'lte'
							? bitsetAtLeast(numbers, toNumber(rule.value), rule.operator === 'lte')
							: bitsetOf(rows, (row) => meets(values[row], rule)),
				})),
			];
		}),
	);
}

function ruleEvidence(
	rule: RuleCondition,
	signal: SignalDefinition,
	meetsRule: Bitset,
	converted: Bitset,
	totals: { entities: number; converters: number },
): RuleEvidence {
	const convertersWith = countBoth(meetsRule, converted);
	const withRule = count(meetsRule);
	const othersWith = withRule - convertersWith;
	const convertersWithout = totals.converters - convertersWith;
	const othersWithout = totals.entities - totals.converters - othersWith;
	const coverage = rate(convertersWith, totals.converters) ?? 0;
	const { ratio, interval } = riskRatio(convertersWith, othersWith, convertersWithout, othersWithout);
	return {
		rule,
		text: `${signal.label} ${describeCondition(rule)}`,
		convertersWith,
		convertersWithout,
		othersWith,
		othersWithout,
		coverage,
		coverageInterval: wilson(convertersWith, totals.converters),
		nonConverterRate: rate(othersWith, othersWith + othersWithout) ?? 0,
		conversionWith: rate(convertersWith, withRule),
		conversionWithout: rate(convertersWithout, totals.entities - withRule),
		lift: ratio,
		liftInterval: interval,
		flagged: coverage >= FLAG_COVERAGE && ratio >= FLAG_LIFT,
	};
}

/** How much more often converters meet the rule than the others (Youden's J). */
export function separation(evidence: RuleEvidence): number {
	return evidence.coverage - evidence.nonConverterRate;
}

function bestOf(candidates: RuleEvidence[]): RuleEvidence | null {
	const flagged = candidates.filter((candidate) => candidate.flagged);
	const pool = flagged.length > 0 ? flagged : candidates;
	const key = flagged.length > 0 ? (e: RuleEvidence) => e.lift : separation;
	return pool.reduce<RuleEvidence | null>((best, candidate) => (!best || key(candidate) > key(best) ? candidate : best), null);
}

/**
 * For every signal and candidate rule, among the given rows: how many converters and others meet
 * it, coverage, conversion rates with and without, and lift with its interval.
 */
export function discoverSignals(table: Table, signals: SignalDefinition[], candidates: Candidates, rows: Bitset): Evidence {
	const converted = and(table.convertedBits, rows);
	const totals = { entities: count(rows), converters: count(converted) };
	const rules = new Map<string, TestedRule[]>();
	const evidence: SignalEvidence[] = signals.map((signal) => {
		const tested = (candidates.get(signal.key) ?? []).map(({ rule, meets: everywhere }) => {
			const meetsRule = and(everywhere, rows);
			return { evidence: ruleEvidence(rule, signal, meetsRule, converted, totals), meets: meetsRule };
		});
		rules.set(signal.key, tested);
		const candidatesOfSignal = tested.map((entry) => entry.evidence);
		const best = bestOf(candidatesOfSignal);
		return {
			signal: signal.key,
			label: signal.label,
			category: signal.category,
			best,
			flagged: best?.flagged ?? false,
			candidates: candidatesOfSignal,
		};
	});
	const flagged = evidence
		.filter((entry) => entry.flagged)
		.sort((a, b) => (b.best?.lift ?? 0) - (a.best?.lift ?? 0))
		.map((entry) => entry.signal);
	return {
		discovery: {
			entities: totals.entities,
			converters: totals.converters,
			baseRate: rate(totals.converters, totals.entities) ?? 0,
			signals: evidence,
			flagged,
		},
		rules,
		converted,
	};
}

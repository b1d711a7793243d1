import type { Discovery, LabelledEntity, RuleCondition, RuleEvidence, SignalEvidence } from '../contract/model';
import type { SignalDefinition } from '../contract/pql';
import { describeCondition, meets } from '../scoring/conditions';
import type { Bitset } from './bitset';
import { bitsetOf, count, countBoth } from './bitset';
import { candidateRules } from './candidates';
import { rate, riskRatio, wilson } from './stats';

/** The guides' rule of thumb: in 70 % or more of conversions, and at least double the conversion rate. */
export const FLAG_COVERAGE = 0.7;
export const FLAG_LIFT = 2;

export interface TestedRule {
	evidence: RuleEvidence;
	meets: Bitset;
}

export interface Evidence {
	discovery: Discovery;
	/** Per signal key, its candidate rules with who meets them, in `discovery` order. */
	rules: Map<string, TestedRule[]>;
	converted: Bitset;
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
 * For every signal and candidate rule: how many converters and others meet it, coverage, conversion
 * rates with and without, and lift with its interval. Rules are tested with PQL Score's own
 * conditions, so a rule means here what it means in a scored model.
 */
export function discoverSignals(entities: LabelledEntity[], signals: SignalDefinition[]): Evidence {
	const converted = bitsetOf(entities.length, (index) => entities[index].converted);
	const totals = { entities: entities.length, converters: count(converted) };
	const rules = new Map<string, TestedRule[]>();
	const evidence: SignalEvidence[] = signals.map((signal) => {
		const values = entities.map((entity) => entity.values[signal.key] ?? null);
		const tested = candidateRules(signal, values).map((rule) => {
			const meetsRule = bitsetOf(entities.length, (index) => meets(values[index], rule));
			return { evidence: ruleEvidence(rule, signal, meetsRule, converted, totals), meets: meetsRule };
		});
		rules.set(signal.key, tested);
		const candidates = tested.map((entry) => entry.evidence);
		const best = bestOf(candidates);
		return {
			signal: signal.key,
			label: signal.label,
			category: signal.category,
			best,
			flagged: best?.flagged ?? false,
			candidates,
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

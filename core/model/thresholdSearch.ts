import type { RuleCondition } from '../contract/model';
import { FieldError } from '../shared/fieldError';
import type { Bitset } from './bitset';
import { and, count, countBoth, countJoint } from './bitset';
import type { Evidence, TestedRule } from './discovery';
import { separation } from './discovery';

const POOL_SIGNALS = 8;
const RULES_PER_SIGNAL = 6;

export interface RuleSet {
	rules: RuleCondition[];
	/** Per rule, who among the rows meets it. */
	meets: Bitset[];
	/** Training entities meeting every rule, and the converters among them. */
	qualified: number;
	converters: number;
}

interface Scored {
	tested: TestedRule[];
	meets: Bitset;
	qualified: number;
	converters: number;
}

/** The signals that separate best, each with its rules broad enough to reach the target volume. */
function rulePool(evidence: Evidence, minQualified: number): TestedRule[][] {
	return evidence.discovery.signals
		.filter((signal) => signal.best && separation(signal.best) > 0)
		.sort((a, b) => separation(b.best ?? a.candidates[0]) - separation(a.best ?? b.candidates[0]))
		.slice(0, POOL_SIGNALS)
		.map((signal) =>
			(evidence.rules.get(signal.signal) ?? [])
				.filter(({ evidence: e }) => e.lift > 1 && e.convertersWith + e.othersWith >= minQualified)
				.sort((a, b) => separation(b.evidence) - separation(a.evidence))
				.slice(0, RULES_PER_SIGNAL),
		)
		.filter((rules) => rules.length > 0);
}

function better(candidate: Scored, best: Scored | null): boolean {
	if (!best) return true;
	const precision = candidate.converters / candidate.qualified;
	const bestPrecision = best.converters / best.qualified;
	if (precision !== bestPrecision) return precision > bestPrecision;
	if (candidate.qualified !== best.qualified) return candidate.qualified > best.qualified;
	return candidate.tested.length < best.tested.length;
}

function extend(base: Scored, rule: TestedRule, converted: Bitset): Scored {
	const meets = and(base.meets, rule.meets);
	return { tested: [...base.tested, rule], meets, qualified: count(meets), converters: countBoth(meets, converted) };
}

/** Why no rules could be suggested: nothing to search. */
export function noRules(): FieldError {
	return new FieldError(
		'No signal is met more often by converters than by the others at the target PQL share',
		'Converted Field',
		'Check that the converted field marks the right entities, add signals, or lower the target PQL share.',
	);
}

/**
 * The 2–3 rules (all to be met, each on a different signal) with the highest training precision
 * among those that qualify at least the target share; exhaustive over the best-separating signals.
 * When no set reaches the target, the broadest set of each signal's best rules; null when no
 * signal separates at all.
 */
export function searchRules(evidence: Evidence, targetShare: number): RuleSet | null {
	const minQualified = Math.max(1, Math.ceil(targetShare * evidence.discovery.entities));
	const pool = rulePool(evidence, minQualified);
	if (pool.length === 0) return null;
	const { converted } = evidence;
	const single = (rule: TestedRule): Scored => ({
		tested: [rule],
		meets: rule.meets,
		qualified: count(rule.meets),
		converters: countBoth(rule.meets, converted),
	});
	let best: Scored | null = null;
	for (let first = 0; first < pool.length; first++) {
		for (let second = first + 1; second < pool.length; second++) {
			for (const a of pool[first]) {
				for (const b of pool[second]) {
					const pair = extend(single(a), b, converted);
					if (pair.qualified < minQualified) continue;
					if (better(pair, best)) best = pair;
					for (let third = second + 1; third < pool.length; third++) {
						for (const c of pool[third]) {
							// Counted first and built only when it wins: most triples never do.
							const { both, converters } = countJoint(pair.meets, c.meets, converted);
							const counted = { tested: [...pair.tested, c], meets: pair.meets, qualified: both, converters };
							if (both >= minQualified && better(counted, best)) best = extend(pair, c, converted);
						}
					}
				}
			}
		}
	}
	const chosen = best ?? pool.slice(0, 2).reduce<Scored | null>(
		(set, rules) => (set ? extend(set, rules[0], converted) : single(rules[0])),
		null,
	);
	const scored = chosen ?? single(pool[0][0]);
	return {
		rules: scored.tested.map(({ evidence: e }) => e.rule),
		meets: scored.tested.map((tested) => tested.meets),
		qualified: scored.qualified,
		converters: scored.converters,
	};
}

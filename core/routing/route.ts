import type { DateTime } from 'luxon';
import type { JsonObject } from '../contract/event';
import type {
	ExistingOwnerRule,
	FieldRule,
	MatchedRule,
	Rep,
	RoutingConfig,
	RoutingOwner,
	RoutingResult,
	Target,
} from '../contract/routing';
import { valueAtPath } from '../shared/fieldPath';
import { FieldError } from '../shared/fieldError';
import { idText } from '../shared/values';
import { checkConfig } from './checkConfig';
import { describe, holds } from './conditions';
import { rendezvousPick } from './rendezvous';
import { STATUS_WORDS, findRep, isAvailable } from './reps';
import { routingKey } from './routingKey';
import { settingError } from './settingError';
import { slaDueAt } from './sla';

interface Assignment {
	owner: RoutingOwner;
	reason: string;
	pool?: RoutingResult['pool'];
}

/** What one rule decided: an owner, a note on why it passed a matching item on, or null when it did not match. */
type Decision = Assignment | { skipped: string } | null;

/** A rule's target with its reps looked up once. */
type ResolvedTarget = { kind: 'rep'; rep: Rep } | { kind: 'pool'; name: string; members: Rep[] };

type Step = { kind: 'existingOwner'; rule: ExistingOwnerRule } | { kind: 'field'; rule: FieldRule; target: ResolvedTarget };

export interface RouteOptions {
	/** Field whose value pools hash; null = the account (see `routingKey`). */
	routingKeyPath: string | null;
}

function resolve(config: RoutingConfig, target: Target, field: string): ResolvedTarget {
	const lookUp = (id: string): Rep => {
		const rep = config.reps.find((candidate) => candidate.id === id);
		if (rep === undefined) throw settingError(`"${id}" is not one of the reps`, field, 'Add the rep under "Reps" or fix the name');
		return rep;
	};
	if (target.kind === 'rep') return { kind: 'rep', rep: lookUp(target.rep) };
	const pool = config.pools.find((candidate) => candidate.name.toLowerCase() === target.pool.toLowerCase());
	if (pool === undefined) throw settingError(`There is no pool "${target.pool}"`, field, 'Add the pool under "Pools" or fix the name');
	return { kind: 'pool', name: pool.name, members: pool.members.map(lookUp) };
}

/** Routes items with one configuration, checked and resolved once. */
export function createRouter(config: RoutingConfig, options: RouteOptions): (item: JsonObject, now: DateTime) => RoutingResult {
	checkConfig(config);
	for (const pool of config.pools) resolve(config, { kind: 'pool', pool: pool.name }, `Pools › ${pool.name}`);
	const steps = config.rules.map((rule, index): Step =>
		rule.kind === 'field'
			? { kind: 'field', rule, target: resolve(config, rule.target, `Rules › ${index + 1}. ${rule.name}`) }
			: { kind: 'existingOwner', rule },
	);
	const zoneOf = (zone: string | null): string => zone ?? config.defaultTimeZone;
	const repOwner = (rep: Rep): RoutingOwner => ({
		id: rep.id,
		name: rep.name,
		email: rep.email,
		crmOwnerId: rep.crmOwnerId,
		slackId: rep.slackId,
		timeZone: zoneOf(rep.timeZone),
	});

	function keepOwner(item: JsonObject, rule: ExistingOwnerRule): Decision {
		for (const path of rule.paths) {
			const current = idText(valueAtPath(item, path));
			if (current !== undefined) return keep(item, rule, path, current);
		}
		return null;
	}

	function keep(item: JsonObject, rule: ExistingOwnerRule, path: string, current: string): Decision {
		const override = rule.overrides.find((condition) => holds(valueAtPath(item, condition.path), condition));
		if (override !== undefined) return { skipped: `owner ${current} is overridden by "${override.name}" (${describe(override)})` };
		const rep = findRep(config.reps, current);
		if (rep !== undefined && !isAvailable(rep)) return { skipped: `owner ${rep.name} is ${STATUS_WORDS[rep.status]}` };
		const reason = `kept the existing owner from ${path}`;
		if (rep !== undefined) return { owner: repOwner(rep), reason };
		// An owner the CRM knows but the rep list does not: kept as the item names them.
		const isEmail = current.includes('@');
		const owner: RoutingOwner = {
			id: current,
			name: null,
			email: isEmail ? current.toLowerCase() : null,
			crmOwnerId: isEmail ? null : current,
			slackId: null,
			timeZone: config.defaultTimeZone,
		};
		return { owner, reason };
	}

	function pick(item: JsonObject, matched: string, pool: { name: string; members: Rep[] }): Decision {
		const available = pool.members.filter(isAvailable);
		if (available.length === 0) return { skipped: `${matched}, but nobody in pool "${pool.name}" is available` };
		const key = routingKey(item, options.routingKeyPath);
		if (key === null) {
			const custom = options.routingKeyPath !== null;
			throw new FieldError(
				`The item has no ${custom ? options.routingKeyPath : 'account id or e-mail'} to pick a rep from pool "${pool.name}" by`,
				custom ? `Routing Key (${options.routingKeyPath})` : 'Routing Key',
				custom
					? 'Set "Routing Key" to a field every item has, e.g. accountId'
					: 'Give the item pql.entity (an account), accountId or email, or set "Routing Key" to a field it has',
			);
		}
		const rep = rendezvousPick(key, available);
		if (rep === undefined) return { skipped: `${matched}, but every available rep of pool "${pool.name}" has weight 0` };
		return { owner: repOwner(rep), pool: { name: pool.name, key }, reason: `${matched}: pool "${pool.name}" gave ${key} to ${rep.name}` };
	}

	function assign(item: JsonObject, rule: FieldRule, target: ResolvedTarget): Decision {
		if (!holds(valueAtPath(item, rule.condition.path), rule.condition)) return null;
		const matched = describe(rule.condition);
		if (target.kind === 'pool') return pick(item, matched, target);
		const { rep } = target;
		if (!isAvailable(rep)) return { skipped: `${matched}, but ${rep.name} is ${STATUS_WORDS[rep.status]}` };
		return { owner: repOwner(rep), reason: `${matched}: assigned to ${rep.name}` };
	}

	const fallback: Assignment = {
		owner: {
			id: config.fallback.name,
			name: config.fallback.name,
			email: config.fallback.email,
			crmOwnerId: config.fallback.crmOwnerId,
			slackId: config.fallback.slackId,
			timeZone: zoneOf(config.fallback.timeZone),
		},
		reason: `no rule assigned an owner: fallback queue "${config.fallback.name}"`,
	};

	return function route(item: JsonObject, now: DateTime): RoutingResult {
		const skipped: string[] = [];
		let matched: MatchedRule = { index: config.rules.length, name: config.fallback.name, kind: 'fallback' };
		let assignment = fallback;
		for (const [index, step] of steps.entries()) {
			const { rule } = step;
			const decision = step.kind === 'existingOwner' ? keepOwner(item, step.rule) : assign(item, step.rule, step.target);
			if (decision === null) continue;
			if ('skipped' in decision) {
				skipped.push(`rule ${index + 1} "${rule.name}": ${decision.skipped}`);
				continue;
			}
			matched = { index, name: rule.name, kind: rule.kind };
			assignment = { ...decision, reason: `rule ${index + 1} "${rule.name}": ${decision.reason}` };
			break;
		}
		return {
			owner: assignment.owner,
			rule: matched,
			...(assignment.pool === undefined ? {} : { pool: assignment.pool }),
			slaDueAt: slaDueAt(now, config.sla, assignment.owner.timeZone),
			assignedAt: now.toUTC().toISO() ?? '',
			reason: [assignment.reason, ...skipped.map((note) => `passed over ${note}`)].join('; '),
		};
	};
}

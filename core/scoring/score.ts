import type { CanonicalEvent } from '../contract/event';
import type { EntityMetrics, ScoredEntity, ScoringConfig, UserInput } from '../contract/pql';
import type { AccountGroup } from './accounts';
import { groupAccounts } from './accounts';
import { readConfig } from './configReader';
import { previousFor, scoreEntity, summary } from './entity';
import type { EventMatcher, MatcherIndex } from './eventMatch';
import { eventMatchers, indexMatchers, talliesOf } from './eventMatch';
import type { Measurements } from './measure';
import { decays, measureAll } from './measure';
import { toNumber } from '../shared/values';
import type { Clock, Subject, Tally } from './subject';
import { daysBetween, isoToMillis } from './time';

/** The account's name as an event last gave it. */
interface Named {
	name: string;
	ms: number;
}

interface PreparedUser {
	user: UserInput;
	subject: Subject;
	measurements: Measurements;
	named: Named | null;
}

/** The latest event's non-empty `accountName` (a Data Table row may lack the field). */
function latestName(events: CanonicalEvent[], times: number[], nowMs: number): Named | null {
	for (let at = events.length - 1; at >= 0; at--) {
		const name = events[at].accountName;
		if (typeof name === 'string' && name !== '' && times[at] <= nowMs) return { name, ms: times[at] };
	}
	return null;
}

function inOrder(times: number[]): boolean {
	for (let index = 1; index < times.length; index++) if (!(times[index - 1] <= times[index])) return false;
	return true;
}

/** A user's events oldest first with their times; events later than "now" count as not yet happened. */
function eventsInOrder(user: UserInput): { events: CanonicalEvent[]; times: number[] } {
	const times = user.eventTimes ?? user.events.map((event) => isoToMillis(event.timestamp));
	if (inOrder(times)) return { events: user.events, times };
	const order = times.map((_, index) => index).sort((a, b) => times[a] - times[b] || a - b);
	return { events: order.map((index) => user.events[index]), times: order.map((index) => times[index]) };
}

/** Days since the latest event, or the declared last-seen time if later; none later than "now". */
function lastSeenDays(user: UserInput, times: number[], clock: Clock): number | null {
	let latest = Number.NEGATIVE_INFINITY;
	for (const ms of times) if (ms <= clock.nowMs && ms > latest) latest = ms;
	const declared = user.lastSeenAt ? isoToMillis(user.lastSeenAt) : Number.NaN;
	if (declared <= clock.nowMs && declared > latest) latest = declared;
	return latest === Number.NEGATIVE_INFINITY ? null : daysBetween(latest, clock.nowMs);
}

function countUpTo(times: number[], nowMs: number): number {
	let count = 0;
	for (const ms of times) if (ms <= nowMs) count++;
	return count;
}

/** Only field signals and anti-PQL conditions read profiles; without them, users' items need no merging. */
function readsProfiles(config: ScoringConfig): boolean {
	return (
		config.model.signals.some(({ source }) => source.kind === 'field') ||
		config.antiPql.some(({ kind }) => kind === 'condition')
	);
}

interface Run {
	config: ScoringConfig;
	matchers: EventMatcher[];
	index: MatcherIndex;
	clock: Clock;
	profiles: boolean;
	units: boolean;
}

function prepareUser(user: UserInput, { config, index, clock, profiles, units }: Run): PreparedUser {
	const { events, times } = eventsInOrder(user);
	const subject: Subject = {
		tallies: talliesOf(index, events, times, clock.nowMs),
		events: countUpTo(times, clock.nowMs),
		profiles: profiles ? [user.profile] : [],
		emails: user.email ? [user.email] : [],
		daysSinceLastSeen: lastSeenDays(user, times, clock),
		people: user.accountId ? null : 1,
	};
	return {
		user,
		subject,
		measurements: measureAll(config.model.signals, subject, clock, units),
		// Only accounts are named.
		named: config.level === 'user' ? null : latestName(events, times, clock.nowMs),
	};
}

/** Every member's tallies of each signal together, oldest first. */
function mergedTallies(subjects: Subject[], matchers: EventMatcher[]): Map<string, Tally[]> {
	return new Map(
		matchers.map(({ key }) => [key, subjects.flatMap(({ tallies }) => tallies.get(key) ?? []).sort((a, b) => a.ms - b.ms)]),
	);
}

/** Members least recently seen first, so the most recently active member's profile wins. */
function accountSubject(members: PreparedUser[], matchers: EventMatcher[]): Subject {
	const ordered = members
		.map(({ subject }) => ({ subject, days: subject.daysSinceLastSeen ?? Infinity }))
		.sort((a, b) => b.days - a.days)
		.map(({ subject }) => subject);
	const known = ordered.map(({ daysSinceLastSeen }) => daysSinceLastSeen).filter((days) => days !== null);
	return {
		tallies: mergedTallies(ordered, matchers),
		events: ordered.reduce((total, { events }) => total + events, 0),
		profiles: ordered.flatMap(({ profiles }) => profiles),
		emails: ordered.flatMap(({ emails }) => emails),
		daysSinceLastSeen: known.length > 0 ? Math.min(...known) : null,
		people: members.length,
	};
}

function accountMetrics(group: AccountGroup<PreparedUser>, config: ScoringConfig): Partial<EntityMetrics> {
	const { members } = group;
	const perSignal = Object.fromEntries(
		config.model.signals.map(({ key }) => {
			const values = members
				.map(({ measurements }) => toNumber(measurements.get(key)?.value))
				.filter(Number.isFinite);
			return [key, { sum: values.reduce((total, value) => total + value, 0), max: values.length ? Math.max(...values) : 0 }];
		}),
	);
	const invites = config.invitesSignal ? perSignal[config.invitesSignal] : undefined;
	return {
		groupedBy: group.groupedBy,
		members: members.length,
		activeUsers: members.filter(
			({ subject }) => subject.daysSinceLastSeen !== null && subject.daysSinceLastSeen <= config.activeUserDays,
		).length,
		...(invites ? { teammatesInvited: invites.sum } : {}),
		perSignal,
	};
}

function scoreUser({ user, subject, measurements }: PreparedUser, config: ScoringConfig, clock: Clock): ScoredEntity {
	const entity = { type: 'user' as const, id: user.id };
	const previous = previousFor(entity, user.previous, config);
	const pql = scoreEntity({ entity, subject, measurements, previous, extraMetrics: {} }, config, clock);
	return { pql, items: user.items };
}

function scoreAccount(group: AccountGroup<PreparedUser>, { config, matchers, clock, units }: Run): ScoredEntity {
	const subject = accountSubject(group.members, matchers);
	const named = group.members.reduce<Named | null>(
		(latest, { named: candidate }) => (candidate && (!latest || candidate.ms >= latest.ms) ? candidate : latest),
		null,
	);
	const entity = { type: 'account' as const, id: group.id, ...(named ? { name: named.name } : {}) };
	const states = group.members.flatMap(({ user }) => user.previous);
	const pql = scoreEntity(
		{
			entity,
			subject,
			measurements: measureAll(config.model.signals, subject, clock, units),
			previous: previousFor(entity, states, config),
			extraMetrics: accountMetrics(group, config),
		},
		config,
		clock,
	);
	const items = group.members.flatMap(({ user }) => user.items).sort((a, b) => a - b);
	return { pql, items };
}

export interface ScoringRun {
	scored: ScoredEntity[];
	/** Input items of users that belong to no account, when accounts are scored. */
	withoutAccount: number[];
}

/**
 * Scores users, accounts or both at `now`; the same users, settings and `now` always give the
 * same result. Users come first in input order, then accounts in order of first member; with both
 * levels, each user carries its account's summary and each account its members' summaries.
 */
export function scoreUsers(users: UserInput[], settings: ScoringConfig, now: Date): ScoringRun {
	const config = readConfig(settings);
	const clock: Clock = { nowMs: now.getTime(), nowIso: now.toISOString(), timeZone: config.timeZone };
	const matchers = eventMatchers(config.model.signals);
	const run: Run = {
		config,
		matchers,
		index: indexMatchers(matchers),
		clock,
		profiles: readsProfiles(config),
		units: decays(config.model),
	};
	if (config.level === 'user') {
		// One user at a time: what measuring a user builds is garbage before the next one starts.
		return { scored: users.map((user) => scoreUser(prepareUser(user, run), config, clock)), withoutAccount: [] };
	}
	const prepared = users.map((user) => prepareUser(user, run));
	const scoredUsers = config.level === 'account' ? [] : prepared.map((member) => scoreUser(member, config, clock));

	const { groups, unassigned } = groupAccounts(prepared, ({ user }) => user, config.eventsWithoutAccount ?? 'emailDomain');
	const scoredAccounts = groups.map((group) => scoreAccount(group, run));
	const withoutAccount = unassigned.flatMap(({ user }) => user.items);
	if (config.level === 'account') return { scored: scoredAccounts, withoutAccount };

	const userResults = new Map(scoredUsers.map(({ pql }) => [pql.entity.id, pql]));
	groups.forEach((group, index) => {
		const account = scoredAccounts[index].pql;
		const members = group.members.flatMap(({ user }) => userResults.get(user.id) ?? []);
		members.forEach((member) => (member.account = summary(account)));
		account.members = members
			.map(summary)
			.sort((a, b) => b.score - a.score || a.entity.id.localeCompare(b.entity.id));
	});
	return { scored: [...scoredUsers, ...scoredAccounts], withoutAccount };
}

/** {@link scoreUsers}, the scores alone. */
export function scorePql(users: UserInput[], settings: ScoringConfig, now: Date): ScoredEntity[] {
	return scoreUsers(users, settings, now).scored;
}

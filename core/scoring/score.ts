import type { EntityMetrics, ScoredEntity, ScoringConfig, UserInput } from '../contract/pql';
import type { AccountGroup } from './accounts';
import { groupAccounts } from './accounts';
import { readConfig } from './configReader';
import { previousFor, scoreEntity, summary } from './entity';
import type { EventMatcher } from './eventMatch';
import { eventMatchers, talliesOf } from './eventMatch';
import type { Measurements } from './measure';
import { measureAll } from './measure';
import { toNumber } from './numbers';
import type { Clock, Subject, Tally, TimedEvent } from './subject';
import { daysBetween, isoToMillis } from './time';

interface PreparedUser {
	user: UserInput;
	subject: Subject;
	measurements: Measurements;
}

/** Events later than "now" have not happened yet for this run (a backtest sets "now" in the past). */
function timedEvents(user: UserInput, clock: Clock): TimedEvent[] {
	const times = user.eventTimes ?? user.events.map((event) => isoToMillis(event.timestamp));
	const events: TimedEvent[] = [];
	user.events.forEach((event, index) => {
		const ms = times[index];
		if (ms <= clock.nowMs) events.push({ event, ms, ageDays: daysBetween(ms, clock.nowMs) });
	});
	return events.sort(byTime);
}

function byTime(a: TimedEvent, b: TimedEvent): number {
	return a.ms - b.ms || a.event.messageId.localeCompare(b.event.messageId);
}

function lastSeenDays(user: UserInput, events: TimedEvent[], clock: Clock): number | null {
	const declared = user.lastSeenAt ? isoToMillis(user.lastSeenAt) : Number.NaN;
	const candidates = events.length > 0 ? [events[events.length - 1].ageDays] : [];
	if (!Number.isNaN(declared) && declared <= clock.nowMs) candidates.push(daysBetween(declared, clock.nowMs));
	return candidates.length > 0 ? Math.min(...candidates) : null;
}

function prepareUser(user: UserInput, config: ScoringConfig, matchers: EventMatcher[], clock: Clock): PreparedUser {
	const events = timedEvents(user, clock);
	const subject: Subject = {
		tallies: talliesOf(matchers, events),
		events: events.length,
		profiles: [user.profile],
		emails: user.email ? [user.email] : [],
		daysSinceLastSeen: lastSeenDays(user, events, clock),
	};
	return { user, subject, measurements: measureAll(config.model.signals, subject, clock) };
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

function scoreAccount(
	group: AccountGroup<PreparedUser>,
	config: ScoringConfig,
	matchers: EventMatcher[],
	clock: Clock,
): ScoredEntity {
	const subject = accountSubject(group.members, matchers);
	const entity = { type: 'account' as const, id: group.id };
	const states = group.members.flatMap(({ user }) => user.previous);
	const pql = scoreEntity(
		{
			entity,
			subject,
			measurements: measureAll(config.model.signals, subject, clock),
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
	const clock: Clock = { nowMs: now.getTime(), timeZone: config.timeZone };
	const matchers = eventMatchers(config.model.signals);
	const prepared = users.map((user) => prepareUser(user, config, matchers, clock));
	const scoredUsers = config.level === 'account' ? [] : prepared.map((member) => scoreUser(member, config, clock));
	if (config.level === 'user') return { scored: scoredUsers, withoutAccount: [] };

	const { groups, unassigned } = groupAccounts(prepared, ({ user }) => user, config.eventsWithoutAccount ?? 'emailDomain');
	const scoredAccounts = groups.map((group) => scoreAccount(group, config, matchers, clock));
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

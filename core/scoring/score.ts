import type {
	EntityMetrics,
	EntityType,
	PqlResult,
	PreviousState,
	Reason,
	ScoredEntity,
	ScoreSummary,
	ScoringConfig,
	ScoringModel,
	SignalCategory,
	UserInput,
} from '../contract/pql';
import type { AccountGroup } from './accounts';
import { groupAccounts } from './accounts';
import { findDisqualifications } from './antiPql';
import { readConfig } from './configReader';
import { gradeFor } from './grades';
import { scoreLogistic } from './logistic';
import type { Measurements } from './measure';
import { measureAll } from './measure';
import { roundTo, toNumber } from './numbers';
import type { ModelOutcome } from './outcome';
import type { Clock, Subject, TimedEvent } from './subject';
import { scoreThreshold } from './threshold';
import { daysBetween, isoAt, isoToMillis } from './time';
import { transition } from './transitions';
import { scoreWeighted } from './weighted';

interface PreparedUser {
	user: UserInput;
	subject: Subject;
	measurements: Measurements;
}

function runModel(model: ScoringModel, measurements: Measurements): ModelOutcome {
	switch (model.kind) {
		case 'weighted':
			return scoreWeighted(model, measurements);
		case 'threshold':
			return scoreThreshold(model, measurements);
		case 'logistic':
			return scoreLogistic(model, measurements);
	}
}

/** Events later than "now" have not happened yet for this run (a backtest sets "now" in the past). */
function timedEvents(user: UserInput, clock: Clock): TimedEvent[] {
	return user.events
		.map((event) => ({ event, ms: isoToMillis(event.timestamp) }))
		.filter(({ ms }) => ms <= clock.nowMs)
		.map(({ event, ms }) => ({ event, ms, ageDays: daysBetween(ms, clock.nowMs) }));
}

function byTime(a: TimedEvent, b: TimedEvent): number {
	return a.ms - b.ms || a.event.messageId.localeCompare(b.event.messageId);
}

function lastSeenDays(user: UserInput, events: TimedEvent[], clock: Clock): number | null {
	const declared = user.lastSeenAt ? isoToMillis(user.lastSeenAt) : Number.NaN;
	const candidates = events.map(({ ageDays }) => ageDays);
	if (!Number.isNaN(declared) && declared <= clock.nowMs) candidates.push(daysBetween(declared, clock.nowMs));
	return candidates.length > 0 ? Math.min(...candidates) : null;
}

function prepareUser(user: UserInput, config: ScoringConfig, clock: Clock): PreparedUser {
	const events = timedEvents(user, clock).sort(byTime);
	const subject: Subject = {
		events,
		profiles: [user.profile],
		emails: user.email ? [user.email] : [],
		daysSinceLastSeen: lastSeenDays(user, events, clock),
	};
	return { user, subject, measurements: measureAll(config.model.signals, subject, clock) };
}

/** Members least recently seen first, so the most recently active member's profile wins. */
function accountSubject(members: PreparedUser[]): Subject {
	const seen = members.map(({ subject }) => subject.daysSinceLastSeen ?? Infinity);
	const ordered = members
		.map((member, index) => ({ member, days: seen[index] }))
		.sort((a, b) => b.days - a.days)
		.map(({ member }) => member.subject);
	const known = seen.filter(Number.isFinite);
	return {
		events: ordered.flatMap(({ events }) => events).sort(byTime),
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

function sortReasons(reasons: Reason[]): Reason[] {
	return [...reasons].sort((a, b) => b.points - a.points || a.signal.localeCompare(b.signal));
}

function componentsOf(reasons: Reason[]): Record<SignalCategory, number> {
	const sum = (category: SignalCategory): number =>
		roundTo(
			reasons.filter((reason) => reason.category === category).reduce((total, reason) => total + reason.points, 0),
			1,
		);
	return { usage: sum('usage'), intent: sum('intent'), fit: sum('fit') };
}

function previousFor(
	entity: PqlResult['entity'],
	states: PreviousState[],
	ownerType: EntityType,
): PreviousState | undefined {
	// Latest `scoredAt` wins; states without one count as older, and among equals the last given wins.
	// (An account's states come from all its members' items, in member order, not time order.)
	return states
		.filter((state) =>
			state.entity ? state.entity.type === entity.type && state.entity.id === entity.id : entity.type === ownerType,
		)
		.reduce<PreviousState | undefined>(
			(latest, state) => (latest && (latest.scoredAt ?? '') > (state.scoredAt ?? '') ? latest : state),
			undefined,
		);
}

interface EntityInput {
	entity: PqlResult['entity'];
	subject: Subject;
	measurements: Measurements;
	previous: PreviousState | undefined;
	extraMetrics: Partial<EntityMetrics>;
}

function scoreEntity(input: EntityInput, config: ScoringConfig, clock: Clock): PqlResult {
	const { entity, subject, measurements, previous, extraMetrics } = input;
	const outcome = runModel(config.model, measurements);
	const disqualifiedBy = findDisqualifications(config.antiPql, subject);
	const qualified = outcome.qualified && disqualifiedBy.length === 0;
	const reasons = sortReasons(outcome.reasons);
	const days = subject.daysSinceLastSeen;
	return {
		entity,
		score: outcome.score,
		grade: gradeFor(outcome.score, config.grades),
		qualified,
		disqualified: disqualifiedBy.length > 0,
		disqualifiedBy,
		components: componentsOf(reasons),
		reasons,
		metrics: {
			signals: Object.fromEntries([...measurements].map(([key, { value }]) => [key, value])),
			events: subject.events.length,
			daysSinceLastSeen: days === null ? null : Math.floor(days),
			...outcome.metrics,
			...extraMetrics,
		},
		model: { kind: config.model.kind, version: config.model.version },
		scoredAt: isoAt(clock.nowMs),
		...transition(previous, qualified, clock.nowMs, config.coolDownDays),
	};
}

function summary({ entity, score, grade, qualified }: PqlResult): ScoreSummary {
	return { entity, score, grade, qualified };
}

/** Whose a previous state without an entity is: the level being scored, users when both are. */
function stateOwner(config: ScoringConfig): EntityType {
	return config.level === 'account' ? 'account' : 'user';
}

function scoreUser({ user, subject, measurements }: PreparedUser, config: ScoringConfig, clock: Clock): ScoredEntity {
	const entity = { type: 'user' as const, id: user.id };
	const previous = previousFor(entity, user.previous, stateOwner(config));
	const pql = scoreEntity({ entity, subject, measurements, previous, extraMetrics: {} }, config, clock);
	return { pql, items: user.items };
}

function scoreAccount(group: AccountGroup<PreparedUser>, config: ScoringConfig, clock: Clock): ScoredEntity {
	const subject = accountSubject(group.members);
	const entity = { type: 'account' as const, id: group.id };
	const states = group.members.flatMap(({ user }) => user.previous);
	const pql = scoreEntity(
		{
			entity,
			subject,
			measurements: measureAll(config.model.signals, subject, clock),
			previous: previousFor(entity, states, stateOwner(config)),
			extraMetrics: accountMetrics(group, config),
		},
		config,
		clock,
	);
	const items = group.members.flatMap(({ user }) => user.items).sort((a, b) => a - b);
	return { pql, items };
}

/**
 * Scores users, accounts or both at `now`; the same users, settings and `now` always give the
 * same result. Users come first in input order, then accounts in order of first member; with both
 * levels, each user carries its account's summary and each account its members' summaries.
 */
export function scorePql(users: UserInput[], settings: ScoringConfig, now: Date): ScoredEntity[] {
	const config = readConfig(settings);
	const clock: Clock = { nowMs: now.getTime(), timeZone: config.timeZone };
	const prepared = users.map((user) => prepareUser(user, config, clock));
	const scoredUsers = config.level === 'account' ? [] : prepared.map((member) => scoreUser(member, config, clock));
	if (config.level === 'user') return scoredUsers;

	const groups = groupAccounts(prepared, ({ user }) => user);
	const scoredAccounts = groups.map((group) => scoreAccount(group, config, clock));
	if (config.level === 'account') return scoredAccounts;

	const userResults = new Map(scoredUsers.map(({ pql }) => [pql.entity.id, pql]));
	groups.forEach((group, index) => {
		const account = scoredAccounts[index].pql;
		const members = group.members.flatMap(({ user }) => userResults.get(user.id) ?? []);
		members.forEach((member) => (member.account = summary(account)));
		account.members = members
			.map(summary)
			.sort((a, b) => b.score - a.score || a.entity.id.localeCompare(b.entity.id));
	});
	return [...scoredUsers, ...scoredAccounts];
}

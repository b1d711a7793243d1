import type { JsonObject } from '../../contract/event';
import type { Clock, Subject, Tally } from '../subject';
import { daysBetween } from '../time';
import type { FoldPlan } from './fold';
import { ALL_EVENTS } from './storeKey';
import type { HistorySummary, Member, StoredSignal, Totals } from './summary';

function tally({ count, sum, max, ms, days }: Totals, day: string | null, clock: Clock): Tally {
	return { count, sum, max, ms, ageDays: daysBetween(ms, clock.nowMs), day, days };
}

/** Older days first, then each day in order; nothing later than "now". */
function talliesOf(signal: StoredSignal | undefined, clock: Clock): Tally[] {
	if (!signal) return [];
	const tallies = signal.earlier ? [tally(signal.earlier, null, clock)] : [];
	for (const day of [...signal.days.keys()].sort()) tallies.push(tally(signal.days.get(day) as Totals, day, clock));
	return tallies.filter(({ ms }) => ms <= clock.nowMs);
}

export interface HistoryMember extends Member {
	id: string;
}

/** Members seen by "now", least recently seen first. */
export function membersOf(summary: HistorySummary, clock: Clock): HistoryMember[] {
	return [...summary.members]
		.map(([id, member]) => ({ id, ...member, lastMs: Math.min(member.lastMs, clock.nowMs) }))
		.filter(({ firstMs }) => firstMs <= clock.nowMs)
		.sort((a, b) => a.lastMs - b.lastMs || a.id.localeCompare(b.id));
}

/** An account measured on its stored history: day totals per signal, members as profiles. */
export function historySubject(accountId: string, summary: HistorySummary, plan: FoldPlan, clock: Clock): Subject {
	const members = membersOf(summary, clock);
	const profiles = members.map(
		({ id, email, fields }): JsonObject => ({ ...fields, userId: id, email, accountId }),
	);
	const last = members[members.length - 1];
	return {
		tallies: new Map(plan.matchers.map(({ key, store }) => [key, talliesOf(summary.signals.get(store), clock)])),
		events: talliesOf(summary.signals.get(ALL_EVENTS), clock).reduce((total, { count }) => total + count, 0),
		profiles,
		emails: members.flatMap(({ email }) => (email ? [email] : [])),
		daysSinceLastSeen: last ? daysBetween(last.lastMs, clock.nowMs) : null,
		people: members.length,
	};
}

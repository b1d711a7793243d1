import type { ScoringConfig } from '../../contract/pql';
import type { EventMatcher } from '../eventMatch';
import { eventMatchers, matches, propertyNumber } from '../eventMatch';
import { valueAtPath } from '../../shared/fieldPath';
import { calendarDay } from '../time';
import { idHash } from './hash';
import type { HistoryEvent } from './historyEvent';
import { ALL_EVENTS, storeKey } from './storeKey';
import type { HistorySummary, Member, StoredSignal, Totals } from './summary';

export const HOUR_MS = 3_600_000;

/** What folding needs from the settings: which totals to keep, which fields, which calendar. */
export interface FoldPlan {
	matchers: Array<EventMatcher & { store: string }>;
	fieldPaths: string[];
	timeZone: string;
}

export function foldPlan(config: ScoringConfig): FoldPlan {
	const bySignal = new Map(config.model.signals.map((signal) => [signal.key, storeKey(signal)]));
	const fieldPaths = [
		...config.model.signals.flatMap(({ source }) => (source.kind === 'field' ? [source.path] : [])),
		...config.antiPql.flatMap((rule) => (rule.kind === 'condition' ? [rule.path] : [])),
	];
	return {
		matchers: eventMatchers(config.model.signals).map((matcher) => ({ ...matcher, store: bySignal.get(matcher.key) ?? matcher.key })),
		fieldPaths: [...new Set(fieldPaths)],
		timeZone: config.timeZone,
	};
}

export function wasSeen(summary: HistorySummary, eventId: string): boolean {
	if (eventId === '') return false;
	const hash = idHash(eventId);
	for (const hashes of summary.seen.values()) if (hashes.has(hash)) return true;
	return false;
}

function add(signal: StoredSignal, day: string, ms: number, value: number): void {
	const numeric = Number.isFinite(value);
	const totals: Totals = signal.days.get(day) ?? { count: 0, sum: 0, max: null, ms, days: 1 };
	totals.count += 1;
	totals.ms = Math.max(totals.ms, ms);
	if (numeric) {
		totals.sum += value;
		totals.max = totals.max === null ? value : Math.max(totals.max, value);
	}
	signal.days.set(day, totals);
}

function stored(summary: HistorySummary, key: string): StoredSignal {
	const found = summary.signals.get(key);
	if (found) return found;
	const created: StoredSignal = { days: new Map(), earlier: null };
	summary.signals.set(key, created);
	return created;
}

/** The member's e-mail and fields from its latest event; an older event only fills gaps. */
function remember(member: Member | undefined, { event, ms }: HistoryEvent, fieldPaths: string[]): Member {
	const newest = !member || ms >= member.lastMs;
	const fields = { ...(member?.fields ?? {}) };
	for (const path of fieldPaths) {
		const value = valueAtPath(event, path);
		if (value !== undefined && value !== null && (newest || !(path in fields))) fields[path] = value;
	}
	return {
		email: (newest ? event.email : null) ?? member?.email ?? event.email,
		firstMs: Math.min(member?.firstMs ?? ms, ms),
		lastMs: Math.max(member?.lastMs ?? ms, ms),
		fields,
	};
}

/**
 * Adds the events to the summary, in place: per stored signal and day, count / sum / max and the
 * latest time; every member's first and last time; the ids, so the same event is never added twice.
 */
export function fold(folded: HistorySummary, events: HistoryEvent[], plan: FoldPlan): HistorySummary {
	for (const entry of events) {
		const { event, ms, writtenMs, userId } = entry;
		if (wasSeen(folded, event.messageId)) continue;
		if (event.messageId !== '') {
			const hour = Math.floor(writtenMs / HOUR_MS);
			const hashes = folded.seen.get(hour) ?? new Set<string>();
			hashes.add(idHash(event.messageId));
			folded.seen.set(hour, hashes);
		}
		const day = calendarDay(ms, plan.timeZone);
		add(stored(folded, ALL_EVENTS), day, ms, Number.NaN);
		for (const matcher of plan.matchers) {
			if (matches(matcher, event)) add(stored(folded, matcher.store), day, ms, propertyNumber(matcher, event));
		}
		folded.members.set(userId, remember(folded.members.get(userId), entry, plan.fieldPaths));
		const name = event.accountName;
		if (name && (!folded.name || ms >= folded.name.ms)) folded.name = { name, ms };
	}
	return folded;
}

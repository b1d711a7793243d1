import { calendarDay } from '../time';
import { HOUR_MS } from './fold';
import type { FoldPlan } from './fold';
import { ALL_EVENTS } from './storeKey';
import type { HistorySummary, StoredSignal, Totals } from './summary';

const DAY_MS = 86_400_000;

export interface Retention {
	/** Members, and the per-day totals of signals without a window, are kept this many days. */
	detailDays: number;
	/** Ids of events written this many hours ago or less are kept, to recognise re-sent events. */
	resentHours: number;
}

function merged(into: Totals | null, totals: Totals): Totals {
	if (!into) return { ...totals };
	const max = into.max === null ? totals.max : totals.max === null ? into.max : Math.max(into.max, totals.max);
	return {
		count: into.count + totals.count,
		sum: into.sum + totals.sum,
		max,
		ms: Math.max(into.ms, totals.ms),
		days: into.days + totals.days,
	};
}

function aged(signal: StoredSignal, firstKeptDay: string): StoredSignal {
	const days = new Map<string, Totals>();
	let earlier = signal.earlier;
	for (const [day, totals] of signal.days) {
		if (day < firstKeptDay) earlier = merged(earlier, totals);
		else days.set(day, totals);
	}
	return { days, earlier };
}

/**
 * What a summary keeps when it is stored: each signal's per-day totals for its window (signals
 * without one: `detailDays`), older days as one total per signal — enough for a count, a sum, a
 * maximum or the days active of all time; members for `detailDays`; recent event ids for
 * `resentHours`; only the signals the settings still define; the account's latest name, however old.
 */
export function prune(summary: HistorySummary, nowMs: number, retention: Retention, plan: FoldPlan): HistorySummary {
	const detail = new Map<string, number>([[ALL_EVENTS, 1]]);
	for (const { store, windowDays } of plan.matchers) {
		detail.set(store, windowDays === undefined ? retention.detailDays : Math.ceil(windowDays) + 1);
	}
	const firstKeptDay = (days: number): string => calendarDay(nowMs - days * DAY_MS, plan.timeZone);
	const firstKeptHour = Math.floor((nowMs - retention.resentHours * HOUR_MS) / HOUR_MS);
	const oldestMember = nowMs - retention.detailDays * DAY_MS;
	const signals = new Map<string, StoredSignal>();
	for (const [key, signal] of summary.signals) {
		const days = detail.get(key);
		if (days !== undefined) signals.set(key, aged(signal, firstKeptDay(days)));
	}
	return {
		signals,
		members: new Map([...summary.members].filter(([, { lastMs }]) => lastMs >= oldestMember)),
		name: summary.name,
		seen: new Map([...summary.seen].filter(([hour]) => hour >= firstKeptHour)),
	};
}

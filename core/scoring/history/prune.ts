import { calendarDay } from '../time';
import { HOUR_MS } from './fold';
import type { FoldPlan } from './fold';
import { ALL_EVENTS } from './storeKey';
import type { HistorySummary, StoredSignal, Totals } from './summary';

const DAY_MS = 86_400_000;

export interface Retention {
	/** Per-day totals and members are kept this many days; older days add up into one total. */
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
 * What a summary keeps when it is stored: day detail and members for `detailDays` (older days as
 * one total per signal, enough for all-time signals), recent event ids for `resentHours`, and
 * only the signals the settings still define.
 */
export function prune(summary: HistorySummary, nowMs: number, retention: Retention, plan: FoldPlan): HistorySummary {
	const keep = new Set([ALL_EVENTS, ...plan.matchers.map(({ store }) => store)]);
	const firstKeptDay = calendarDay(nowMs - retention.detailDays * DAY_MS, plan.timeZone);
	const firstKeptHour = Math.floor((nowMs - retention.resentHours * HOUR_MS) / HOUR_MS);
	const oldestMember = nowMs - retention.detailDays * DAY_MS;
	return {
		signals: new Map(
			[...summary.signals].filter(([key]) => keep.has(key)).map(([key, signal]) => [key, aged(signal, firstKeptDay)]),
		),
		members: new Map([...summary.members].filter(([, { lastMs }]) => lastMs >= oldestMember)),
		seen: new Map([...summary.seen].filter(([hour]) => hour >= firstKeptHour)),
	};
}

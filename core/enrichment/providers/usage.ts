import { type GroupTypeIndex, HogQLValues, type HogQLQueryBody, entityColumn } from './hogql';

export interface UsageCount {
	event: string;
	windowDays: number;
}

export interface UsageSpec {
	counts: UsageCount[];
	/** One `active_days_<N>d` field per window. */
	activeDaysWindows: number[];
	/** How far back the query reads at all; bounds `last_seen_at` too. */
	lookbackDays: number;
}

export type UsageEntity = { type: 'user' } | { type: 'account'; groupTypeIndex: GroupTypeIndex };

/**
 * What PQL Enrich writes to `usage`, for PQL Score's field signals (`usage.<name>`):
 * `<event>_<N>d` counts, `active_days_<N>d`, `last_seen_at` (ISO 8601) and `days_since_last_seen`.
 */
export type UsageAggregates = Record<string, number | string | null>;

/** `Core Feature Used` → `core_feature_used`; `$pageview` → `pageview`. */
export function eventFieldName(event: string): string {
	const slug = event
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '');
	return slug === '' ? 'event' : slug;
}

export function countFieldName(count: UsageCount): string {
	return `${eventFieldName(count.event)}_${count.windowDays}d`;
}

export const activeDaysFieldName = (windowDays: number): string => `active_days_${windowDays}d`;

/** Output names in query column order (after the entity column), then `last_seen_at`. */
function columnNames(spec: UsageSpec): string[] {
	return [...spec.counts.map(countFieldName), ...spec.activeDaysWindows.map(activeDaysFieldName), 'last_seen_at'];
}

/** Every field `usage` will hold, for documentation and for checking names do not collide. */
export function usageFieldNames(spec: UsageSpec): string[] {
	return [...columnNames(spec), 'days_since_last_seen'];
}

/** The names two different rows would both write, e.g. `Signed Up` and `signed_up` over the same window. */
export function collidingUsageFields(spec: UsageSpec): string[] {
	const seen = new Map<string, string>();
	const collisions = new Set<string>();
	for (const count of spec.counts) {
		const name = countFieldName(count);
		const previous = seen.get(name);
		if (previous !== undefined && previous !== count.event) collisions.add(name);
		seen.set(name, count.event);
	}
	return [...collisions];
}

/**
 * One query for many entities: per entity, each event's count within its window, distinct active
 * days per window, and the last event time within the look-back.
 */
export function usageQuery(entity: UsageEntity, ids: readonly string[], spec: UsageSpec): HogQLQueryBody {
	const values = new HogQLValues();
	const since = (days: number) => `timestamp >= now() - toIntervalDay(${values.add('days', days)})`;
	const columns = [
		...spec.counts.map(({ event, windowDays }) => `countIf(event = ${values.add('event', event)} AND ${since(windowDays)})`),
		...spec.activeDaysWindows.map((windowDays) => `uniqIf(toDate(timestamp), ${since(windowDays)})`),
		'max(timestamp)',
	];
	const column = entityColumn(entity);
	return values.body(
		[
			`SELECT ${column} AS entity, ${columns.join(', ')}`,
			'FROM events',
			`WHERE ${column} IN (${values.list('id', ids)}) AND ${since(spec.lookbackDays)}`,
			'GROUP BY entity',
			`LIMIT ${ids.length}`,
		].join(' '),
	);
}

const DAY_MS = 86_400_000;

/** PostHog writes DateTimes as ISO 8601 or as `YYYY-MM-DD hh:mm:ss` in UTC. */
function isoTime(value: unknown): string | null {
	if (typeof value !== 'string' || value.trim() === '') return null;
	const normalised = /^\d{4}-\d\d-\d\d \d/.test(value) ? `${value.replace(' ', 'T')}${/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? '' : 'Z'}` : value;
	const ms = Date.parse(normalised);
	return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Aggregates for an entity with no events in the look-back. */
export function emptyUsage(spec: UsageSpec): UsageAggregates {
	const usage: UsageAggregates = {};
	for (const name of columnNames(spec)) usage[name] = 0;
	usage.last_seen_at = null;
	usage.days_since_last_seen = null;
	return usage;
}

/** The query's rows by entity; `now` decides `days_since_last_seen` (whole days, rounded down). */
export function usageByEntity(rows: unknown[][], spec: UsageSpec, now: Date): Map<string, UsageAggregates> {
	const names = columnNames(spec);
	const found = new Map<string, UsageAggregates>();
	for (const [entity, ...cells] of rows) {
		if (entity === null || entity === undefined || entity === '') continue;
		const usage = emptyUsage(spec);
		names.forEach((name, index) => {
			if (name === 'last_seen_at') return;
			const value = Number(cells[index]);
			usage[name] = Number.isFinite(value) ? value : 0;
		});
		const lastSeen = isoTime(cells[names.length - 1]);
		usage.last_seen_at = lastSeen;
		usage.days_since_last_seen =
			lastSeen === null ? null : Math.max(0, Math.floor((now.getTime() - Date.parse(lastSeen)) / DAY_MS));
		found.set(String(entity), usage);
	}
	return found;
}

import type { CanonicalEvent } from '../contract/event';
import type { PropertyCondition, SignalDefinition } from '../contract/pql';
import { meets } from '../shared/conditions';
import { valueAtPath } from '../shared/fieldPath';
import { toNumber } from '../shared/values';
import type { Tally } from './subject';
import { daysBetween } from './time';

/** Which events an event signal counts, and the number it adds up. */
export interface EventMatcher {
	key: string;
	/** Null when the signal counts every event (`*`). */
	names: ReadonlySet<string> | null;
	where?: PropertyCondition;
	property?: string;
	windowDays?: number;
}

const ANY_EVENT = '*';

export function eventMatchers(signals: SignalDefinition[]): EventMatcher[] {
	return signals.flatMap(({ key, source, property, windowDays }) =>
		source.kind === 'events'
			? [{ key, names: source.names.includes(ANY_EVENT) ? null : new Set(source.names), where: source.where, property, windowDays }]
			: [],
	);
}

function meetsWhere({ where }: EventMatcher, event: CanonicalEvent): boolean {
	return !where || meets(valueAtPath(event.properties, where.property), where);
}

export function matches(matcher: EventMatcher, event: CanonicalEvent): boolean {
	return (matcher.names === null || matcher.names.has(event.event)) && meetsWhere(matcher, event);
}

/** The signal's numeric property of an event, or NaN. */
export function propertyNumber(matcher: EventMatcher, event: CanonicalEvent): number {
	return matcher.property === undefined ? Number.NaN : toNumber(valueAtPath(event.properties, matcher.property));
}

/** Matchers by the event name they count, so that each event is looked at once. */
export interface MatcherIndex {
	byName: Map<string, EventMatcher[]>;
	anyName: EventMatcher[];
}

export function indexMatchers(matchers: EventMatcher[]): MatcherIndex {
	const byName = new Map<string, EventMatcher[]>();
	for (const matcher of matchers) {
		for (const name of matcher.names ?? []) byName.set(name, [...(byName.get(name) ?? []), matcher]);
	}
	return { byName, anyName: matchers.filter(({ names }) => names === null) };
}

const NONE: EventMatcher[] = [];

function addTallies(tallies: Map<string, Tally[]>, candidates: EventMatcher[], event: CanonicalEvent, ms: number, nowMs: number): void {
	const ageDays = daysBetween(ms, nowMs);
	for (const matcher of candidates) {
		// Outside the window an event counts for nothing: measuring would leave its tally out anyway.
		if ((matcher.windowDays !== undefined && ageDays > matcher.windowDays) || !meetsWhere(matcher, event)) continue;
		const value = propertyNumber(matcher, event);
		const numeric = Number.isFinite(value);
		const list = tallies.get(matcher.key);
		const tally: Tally = {
			count: 1,
			sum: numeric ? value : 0,
			max: numeric ? value : null,
			ms,
			ageDays,
			days: 1,
		};
		if (list) list.push(tally);
		else tallies.set(matcher.key, [tally]);
	}
}

/**
 * One tally per matching event, per signal that has any, oldest first. `events` are a user's, oldest first, with
 * their times in ms; those later than "now" are left out.
 */
export function talliesOf(index: MatcherIndex, events: CanonicalEvent[], times: number[], nowMs: number): Map<string, Tally[]> {
	const tallies = new Map<string, Tally[]>();
	for (let at = 0; at < events.length; at++) {
		const ms = times[at];
		if (!(ms <= nowMs)) continue;
		addTallies(tallies, index.byName.get(events[at].event) ?? NONE, events[at], ms, nowMs);
		addTallies(tallies, index.anyName, events[at], ms, nowMs);
	}
	return tallies;
}

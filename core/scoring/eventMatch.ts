import type { CanonicalEvent } from '../contract/event';
import type { PropertyCondition, SignalDefinition } from '../contract/pql';
import { meets } from './conditions';
import { valueAtPath } from './fieldPath';
import { toNumber } from './numbers';
import type { Tally, TimedEvent } from './subject';

/** Which events an event signal counts, and the number it adds up. */
export interface EventMatcher {
	key: string;
	/** Null when the signal counts every event (`*`). */
	names: ReadonlySet<string> | null;
	where?: PropertyCondition;
	property?: string;
}

const ANY_EVENT = '*';

export function eventMatchers(signals: SignalDefinition[]): EventMatcher[] {
	return signals.flatMap(({ key, source, property }) =>
		source.kind === 'events'
			? [{ key, names: source.names.includes(ANY_EVENT) ? null : new Set(source.names), where: source.where, property }]
			: [],
	);
}

export function matches(matcher: EventMatcher, event: CanonicalEvent): boolean {
	return (
		(matcher.names === null || matcher.names.has(event.event)) &&
		(!matcher.where || meets(valueAtPath(event.properties, matcher.where.property), matcher.where))
	);
}

/** The signal's numeric property of an event, or NaN. */
export function propertyNumber(matcher: EventMatcher, event: CanonicalEvent): number {
	return matcher.property === undefined ? Number.NaN : toNumber(valueAtPath(event.properties, matcher.property));
}

function eventTally(matcher: EventMatcher, { event, ms, ageDays }: TimedEvent): Tally {
	const value = propertyNumber(matcher, event);
	const numeric = Number.isFinite(value);
	return { count: 1, sum: numeric ? value : 0, max: numeric ? value : null, ms, ageDays, days: 1 };
}

/** One tally per matching event, per signal, in the events' order. */
export function talliesOf(matchers: EventMatcher[], events: TimedEvent[]): Map<string, Tally[]> {
	const tallies = new Map<string, Tally[]>();
	for (const matcher of matchers) {
		const list: Tally[] = [];
		for (const timed of events) if (matches(matcher, timed.event)) list.push(eventTally(matcher, timed));
		tallies.set(matcher.key, list);
	}
	return tallies;
}

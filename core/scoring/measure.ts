import type { EventSource, FieldSource, SignalDefinition, SignalValue } from '../contract/pql';
import { meets } from './conditions';
import { valueAtPath } from './fieldPath';
import { toNumber } from './numbers';
import { latestValue } from './profiles';
import type { Clock, Subject, TimedEvent } from './subject';
import { calendarDay } from './time';

/** One countable piece of a measurement and how old it is, so points can decay with age. */
export interface Unit {
	amount: number;
	ageDays: number;
}

export interface Measurement {
	value: SignalValue;
	units: Unit[];
}

export interface MeasuredSignal extends Measurement {
	signal: SignalDefinition;
}

export type Measurements = Map<string, MeasuredSignal>;

/** Models are validated before scoring, so a missing signal here is a bug, not bad input. */
export function measured(measurements: Measurements, key: string): MeasuredSignal {
	const found = measurements.get(key);
	if (!found) throw new Error(`Signal "${key}" was not measured`);
	return found;
}

const ANY_EVENT = '*';

function matchingEvents(signal: SignalDefinition, source: EventSource, subject: Subject): TimedEvent[] {
	const names = new Set(source.names);
	const window = signal.windowDays;
	return subject.events.filter(
		({ event, ageDays }) =>
			(names.has(ANY_EVENT) || names.has(event.event)) &&
			(window === undefined || ageDays <= window) &&
			(!source.where || meets(valueAtPath(event.properties, source.where.property), source.where)),
	);
}

function youngest(events: TimedEvent[]): number {
	return events[events.length - 1].ageDays;
}

function measureEvents(signal: SignalDefinition, events: TimedEvent[], clock: Clock): Measurement {
	const unitPerEvent = (amount: (event: TimedEvent) => number): Unit[] =>
		events.map((event) => ({ amount: amount(event), ageDays: event.ageDays }));
	const propertyUnits = (): Unit[] =>
		unitPerEvent(({ event }) => toNumber(valueAtPath(event.properties, signal.property ?? ''))).filter((unit) =>
			Number.isFinite(unit.amount),
		);
	switch (signal.aggregation) {
		case 'count':
			return { value: events.length, units: unitPerEvent(() => 1) };
		case 'exists':
			return events.length === 0
				? { value: 0, units: [] }
				: { value: 1, units: [{ amount: 1, ageDays: youngest(events) }] };
		case 'distinctDays': {
			const latestPerDay = new Map<string, number>();
			for (const { ms, ageDays } of events) latestPerDay.set(calendarDay(ms, clock.timeZone), ageDays);
			const units = [...latestPerDay.values()].map((ageDays) => ({ amount: 1, ageDays }));
			return { value: units.length, units };
		}
		case 'sum': {
			const units = propertyUnits();
			return { value: units.reduce((total, unit) => total + unit.amount, 0), units };
		}
		case 'max': {
			const units = propertyUnits();
			if (units.length === 0) return { value: null, units: [] };
			const top = units.reduce((best, unit) => (unit.amount > best.amount ? unit : best));
			return { value: top.amount, units: [top] };
		}
		case 'daysSinceLastSeen': {
			if (events.length === 0) return { value: null, units: [] };
			const days = Math.floor(youngest(events));
			return { value: days, units: [{ amount: days, ageDays: 0 }] };
		}
	}
}

function asSignalValue(raw: unknown): SignalValue {
	if (typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'boolean') return raw;
	return null;
}

/**
 * Usage and intent numbers add up across an account's members; anything else (fit data, text)
 * comes from the most recently active member that has it.
 */
function measureField(signal: SignalDefinition, source: FieldSource, subject: Subject): Measurement {
	const values = subject.profiles
		.map((profile) => asSignalValue(valueAtPath(profile, source.path)))
		.filter((value) => value !== null);
	const adds = signal.category !== 'fit' && values.length > 0 && values.every((value) => typeof value === 'number');
	const value = adds
		? values.reduce<number>((total, number) => total + toNumber(number), 0)
		: asSignalValue(latestValue(subject.profiles, source.path));
	const amount = toNumber(value);
	return { value, units: Number.isFinite(amount) && amount !== 0 ? [{ amount, ageDays: 0 }] : [] };
}

export function measureSignal(signal: SignalDefinition, subject: Subject, clock: Clock): Measurement {
	const { source } = signal;
	return source.kind === 'field'
		? measureField(signal, source, subject)
		: measureEvents(signal, matchingEvents(signal, source, subject), clock);
}

export function measureAll(signals: SignalDefinition[], subject: Subject, clock: Clock): Measurements {
	return new Map(signals.map((signal) => [signal.key, { signal, ...measureSignal(signal, subject, clock) }]));
}

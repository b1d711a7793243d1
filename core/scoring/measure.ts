import type { FieldSource, SignalDefinition, SignalValue } from '../contract/pql';
import { valueAtPath } from './fieldPath';
import { toNumber } from './numbers';
import { latestValue } from './profiles';
import type { Clock, Subject, Tally } from './subject';
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

function youngestAge(tallies: Tally[]): number {
	let youngest = Infinity;
	for (const { ageDays } of tallies) if (ageDays < youngest) youngest = ageDays;
	return youngest;
}

function distinctDays(tallies: Tally[], clock: Clock): Measurement {
	const latestPerDay = new Map<string, number>();
	const earlier: Unit[] = [];
	for (const tally of tallies) {
		if (tally.day === null) {
			earlier.push({ amount: tally.days, ageDays: tally.ageDays });
			continue;
		}
		const day = tally.day ?? calendarDay(tally.ms, clock.timeZone);
		const known = latestPerDay.get(day);
		latestPerDay.set(day, known === undefined ? tally.ageDays : Math.min(known, tally.ageDays));
	}
	const units = [...earlier, ...[...latestPerDay.values()].map((ageDays) => ({ amount: 1, ageDays }))];
	return { value: units.reduce((total, unit) => total + unit.amount, 0), units };
}

function measureTallies(signal: SignalDefinition, all: Tally[], clock: Clock): Measurement {
	const window = signal.windowDays;
	const tallies = window === undefined ? all : all.filter(({ ageDays }) => ageDays <= window);
	const numeric = (): Tally[] => tallies.filter(({ max }) => max !== null);
	switch (signal.aggregation) {
		case 'count':
			return {
				value: tallies.reduce((total, { count }) => total + count, 0),
				units: tallies.map(({ count, ageDays }) => ({ amount: count, ageDays })),
			};
		case 'exists':
			return tallies.length === 0
				? { value: 0, units: [] }
				: { value: 1, units: [{ amount: 1, ageDays: youngestAge(tallies) }] };
		case 'distinctDays':
			return distinctDays(tallies, clock);
		case 'sum': {
			const units = numeric().map(({ sum, ageDays }) => ({ amount: sum, ageDays }));
			return { value: units.reduce((total, unit) => total + unit.amount, 0), units };
		}
		case 'max': {
			const candidates = numeric();
			if (candidates.length === 0) return { value: null, units: [] };
			const top = candidates.reduce((best, tally) => ((tally.max ?? 0) > (best.max ?? 0) ? tally : best));
			return { value: top.max, units: [{ amount: top.max ?? 0, ageDays: top.ageDays }] };
		}
		case 'daysSinceLastSeen': {
			if (tallies.length === 0) return { value: null, units: [] };
			const days = Math.floor(youngestAge(tallies));
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
		: measureTallies(signal, subject.tallies.get(signal.key) ?? [], clock);
}

export function measureAll(signals: SignalDefinition[], subject: Subject, clock: Clock): Measurements {
	return new Map(signals.map((signal) => [signal.key, { signal, ...measureSignal(signal, subject, clock) }]));
}

import type { FieldSource, ScoringModel, SignalDefinition, SignalValue } from '../contract/pql';
import { valueAtPath } from '../shared/fieldPath';
import { toNumber } from '../shared/values';
import { latestValue } from './profiles';
import type { Clock, Subject, Tally } from './subject';
import { dayReader } from './time';

/** One countable piece of a measurement and how old it is, so points can decay with age. */
export interface Unit {
	amount: number;
	ageDays: number;
}

export interface Measurement {
	value: SignalValue;
	/** What the value is made of, with ages, for decay; their amounts add up to the value. Empty when nothing decays. */
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
	const dayOf = dayReader(clock.timeZone);
	for (const tally of tallies) {
		if (tally.day === null) {
			earlier.push({ amount: tally.days, ageDays: tally.ageDays });
			continue;
		}
		const day = tally.day ?? dayOf(tally.ms);
		const known = latestPerDay.get(day);
		latestPerDay.set(day, known === undefined ? tally.ageDays : Math.min(known, tally.ageDays));
	}
	const units = earlier;
	latestPerDay.forEach((ageDays) => units.push({ amount: 1, ageDays }));
	let value = 0;
	for (const { amount } of units) value += amount;
	return { value, units };
}

const NO_UNITS: Unit[] = [];

/** The tallies inside the signal's window; the list itself when all are (as events are, already). */
function inWindow(all: Tally[], window: number | undefined): Tally[] {
	if (window === undefined) return all;
	for (const tally of all) if (tally.ageDays > window) return all.filter(({ ageDays }) => ageDays <= window);
	return all;
}

function countOf(tallies: Tally[], withUnits: boolean): Measurement {
	let value = 0;
	for (const { count } of tallies) value += count;
	return { value, units: withUnits ? tallies.map(({ count, ageDays }) => ({ amount: count, ageDays })) : NO_UNITS };
}

function sumOf(tallies: Tally[], withUnits: boolean): Measurement {
	let value = 0;
	for (const { sum, max } of tallies) if (max !== null) value += sum;
	const units = withUnits
		? tallies.filter(({ max }) => max !== null).map(({ sum, ageDays }) => ({ amount: sum, ageDays }))
		: NO_UNITS;
	return { value, units };
}

function maxOf(tallies: Tally[], withUnits: boolean): Measurement {
	let top: Tally | undefined;
	for (const tally of tallies) if (tally.max !== null && (top === undefined || tally.max > (top.max ?? 0))) top = tally;
	if (!top || top.max === null) return { value: null, units: NO_UNITS };
	return { value: top.max, units: withUnits ? [{ amount: top.max, ageDays: top.ageDays }] : NO_UNITS };
}

function measureTallies(signal: SignalDefinition, all: Tally[], clock: Clock, withUnits: boolean): Measurement {
	const tallies = inWindow(all, signal.windowDays);
	switch (signal.aggregation) {
		case 'count':
			return countOf(tallies, withUnits);
		case 'exists':
			return tallies.length === 0
				? { value: 0, units: NO_UNITS }
				: { value: 1, units: withUnits ? [{ amount: 1, ageDays: youngestAge(tallies) }] : NO_UNITS };
		case 'distinctDays': {
			const measurement = distinctDays(tallies, clock);
			return withUnits ? measurement : { value: measurement.value, units: NO_UNITS };
		}
		case 'sum':
			return sumOf(tallies, withUnits);
		case 'max':
			return maxOf(tallies, withUnits);
		case 'daysSinceLastSeen': {
			if (tallies.length === 0) return { value: null, units: NO_UNITS };
			const days = Math.floor(youngestAge(tallies));
			return { value: days, units: withUnits ? [{ amount: days, ageDays: 0 }] : NO_UNITS };
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

export function measureSignal(signal: SignalDefinition, subject: Subject, clock: Clock, withUnits = true): Measurement {
	const { source } = signal;
	return source.kind === 'field'
		? measureField(signal, source, subject)
		: measureTallies(signal, subject.tallies.get(signal.key) ?? [], clock, withUnits);
}

/** Units only matter where points decay with age: a weighted model with a half-life. */
export function decays(model: ScoringModel): boolean {
	return model.kind === 'weighted' && [model.halfLifeDays, ...model.points.map(({ halfLifeDays }) => halfLifeDays)].some((days) => (days ?? 0) > 0);
}

export function measureAll(signals: SignalDefinition[], subject: Subject, clock: Clock, withUnits = true): Measurements {
	const measurements: Measurements = new Map();
	for (const signal of signals) {
		const { value, units } = measureSignal(signal, subject, clock, withUnits);
		measurements.set(signal.key, { signal, value, units });
	}
	return measurements;
}

import type { JsonObject } from '../../contract/event';
import { isRecord } from '../../shared/values';
import { FieldError } from '../../shared/fieldError';

/** What some events of one signal add up to: one day's, or all older days'. */
export interface Totals {
	count: number;
	/** Sum of the signal's numeric property; 0 when no event had a number. */
	sum: number;
	/** Largest such number; null when no event had one. */
	max: number | null;
	/** The latest event's time in ms. */
	ms: number;
	/** Distinct days added up: 1 for a day. */
	days: number;
}

export interface StoredSignal {
	/** Calendar day (YYYY-MM-DD, scoring time zone) → that day's totals. */
	days: Map<string, Totals>;
	/** Days older than the detail kept, as one total. */
	earlier: Totals | null;
}

export interface Member {
	email: string | null;
	firstMs: number;
	lastMs: number;
	/** The member's latest values of the fields that field signals and anti-PQL conditions read. */
	fields: JsonObject;
}

/** The account's name as the product last sent it, and when. */
export interface AccountName {
	name: string;
	ms: number;
}

/** Everything an account's scoring needs from its past events, bounded by days, not events. */
export interface HistorySummary {
	signals: Map<string, StoredSignal>;
	members: Map<string, Member>;
	name: AccountName | null;
	/** Hour (ms since the epoch / 3,600,000) an event row was written → hashes of the event ids. */
	seen: Map<number, Set<string>>;
}

export function emptySummary(): HistorySummary {
	return { signals: new Map(), members: new Map(), name: null, seen: new Map() };
}

const EARLIER = 'earlier';
const ID_HASH_LENGTH = 16;
const SECOND_MS = 1000;

/** Midnight UTC of a day key: a day's latest time is stored in seconds from it, shorter than a full time. */
function dayStart(day: string): number {
	return Date.parse(`${day}T00:00:00Z`);
}

/** [count, time, days, sum, max], trailing defaults (1, 0, null) left out. */
function encodeTotals({ count, days, sum, max }: Totals, time: number): Array<number | null> {
	const full: Array<number | null> = [count, time, days, sum, max];
	const defaults: Array<number | null> = [null, null, 1, 0, null];
	let length = full.length;
	while (length > 2 && full[length - 1] === defaults[length - 1]) length--;
	return full.slice(0, length);
}

function finite(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value);
}

/** `time` is seconds from the day's midnight UTC for a day, the time in ms for older days. */
function decodeTotals(value: unknown, path: string, day: string | null): Totals {
	if (Array.isArray(value) && finite(value[0]) && finite(value[1])) {
		const [count, time, days = 1, sum = 0, max = null] = value as unknown[];
		const ms = day === null ? (time as number) : dayStart(day) + (time as number) * SECOND_MS;
		if (finite(days) && finite(sum) && (max === null || finite(max)) && Number.isFinite(ms)) {
			return { count: count as number, ms, days, sum, max };
		}
	}
	throw new FieldError(`The stored history at "${path}" is not a list of totals`, 'data', broken);
}

const broken =
	'The summary row was changed by hand or written by another tool: delete the account\'s summary row to start its history afresh.';

function readSignal(value: unknown, path: string): StoredSignal {
	if (!isRecord(value)) throw new FieldError(`The stored history at "${path}" is not an object`, 'data', broken);
	const days = new Map<string, Totals>();
	let earlier: Totals | null = null;
	for (const [key, totals] of Object.entries(value)) {
		if (key === EARLIER) earlier = decodeTotals(totals, `${path}.${key}`, null);
		else days.set(key, decodeTotals(totals, `${path}.${key}`, key));
	}
	return { days, earlier };
}

function readMember(value: unknown, path: string): Member {
	if (isRecord(value) && finite(value.first) && finite(value.last)) {
		return {
			email: typeof value.email === 'string' ? value.email : null,
			firstMs: value.first,
			lastMs: value.last,
			fields: isRecord(value.fields) ? value.fields : {},
		};
	}
	throw new FieldError(`The stored member at "${path}" has no first and last time`, 'data', broken);
}

function readSeen(value: unknown): Map<number, Set<string>> {
	const seen = new Map<number, Set<string>>();
	if (!isRecord(value)) return seen;
	for (const [hour, hashes] of Object.entries(value)) {
		if (typeof hashes !== 'string' || !/^\d+$/.test(hour)) continue;
		const set = new Set<string>();
		for (let at = 0; at + ID_HASH_LENGTH <= hashes.length; at += ID_HASH_LENGTH) set.add(hashes.slice(at, at + ID_HASH_LENGTH));
		seen.set(Number(hour), set);
	}
	return seen;
}

/** `[name, time in ms]`; a summary written before names were kept has none. */
function readName(value: unknown): AccountName | null {
	if (!Array.isArray(value)) return null;
	const [name, ms] = value as unknown[];
	return typeof name === 'string' && name !== '' && finite(ms) ? { name, ms } : null;
}

function parsed(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	let json: unknown;
	try {
		json = JSON.parse(value) as unknown;
	} catch {
		json = undefined;
	}
	if (json === undefined) throw new FieldError('The summary row\'s "data" is not JSON', 'data', broken);
	return json;
}

/** A summary row's `data` (an object, or its JSON text as a text column stores it). */
export function readSummary(data: unknown): HistorySummary {
	const value = parsed(data);
	if (!isRecord(value)) throw new FieldError('The summary row\'s "data" is not an object', 'data', broken);
	const summary = emptySummary();
	for (const [key, signal] of Object.entries(isRecord(value.signals) ? value.signals : {})) {
		summary.signals.set(key, readSignal(signal, `signals.${key}`));
	}
	for (const [id, member] of Object.entries(isRecord(value.members) ? value.members : {})) {
		summary.members.set(id, readMember(member, `members.${id}`));
	}
	summary.seen = readSeen(value.seen);
	summary.name = readName(value.name);
	return summary;
}

/** The JSON text a summary row stores in `data`. */
export function writeSummary(summary: HistorySummary): string {
	const signals: JsonObject = {};
	for (const [key, { days, earlier }] of summary.signals) {
		const stored: JsonObject = earlier ? { [EARLIER]: encodeTotals(earlier, earlier.ms) } : {};
		for (const day of [...days.keys()].sort()) {
			const totals = days.get(day) as Totals;
			stored[day] = encodeTotals(totals, Math.round((totals.ms - dayStart(day)) / SECOND_MS));
		}
		signals[key] = stored;
	}
	const members: JsonObject = {};
	for (const [id, { email, firstMs, lastMs, fields }] of summary.members) {
		members[id] = { email, first: firstMs, last: lastMs, ...(Object.keys(fields).length > 0 ? { fields } : {}) };
	}
	const seen: JsonObject = {};
	for (const [hour, hashes] of summary.seen) if (hashes.size > 0) seen[hour] = [...hashes].join('');
	const name = summary.name ? { name: [summary.name.name, summary.name.ms] } : {};
	return JSON.stringify({ v: 1, signals, members, ...name, seen });
}

import type { JsonObject } from '../contract/event';

/**
 * Events of one signal that count together: one event, or one day (or all older days) of stored
 * history. Times are the latest event's.
 */
export interface Tally {
	count: number;
	/** Sum of the signal's numeric property over the events that had a number; 0 without one. */
	sum: number;
	/** Largest such number; null when no event had one. */
	max: number | null;
	ms: number;
	ageDays: number;
	/** Calendar day in the scoring zone: undefined = the day of `ms`; null = several older days. */
	day?: string | null;
	/** Distinct days folded in: 1, or more for older days kept as one total. */
	days: number;
}

/** What a user or an account is measured on. */
export interface Subject {
	/** Per event signal key, its tallies oldest first; none later than "now". */
	tallies: Map<string, Tally[]>;
	/** How many events the entity has, none later than "now". */
	events: number;
	/** One per member, least recently active first; a user has one. */
	profiles: JsonObject[];
	emails: string[];
	daysSinceLastSeen: number | null;
	/**
	 * How many people the entity stands for: an account's members, 1 for a user outside any account;
	 * null for a user inside an account scored alone, whose team is not in view.
	 */
	people: number | null;
}

export interface Clock {
	nowMs: number;
	/** `nowMs` as ISO 8601, written into every result. */
	nowIso: string;
	timeZone: string;
}

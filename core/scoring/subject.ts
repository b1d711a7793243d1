import type { CanonicalEvent, JsonObject } from '../contract/event';

export interface TimedEvent {
	event: CanonicalEvent;
	ms: number;
	ageDays: number;
}

/** What a user or an account is measured on. */
export interface Subject {
	/** Oldest first; none later than "now". */
	events: TimedEvent[];
	/** One per member, least recently active first; a user has one. */
	profiles: JsonObject[];
	emails: string[];
	daysSinceLastSeen: number | null;
}

export interface Clock {
	nowMs: number;
	timeZone: string;
}

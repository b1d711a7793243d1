import type { CanonicalEvent, EventSource, EventType, JsonObject } from '../contract/event';
import type { PreviousState, UserInput } from '../contract/pql';
import { isRecord } from './fieldPath';
import { ScoringError } from './scoringError';
import { isoToMillis } from './time';

export interface EventItem {
	index: number;
	event: CanonicalEvent;
	json: JsonObject;
	previous: PreviousState[];
	/** The event's time in ms; read from `timestamp` when absent. */
	ms?: number;
}

const EVENT_TYPES: readonly EventType[] = ['track', 'identify', 'group', 'page', 'screen', 'alias'];

function text(json: JsonObject, key: string): string | null {
	const value = json[key];
	return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** Objects stay; JSON text (as a Data Table column stores an object) is parsed; anything else is empty. */
function object(json: JsonObject, key: string): JsonObject {
	const value = json[key];
	if (isRecord(value)) return value;
	if (typeof value !== 'string' || !value.trim().startsWith('{')) return {};
	try {
		const parsed: unknown = JSON.parse(value);
		return isRecord(parsed) ? parsed : {};
	} catch {
		return {};
	}
}

/**
 * Reads a canonical event and its time in ms from an item, tolerating what a Data Table round trip
 * does to it; fails naming the field when the event cannot be scored.
 */
export function readTimedEvent(json: JsonObject): { event: CanonicalEvent; ms: number } {
	const event = text(json, 'event');
	if (!event) throw new ScoringError('The item has no event name', 'event', 'Map "event" to the name of the event.');
	const timestamp = text(json, 'timestamp');
	const ms = timestamp ? isoToMillis(timestamp) : Number.NaN;
	if (!timestamp || Number.isNaN(ms)) {
		throw new ScoringError(
			`The item's timestamp "${String(json.timestamp ?? '')}" is not an ISO 8601 date`,
			'timestamp',
			'Give "timestamp" as ISO 8601, e.g. 2026-11-27T09:30:00Z.',
		);
	}
	const traits = object(json, 'traits');
	const email = text(json, 'email') ?? text(traits, 'email');
	const userId = text(json, 'userId');
	const anonymousId = text(json, 'anonymousId');
	if (!userId && !email && !anonymousId) {
		throw new ScoringError(
			'The item has no userId, email or anonymousId',
			'userId',
			'Map "userId" (or "email") so the event can be attributed to a user.',
		);
	}
	const source: EventSource = text(json, 'source') === 'segment' ? 'segment' : 'posthog';
	const canonical: CanonicalEvent = {
		source,
		type: EVENT_TYPES.find((candidate) => candidate === json.type) ?? 'track',
		event,
		userId,
		anonymousId,
		email,
		accountId: text(json, 'accountId'),
		timestamp,
		receivedAt: text(json, 'receivedAt') ?? timestamp,
		messageId: text(json, 'messageId') ?? '',
		properties: object(json, 'properties'),
		traits,
		context: object(json, 'context'),
	};
	return { event: canonical, ms };
}

/** {@link readTimedEvent} without the time. */
export function readEvent(json: JsonObject): CanonicalEvent {
	return readTimedEvent(json).event;
}

/** The user an event belongs to: userId, else e-mail, else anonymous id. */
export function userKey(event: CanonicalEvent): string {
	return event.userId ?? event.email ?? event.anonymousId ?? '';
}

interface Timed {
	item: EventItem;
	ms: number;
}

function oldestFirst(items: EventItem[]): Timed[] {
	return items
		.map((item) => ({ item, ms: item.ms ?? isoToMillis(item.event.timestamp) }))
		.sort((a, b) => a.ms - b.ms || a.item.index - b.item.index);
}

/** The same event delivered again (same `messageId`) counts once: the first delivery stays. */
function firstDeliveries(ordered: Timed[]): Timed[] {
	const seen = new Set<string>();
	return ordered.filter(({ item: { event } }) => {
		if (event.messageId === '') return true;
		if (seen.has(event.messageId)) return false;
		seen.add(event.messageId);
		return true;
	});
}

function latest<T>(ordered: Timed[], pick: (event: CanonicalEvent) => T | null): T | null {
	for (let index = ordered.length - 1; index >= 0; index--) {
		const value = pick(ordered[index].item.event);
		if (value !== null) return value;
	}
	return null;
}

function toUser(id: string, items: EventItem[]): UserInput {
	const ordered = oldestFirst(items);
	// Later items win field by field, so enrichment added to any item stays visible.
	const profile: JsonObject = {};
	const traits: JsonObject = {};
	for (const { item } of ordered) {
		Object.assign(profile, item.json);
		Object.assign(traits, item.event.traits);
	}
	profile.traits = traits;
	const events = firstDeliveries(ordered);
	return {
		id,
		email: latest(ordered, (event) => event.email),
		accountId: latest(ordered, (event) => event.accountId),
		events: events.map(({ item }) => item.event),
		eventTimes: events.map(({ ms }) => ms),
		profile,
		lastSeenAt: null,
		previous: ordered.flatMap(({ item }) => item.previous),
		items: ordered.map(({ item }) => item.index),
	};
}

/** Groups events into users in order of first appearance. */
export function usersFromEvents(items: EventItem[]): UserInput[] {
	const groups = new Map<string, EventItem[]>();
	for (const item of items) {
		const key = userKey(item.event);
		const group = groups.get(key);
		if (group) group.push(item);
		else groups.set(key, [item]);
	}
	return [...groups].map(([id, group]) => toUser(id, group));
}

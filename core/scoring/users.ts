import type { CanonicalEvent, EventType, JsonObject } from '../contract/event';
import type { PreviousState, UserInput } from '../contract/pql';
import { isRecord } from '../shared/values';
import { FieldError } from '../shared/fieldError';
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
const EVENT_TYPE_SET: ReadonlySet<EventType> = new Set(EVENT_TYPES);


/** Text with something other than white space in it. */
function visible(value: unknown): value is string {
	if (typeof value !== 'string' || value === '') return false;
	// Most text starts with a visible character: only the rest needs trimming to be judged.
	return value.charCodeAt(0) > 32 || value.trim() !== '';
}

function text(json: JsonObject, key: string): string | null {
	const value = json[key];
	return visible(value) ? value : null;
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

const visibleOrNull = (value: unknown): boolean => value === null || visible(value);

/**
 * Whether the item is a canonical event exactly as {@link normalised} would make it (what PQL
 * Trigger emits): then it is used as it is, which spares a copy per event of a large batch.
 */
function canonicalAlready(json: JsonObject): boolean {
	return (
		(json.source === 'posthog' || json.source === 'segment') &&
		EVENT_TYPE_SET.has(json.type as EventType) &&
		visible(json.event) &&
		visible(json.timestamp) &&
		visible(json.receivedAt) &&
		visibleOrNull(json.userId) &&
		visibleOrNull(json.anonymousId) &&
		visibleOrNull(json.accountId) &&
		visibleOrNull(json.accountName) &&
		(json.messageId === '' || visible(json.messageId)) &&
		isRecord(json.properties) &&
		isRecord(json.traits) &&
		isRecord(json.context) &&
		(visible(json.email) || (json.email === null && text(json.traits, 'email') === null))
	);
}

/** A canonical event from whatever the item holds, e.g. a Data Table row with objects as JSON text. */
function normalised(json: JsonObject): CanonicalEvent {
	const traits = object(json, 'traits');
	const timestamp = text(json, 'timestamp') ?? '';
	return {
		source: text(json, 'source') === 'segment' ? 'segment' : 'posthog',
		type: EVENT_TYPES.find((candidate) => candidate === json.type) ?? 'track',
		event: text(json, 'event') ?? '',
		userId: text(json, 'userId'),
		anonymousId: text(json, 'anonymousId'),
		email: text(json, 'email') ?? text(traits, 'email'),
		accountId: text(json, 'accountId'),
		accountName: text(json, 'accountName'),
		timestamp,
		receivedAt: text(json, 'receivedAt') ?? timestamp,
		messageId: text(json, 'messageId') ?? '',
		properties: object(json, 'properties'),
		traits,
		context: object(json, 'context'),
	};
}

function namedEvent(json: JsonObject): CanonicalEvent {
	const event = canonicalAlready(json) ? (json as unknown as CanonicalEvent) : normalised(json);
	if (event.event) return event;
	throw new FieldError('The item has no event name', 'event', 'Map "event" to the name of the event.');
}

function millisOf(event: CanonicalEvent, json: JsonObject): number {
	const ms = event.timestamp ? isoToMillis(event.timestamp) : Number.NaN;
	if (!Number.isNaN(ms)) return ms;
	throw new FieldError(
		`The item's timestamp "${String(json.timestamp ?? '')}" is not an ISO 8601 date`,
		'timestamp',
		'Give "timestamp" as ISO 8601, e.g. 2026-11-27T09:30:00Z.',
	);
}

function requireUser(event: CanonicalEvent): void {
	if (event.userId || event.email || event.anonymousId) return;
	throw new FieldError(
		'The item has no userId, email or anonymousId',
		'userId',
		'Map "userId" (or "email") so the event can be attributed to a user.',
	);
}

/**
 * Reads a canonical event and its time in ms from an item, tolerating what a Data Table round trip
 * does to it; fails naming the field when the event cannot be scored.
 */
export function readTimedEvent(json: JsonObject): { event: CanonicalEvent; ms: number } {
	const event = namedEvent(json);
	const ms = millisOf(event, json);
	requireUser(event);
	return { event, ms };
}

/** {@link readTimedEvent} without the time. */
export function readEvent(json: JsonObject): CanonicalEvent {
	return readTimedEvent(json).event;
}

/** The user an event belongs to: userId, else e-mail, else anonymous id. */
export function userKey(event: CanonicalEvent): string {
	return event.userId ?? event.email ?? event.anonymousId ?? '';
}

/** A user's items as they arrive: parallel lists, no object per event. */
interface Collected {
	id: string;
	/** Every item of the user, with its event's time. */
	indexes: number[];
	itemTimes: number[];
	/** First deliveries only: the events that count, their times and items. */
	events: CanonicalEvent[];
	times: number[];
	jsons: JsonObject[];
	previous: PreviousState[];
	/** Whether the times arrived in order, so that nothing needs sorting. */
	inOrder: boolean;
}

/** Positions in time order, the earlier arrival first among equal times. */
function timeOrder(times: number[]): number[] {
	return times.map((_, at) => at).sort((a, b) => times[a] - times[b] || a - b);
}

/** Later items win field by field, so enrichment added to any item stays visible. */
function mergedProfile(jsons: JsonObject[], events: CanonicalEvent[]): JsonObject {
	const profile: JsonObject = {};
	const traits: JsonObject = {};
	jsons.forEach((json, at) => {
		Object.assign(profile, json);
		Object.assign(traits, events[at].traits);
	});
	profile.traits = traits;
	return profile;
}

function toUser({ id, indexes, itemTimes, events, times, jsons, previous, inOrder }: Collected): UserInput {
	const order = inOrder ? undefined : timeOrder(times);
	const pick = <T>(values: T[]): T[] => (order ? order.map((at) => values[at]) : values);
	const ordered = { events: pick(events), times: pick(times), jsons: pick(jsons) };
	let email: string | null = null;
	let accountId: string | null = null;
	for (const event of ordered.events) {
		email = event.email ?? email;
		accountId = event.accountId ?? accountId;
	}
	let profile: JsonObject | undefined;
	return {
		id,
		email,
		accountId,
		events: ordered.events,
		eventTimes: ordered.times,
		// Merged on first read: only field signals and anti-PQL conditions read it, and merging every
		// item of a large batch costs more than scoring it.
		get profile(): JsonObject {
			return (profile ??= mergedProfile(ordered.jsons, ordered.events));
		},
		set profile(value: JsonObject) {
			profile = value;
		},
		lastSeenAt: null,
		previous,
		// Without a delivery repeated, the items are the events: same times, same order.
		items: order === undefined ? indexes : (indexes.length === times.length ? order : timeOrder(itemTimes)).map((at) => indexes[at]),
	};
}

/**
 * Groups events into users as they are read, in order of first appearance, without an object per
 * event. An event delivered again (same `messageId`) counts once: the first delivery stays, the
 * others are only paired with the user's result.
 */
export class UserCollector {
	private readonly collected = new Map<string, Collected>();
	private readonly delivered = new Set<string>();

	add(index: number, event: CanonicalEvent, ms: number, json: JsonObject, previous: PreviousState[]): void {
		const key = userKey(event);
		let user = this.collected.get(key);
		if (!user) {
			user = { id: key, indexes: [], itemTimes: [], events: [], times: [], jsons: [], previous: [], inOrder: true };
			this.collected.set(key, user);
		}
		if (user.itemTimes.length > 0 && ms < user.itemTimes[user.itemTimes.length - 1]) user.inOrder = false;
		user.indexes.push(index);
		user.itemTimes.push(ms);
		if (previous.length > 0) user.previous.push(...previous);
		if (event.messageId !== '') {
			// One look-up: a set that does not grow already had the id.
			const known = this.delivered.size;
			if (this.delivered.add(event.messageId).size === known) return;
		}
		user.events.push(event);
		user.times.push(ms);
		user.jsons.push(json);
	}

	/** Reads the item's event (failing as {@link readTimedEvent} does) and adds it. */
	addItem(index: number, json: JsonObject, previous: PreviousState[]): void {
		const event = namedEvent(json);
		const ms = millisOf(event, json);
		requireUser(event);
		this.add(index, event, ms, json, previous);
	}

	users(): UserInput[] {
		return [...this.collected.values()].map(toUser);
	}
}

/** Groups events into users in order of first appearance. */
export function usersFromEvents(items: EventItem[]): UserInput[] {
	const collector = new UserCollector();
	for (const { index, event, ms, json, previous } of items) {
		collector.add(index, event, ms ?? isoToMillis(event.timestamp), json, previous);
	}
	return collector.users();
}

/** Where an event came from. */
export type EventSource = 'posthog' | 'segment';

/** Segment's message types; PostHog's `$identify`, `$groupidentify` and `$pageview` map onto them. */
export type EventType = 'track' | 'identify' | 'group' | 'page' | 'screen' | 'alias';

export type JsonObject = { [key: string]: unknown };

/**
 * The canonical event PQL Trigger emits, one item per event, and every other node reads.
 * Times are ISO 8601 in UTC.
 */
export interface CanonicalEvent {
	source: EventSource;
	type: EventType;
	/** Event name: `event` for track calls, `$identify`/`$pageview`-style names otherwise. */
	event: string;
	userId: string | null;
	anonymousId: string | null;
	email: string | null;
	/** Group / company key: PostHog `$groups` (first group type, `company` preferred), Segment `groupId`. */
	accountId: string | null;
	/**
	 * The account's name when the product sends one: PostHog `$group_set.name` of a group event or the
	 * destination's group `properties.name`; Segment group `traits.name`, or `traits.company.name`.
	 */
	accountName: string | null;
	timestamp: string;
	receivedAt: string;
	/** Stable id for de-duplication: PostHog `uuid`, Segment `messageId`, else a content hash. */
	messageId: string;
	properties: JsonObject;
	traits: JsonObject;
	context: JsonObject;
}

import type { EventType } from '../contract/event';

/** PostHog's special events and the Segment call each one stands for; any other event is a track. */
export const POSTHOG_TYPE_OF_EVENT: ReadonlyMap<string, EventType> = new Map<string, EventType>([
	['$identify', 'identify'],
	['$set', 'identify'],
	['$groupidentify', 'group'],
	['$pageview', 'page'],
	['$screen', 'screen'],
	['$create_alias', 'alias'],
]);

/** Segment calls other than track are named like PostHog's, so one rule matches both sources. */
export const EVENT_NAME_OF_TYPE: Readonly<Record<Exclude<EventType, 'track'>, string>> = {
	identify: '$identify',
	group: '$groupidentify',
	page: '$pageview',
	screen: '$screen',
	alias: '$create_alias',
};

export const SEGMENT_TYPES: ReadonlySet<string> = new Set<EventType>([
	'track',
	'identify',
	'group',
	'page',
	'screen',
	'alias',
]);

export function isEventType(value: unknown): value is EventType {
	return typeof value === 'string' && SEGMENT_TYPES.has(value);
}

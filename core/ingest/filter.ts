import { POSTHOG_TYPE_OF_EVENT } from './event-names';

export interface EventFilterOptions {
	/** When not empty, only events matching one of these pass, `$` events included. */
	allow: readonly string[];
	/** Events matching one of these never pass, whatever `allow` says. */
	deny: readonly string[];
	/** Let every `$`-prefixed PostHog event through, not only the identity and page ones. */
	includeSystemEvents: boolean;
}

export const DEFAULT_FILTER: Readonly<EventFilterOptions> = {
	allow: [],
	deny: [],
	includeSystemEvents: false,
};

/** The `$` events that carry identity, group or page data: scoring needs them. */
export const KEPT_SYSTEM_EVENTS: readonly string[] = [...POSTHOG_TYPE_OF_EVENT.keys()];

type Matcher = (eventName: string) => boolean;

/** `name` matches exactly; `prefix*` matches every name that starts with `prefix`. */
function matcher(patterns: readonly string[]): Matcher {
	const cleaned = patterns.map((pattern) => pattern.trim()).filter((pattern) => pattern !== '');
	const exact = new Set(cleaned.filter((pattern) => !pattern.endsWith('*')));
	const prefixes = cleaned
		.filter((pattern) => pattern.endsWith('*'))
		.map((pattern) => pattern.slice(0, -1));
	return (eventName) =>
		exact.has(eventName) || prefixes.some((prefix) => eventName.startsWith(prefix));
}

export function createEventFilter(options: Partial<EventFilterOptions> = {}): Matcher {
	const { allow, deny, includeSystemEvents } = { ...DEFAULT_FILTER, ...options };
	const isDenied = matcher(deny);
	const isAllowed = matcher(allow);
	const isKeptSystemEvent = matcher(KEPT_SYSTEM_EVENTS);
	const hasAllowList = allow.some((pattern) => pattern.trim() !== '');
	return (eventName) => {
		if (isDenied(eventName)) return false;
		if (hasAllowList) return isAllowed(eventName);
		return includeSystemEvents || !eventName.startsWith('$') || isKeptSystemEvent(eventName);
	};
}

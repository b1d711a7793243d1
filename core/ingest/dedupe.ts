import type { CanonicalEvent } from '../contract/event';

/** The first event of each `messageId` wins, as senders retry with the same id. */
export function dedupeByMessageId(events: readonly CanonicalEvent[]): CanonicalEvent[] {
	const seen = new Set<string>();
	return events.filter((event) => {
		if (seen.has(event.messageId)) return false;
		seen.add(event.messageId);
		return true;
	});
}

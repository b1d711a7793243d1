import type { JsonObject } from '../../contract/event';
import type { EventsWithoutAccount } from '../../contract/pql';
import { groupAccounts } from '../accounts';
import type { EventItem } from '../users';
import { userKey, usersFromEvents } from '../users';

/** An event as one row of the history table: exactly its columns, so n8n can map them automatically. */
export interface EventRow {
	accountId: string;
	kind: 'event';
	eventId: string;
	userId: string;
	email: string | null;
	event: string;
	timestamp: string;
	/** JSON text: the event's `properties` and `traits`, what signals and fields read, and its `accountName`. */
	data: string;
}

export interface PreparedRows {
	rows: Array<{ row: EventRow; index: number }>;
	/** Input items left out: events without an account (with `emailDomain`: of users no account takes in). */
	withoutAccount: number[];
}

function dataOf({ properties, traits, accountName }: EventItem['event']): string {
	const data: JsonObject = {};
	// Kept in `data`, not a column of its own, so history tables made before it need no new column.
	if (accountName) data.accountName = accountName;
	if (Object.keys(properties).length > 0) data.properties = properties;
	if (Object.keys(traits).length > 0) data.traits = traits;
	return JSON.stringify(data);
}

/**
 * One history row per event, under the event's own account. Without one, `skip` leaves the event
 * out — whatever else its user sent in the same batch, so what is stored never depends on how events
 * were batched — and `emailDomain` files it under its user's work e-mail domain, as scoring does.
 */
export function historyRows(items: EventItem[], withoutAccount: EventsWithoutAccount): PreparedRows {
	const accountOfItem = new Map<number, string>();
	const left: number[] = [];
	if (withoutAccount === 'emailDomain') {
		const { groups, unassigned } = groupAccounts(usersFromEvents(items), (user) => user, withoutAccount);
		for (const { id, members } of groups) for (const user of members) for (const item of user.items) accountOfItem.set(item, id);
		left.push(...unassigned.flatMap(({ items: indexes }) => indexes));
	} else {
		left.push(...items.filter(({ event }) => !event.accountId).map(({ index }) => index));
	}
	const rows = items.flatMap(({ index, event }) => {
		const accountId = event.accountId ?? accountOfItem.get(index);
		if (!accountId) return [];
		const row: EventRow = {
			accountId,
			kind: 'event',
			eventId: event.messageId,
			userId: userKey(event),
			email: event.email,
			event: event.event,
			timestamp: event.timestamp,
			data: dataOf(event),
		};
		return [{ row, index }];
	});
	return { rows, withoutAccount: left.sort((a, b) => a - b) };
}

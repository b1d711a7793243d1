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
	/** Input items of users that belong to no account, left out. */
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
 * One history row per event, under the event's account — or, without one, the account its user
 * joins by the same rule as scoring (`withoutAccount`); events of users without an account are left out.
 */
export function historyRows(items: EventItem[], withoutAccount: EventsWithoutAccount): PreparedRows {
	const users = usersFromEvents(items);
	const { groups, unassigned } = groupAccounts(users, (user) => user, withoutAccount);
	const accountOfItem = new Map<number, string>();
	for (const { id, members } of groups) for (const user of members) for (const item of user.items) accountOfItem.set(item, id);
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
	return { rows, withoutAccount: unassigned.flatMap(({ items: indexes }) => indexes).sort((a, b) => a - b) };
}

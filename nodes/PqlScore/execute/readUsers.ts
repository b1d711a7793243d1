import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { PreviousState, UserInput } from '../../../core/contract/pql';
import type { EventItem } from '../../../core/scoring';
import { UserCollector, isoToMillis, readPreviousStates, readTimedEvent } from '../../../core/scoring';
import { FieldError, valueAtPath } from '../../../core/shared';
import { asText } from '../settings/rowValues';
import { failedItem } from '../../shared/run';

export interface ReadUsers {
	users: UserInput[];
	failures: INodeExecutionData[];
	failedItems: Set<number>;
}

type PreviousOf = (item: INodeExecutionData, index: number) => PreviousState[];

/** Shared by every item without one: nothing adds to it. */
const NO_STATES: PreviousState[] = [];

/**
 * Version 1 reads the previous state through a per-item expression; later versions from a field
 * path, read once, which costs nothing per item.
 */
export function previousStateReader(context: IExecuteFunctions): PreviousOf {
	if (context.getNode().typeVersion < 1.1) {
		return (_, index) => readPreviousStates(context.getNodeParameter('previousState', index, undefined));
	}
	const path = asText(context.getNodeParameter('previousStateField', 0, ''));
	return (item) => {
		const value = path ? valueAtPath(item.json, path) : undefined;
		return value === undefined || value === null ? NO_STATES : readPreviousStates(value);
	};
}

function profileUser(context: IExecuteFunctions, item: INodeExecutionData, index: number, previous: PreviousOf): UserInput {
	const value = (name: string): string | null => asText(context.getNodeParameter(name, index, '')) || null;
	const id = value('userId');
	if (!id) throw new FieldError('The item has no user ID', 'User ID', 'Map User ID to a field that holds the user\'s ID.');
	const lastSeenAt = value('lastSeenAt');
	if (lastSeenAt && Number.isNaN(isoToMillis(lastSeenAt))) {
		throw new FieldError(`"${lastSeenAt}" is not an ISO 8601 time`, 'Last Seen At', 'Map Last Seen At to an ISO 8601 time, or leave it empty.');
	}
	return {
		id,
		email: value('email'),
		accountId: value('accountId'),
		events: [],
		profile: item.json,
		lastSeenAt,
		previous: previous(item, index),
		items: [index],
	};
}

function eventItem(item: INodeExecutionData, index: number, previous: PreviousOf): EventItem {
	const { event, ms } = readTimedEvent(item.json);
	return { index, event, ms, json: item.json, previous: previous(item, index) };
}

export interface ReadItems<T> {
	values: T[];
	/** Error items for inputs that could not be read, when the node continues on fail. */
	failures: INodeExecutionData[];
	failedItems: Set<number>;
}

/** Reads every input item; an unreadable item fails alone (or stops the node without continue on fail). */
export function readItems<T>(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	read: (item: INodeExecutionData, index: number) => T,
): ReadItems<T> {
	const values: T[] = [];
	const failures: INodeExecutionData[] = [];
	const failedItems = new Set<number>();
	items.forEach((item, index) => {
		try {
			values.push(read(item, index));
		} catch (error) {
			failures.push(failedItem(context, item, index, error));
			failedItems.add(index);
		}
	});
	return { values, failures, failedItems };
}

/** Events of the input items, each read once. */
export function readEventItems(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	previous: PreviousOf = () => NO_STATES,
): ReadItems<EventItem> {
	return readItems(context, items, (item, index) => eventItem(item, index, previous));
}

/** Users from events (grouped by user as they are read) or from one profile item each. */
export function readUsers(context: IExecuteFunctions, items: INodeExecutionData[]): ReadUsers {
	const previous = previousStateReader(context);
	if (asText(context.getNodeParameter('inputMode', 0)) !== 'profiles') {
		const collector = new UserCollector();
		const { failures, failedItems } = readItems(context, items, (item, index) =>
			collector.addItem(index, item.json, previous(item, index)),
		);
		return { users: collector.users(), failures, failedItems };
	}
	const { values, failures, failedItems } = readItems(context, items, (item, index) => profileUser(context, item, index, previous));
	return { users: values, failures, failedItems };
}

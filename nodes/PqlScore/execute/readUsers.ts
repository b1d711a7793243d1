import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { UserInput } from '../../../core/contract/pql';
import type { EventItem } from '../../../core/scoring';
import { ScoringError, isoToMillis, readEvent, readPreviousStates, usersFromEvents } from '../../../core/scoring';
import { asText } from '../settings/rowValues';
import { toNodeError } from './nodeError';

export interface ReadUsers {
	users: UserInput[];
	/** Error items for inputs that could not be read, when the node continues on fail. */
	failures: INodeExecutionData[];
	failedItems: Set<number>;
}

function profileUser(context: IExecuteFunctions, item: INodeExecutionData, index: number): UserInput {
	const value = (name: string): string | null => asText(context.getNodeParameter(name, index, '')) || null;
	const id = value('userId');
	if (!id) throw new ScoringError('The item has no user ID', 'User ID', 'Map User ID to a field that holds the user\'s ID.');
	const lastSeenAt = value('lastSeenAt');
	if (lastSeenAt && Number.isNaN(isoToMillis(lastSeenAt))) {
		throw new ScoringError(`"${lastSeenAt}" is not an ISO 8601 time`, 'Last Seen At', 'Map Last Seen At to an ISO 8601 time, or leave it empty.');
	}
	return {
		id,
		email: value('email'),
		accountId: value('accountId'),
		events: [],
		profile: item.json,
		lastSeenAt,
		previous: readPreviousStates(context.getNodeParameter('previousState', index, undefined)),
		items: [index],
	};
}

function eventItem(context: IExecuteFunctions, item: INodeExecutionData, index: number): EventItem {
	return {
		index,
		event: readEvent(item.json),
		json: item.json,
		previous: readPreviousStates(context.getNodeParameter('previousState', index, undefined)),
	};
}

/** Per-item values are read with each item's index; an unreadable item fails alone. */
export function readUsers(context: IExecuteFunctions, items: INodeExecutionData[]): ReadUsers {
	const mode = asText(context.getNodeParameter('inputMode', 0));
	const profiles: UserInput[] = [];
	const events: EventItem[] = [];
	const failures: INodeExecutionData[] = [];
	const failedItems = new Set<number>();
	items.forEach((item, index) => {
		try {
			if (mode === 'profiles') profiles.push(profileUser(context, item, index));
			else events.push(eventItem(context, item, index));
		} catch (error) {
			const nodeError = toNodeError(context.getNode(), error, index);
			if (!context.continueOnFail()) throw nodeError;
			failures.push({ json: { error: nodeError.message }, error: nodeError, pairedItem: { item: index } });
			failedItems.add(index);
		}
	});
	return { users: mode === 'profiles' ? profiles : usersFromEvents(events), failures, failedItems };
}

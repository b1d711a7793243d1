import type { CanonicalEvent, EventType, JsonObject } from '../contract/event';
import { buildEvent, type MapContext } from './build-event';
import { reject } from './errors';
import { EVENT_NAME_OF_TYPE, isEventType, SEGMENT_TYPES } from './event-names';
import {
	describeValue,
	firstEmail,
	isJsonObject,
	optionalObject,
	readEventName,
	readFirstId,
	readId,
	requireObject,
	withoutUndefined,
} from './fields';

function readType(value: unknown): EventType {
	if (isEventType(value)) return value;
	if (value === undefined || value === null) reject('type is missing');
	return reject(`type ${describeValue(value)} is not one of ${[...SEGMENT_TYPES].join(', ')}`);
}

/** Spec fields that live beside `properties` for some calls; kept in `properties` so nothing is lost. */
function callProperties(type: EventType, message: JsonObject): JsonObject {
	const properties = optionalObject(message.properties, 'properties');
	const byCall: Partial<Record<EventType, JsonObject>> = {
		page: { name: message.name, category: message.category },
		screen: { name: message.name, category: message.category },
		alias: { previousId: message.previousId },
	};
	return { ...withoutUndefined(byCall[type] ?? {}), ...properties };
}

/**
 * A group call's traits describe the group itself; any call may carry the B2B spec's `company` trait
 * (an object with `name`, or, as many senders do, the name alone). A person's `name` is not the account's.
 */
function accountNameOf(type: EventType, traits: JsonObject): unknown {
	const company = traits.company;
	const companyName = isJsonObject(company) ? company.name : company;
	const groupName = type === 'group' && typeof traits.name === 'string' && traits.name.trim() !== '' ? traits.name : undefined;
	return groupName ?? companyName;
}

/** One Segment spec message: a classic webhook body, an Actions batch entry or an HTTP API call. */
export function mapSegmentMessage(message: unknown, ctx: MapContext): CanonicalEvent {
	const max = ctx.limits.maxIdLength;
	const spec = requireObject(message, 'the event');
	const type = readType(spec.type ?? ctx.impliedType);
	const userId = readId(spec.userId, 'userId', max);
	const anonymousId = readId(spec.anonymousId, 'anonymousId', max);
	if (userId === null && anonymousId === null) {
		reject('userId and anonymousId are both missing: one of them says whose event this is');
	}
	const context = optionalObject(spec.context, 'context');
	const contextTraits = optionalObject(context.traits, 'context.traits');
	const traits = { ...contextTraits, ...optionalObject(spec.traits, 'traits') };
	const properties = callProperties(type, spec);
	return buildEvent(
		{
			source: 'segment',
			type,
			event: type === 'track' ? readEventName(spec.event, 'event', max) : EVENT_NAME_OF_TYPE[type],
			userId,
			anonymousId,
			accountId: readFirstId(
				[
					['groupId', spec.groupId],
					['context.groupId', context.groupId],
				],
				max,
			),
			accountName: accountNameOf(type, traits),
			email: firstEmail([traits.email, contextTraits.email, properties.email]),
			messageId: readId(spec.messageId, 'messageId', max),
			timestamp: spec.timestamp ?? spec.originalTimestamp,
			timestampField: spec.timestamp === undefined ? 'originalTimestamp' : 'timestamp',
			properties,
			traits,
			context,
		},
		ctx,
	);
}

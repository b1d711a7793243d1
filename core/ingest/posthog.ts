import type { CanonicalEvent, JsonObject } from '../contract/event';
import { buildEvent, type MapContext } from './build-event';
import { reject } from './errors';
import { POSTHOG_TYPE_OF_EVENT } from './event-names';
import {
	firstEmail,
	isJsonObject,
	optionalObject,
	readEventName,
	readFirstId,
	readId,
	requireObject,
	withoutUndefined,
} from './fields';

const CONTEXT_KEYS: ReadonlySet<string> = new Set([
	'$lib',
	'$lib_version',
	'$ip',
	'$current_url',
	'$host',
	'$pathname',
	'$referrer',
	'$referring_domain',
	'$browser',
	'$browser_version',
	'$os',
	'$os_version',
	'$device_type',
	'$device_id',
	'$session_id',
	'$window_id',
	'$screen_height',
	'$screen_width',
	'$viewport_height',
	'$viewport_width',
	'$timezone',
	'$raw_user_agent',
]);
const CONTEXT_KEY_PREFIXES: readonly string[] = ['$geoip_'];
const PREFERRED_GROUP_TYPE = 'company';

/** One PostHog event, whichever body it came in. */
interface PostHogEvent {
	/** Where the event sits in the body, for rejection reasons: '' or 'event.'. */
	fieldPrefix: string;
	event: unknown;
	distinctId: unknown;
	uuid: unknown;
	timestamp: unknown;
	offsetMs?: unknown;
	properties: JsonObject;
	/** `$set` / `$set_once` as posthog-js also sends them beside `properties`. */
	topLevel: JsonObject;
	/** The person as PostHog stored it after the event: destination bodies only. */
	personProperties: JsonObject;
	/** Destination `groups`: `{<type>: {id, properties, …}}`. */
	groups: JsonObject;
	extraContext: JsonObject;
}

function isContextKey(key: string): boolean {
	return CONTEXT_KEYS.has(key) || CONTEXT_KEY_PREFIXES.some((prefix) => key.startsWith(prefix));
}

function pickContext(properties: JsonObject): JsonObject {
	return Object.fromEntries(Object.entries(properties).filter(([key]) => isContextKey(key)));
}

function preferredGroupType(groups: JsonObject): string | undefined {
	const types = Object.keys(groups);
	return types.includes(PREFERRED_GROUP_TYPE) ? PREFERRED_GROUP_TYPE : types[0];
}

function accountIdOf(message: PostHogEvent, maxLength: number): string | null {
	const destinationType = preferredGroupType(message.groups);
	const destinationGroup =
		destinationType === undefined ? undefined : message.groups[destinationType];
	const memberships = optionalObject(message.properties.$groups, 'properties.$groups');
	const membershipType = preferredGroupType(memberships);
	return readFirstId(
		[
			[
				`groups.${destinationType}.id`,
				isJsonObject(destinationGroup) ? destinationGroup.id : undefined,
			],
			[
				`properties.$groups.${membershipType}`,
				membershipType === undefined ? undefined : memberships[membershipType],
			],
		],
		maxLength,
	);
}

/** The destination's group the account comes from: its `properties.name` names the account. */
function destinationGroupName(groups: JsonObject): unknown {
	const type = preferredGroupType(groups);
	const group = type === undefined ? undefined : groups[type];
	return isJsonObject(group) && isJsonObject(group.properties) ? group.properties.name : undefined;
}

function toCanonical(message: PostHogEvent, ctx: MapContext): CanonicalEvent {
	const max = ctx.limits.maxIdLength;
	const { fieldPrefix, properties } = message;
	const event = readEventName(message.event, `${fieldPrefix}event`, max);
	const type = POSTHOG_TYPE_OF_EVENT.get(event) ?? 'track';
	const userId = readId(message.distinctId, `${fieldPrefix}distinct_id`, max);
	if (userId === null) reject(`${fieldPrefix}distinct_id is missing: it says whose event this is`);
	const set = {
		...optionalObject(properties.$set_once, 'properties.$set_once'),
		...optionalObject(message.topLevel.$set_once, '$set_once'),
		...optionalObject(properties.$set, 'properties.$set'),
		...optionalObject(message.topLevel.$set, '$set'),
	};
	const isGroupUpdate = type === 'group';
	const groupSet = isGroupUpdate ? optionalObject(properties.$group_set, 'properties.$group_set') : {};
	return buildEvent(
		{
			source: 'posthog',
			type,
			event,
			userId,
			anonymousId: readFirstId(
				[
					['properties.$anon_distinct_id', properties.$anon_distinct_id],
					['properties.$device_id', properties.$device_id],
				],
				max,
			),
			accountId: isGroupUpdate
				? readId(properties.$group_key, 'properties.$group_key', max)
				: accountIdOf(message, max),
			accountName: isGroupUpdate ? groupSet.name : destinationGroupName(message.groups),
			email: firstEmail([set.email, message.personProperties.email, properties.email]),
			messageId: readId(message.uuid, `${fieldPrefix}uuid`, max),
			timestamp: message.timestamp,
			timestampField: `${fieldPrefix}timestamp`,
			offsetMs: message.offsetMs,
			properties,
			traits: isGroupUpdate ? groupSet : { ...set, ...message.personProperties },
			context: { ...pickContext(properties), ...message.extraContext },
		},
		ctx,
	);
}

/** One event of a capture call: `/batch` entries, or the whole body of `/capture` and `/e`. */
export function mapPostHogCapture(message: unknown, ctx: MapContext): CanonicalEvent {
	const capture = requireObject(message, 'the event');
	const properties = optionalObject(capture.properties, 'properties');
	return toCanonical(
		{
			fieldPrefix: '',
			event: capture.event,
			distinctId: capture.distinct_id ?? properties.distinct_id,
			uuid: capture.uuid,
			timestamp: capture.timestamp,
			offsetMs: capture.offset,
			properties,
			topLevel: capture,
			personProperties: {},
			groups: {},
			extraContext: {},
		},
		ctx,
	);
}

/** The body an HTTP Webhook destination posts: `{event, person, groups?}`, current and older field names. */
export function mapPostHogDestination(body: unknown, ctx: MapContext): CanonicalEvent {
	const destination = requireObject(body, 'the body');
	const event = requireObject(destination.event, 'event');
	const person = optionalObject(destination.person, 'person');
	return toCanonical(
		{
			fieldPrefix: 'event.',
			event: event.event ?? event.name,
			distinctId: event.distinct_id,
			uuid: event.uuid,
			timestamp: event.timestamp,
			properties: optionalObject(event.properties, 'event.properties'),
			topLevel: {},
			personProperties: optionalObject(person.properties, 'person.properties'),
			groups: optionalObject(destination.groups, 'groups'),
			extraContext: withoutUndefined({
				eventUrl: event.url,
				personId: person.id ?? person.uuid,
				personName: person.name,
				personUrl: person.url,
			}),
		},
		ctx,
	);
}

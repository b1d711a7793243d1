import type { CanonicalEvent, EventSource, EventType, JsonObject } from '../contract/event';
import type { IngestLimits } from './limits';
import { contentMessageId } from './message-id';
import { resolveEventTime, toIsoUtc } from './time';

export interface MapContext {
	receivedAt: number;
	/** The sender's send time, for formats sent straight from a client library (not from a vendor's servers). */
	sentAt?: unknown;
	/** The call a Segment `/v1/<call>` path names, for messages that leave out `type`. */
	impliedType?: EventType;
	limits: Pick<IngestLimits, 'maxIdLength' | 'maxFutureMs'>;
}

export interface EventDraft {
	source: EventSource;
	type: EventType;
	event: string;
	userId: string | null;
	anonymousId: string | null;
	accountId: string | null;
	accountName?: unknown;
	email: string | null;
	messageId: string | null;
	timestamp: unknown;
	timestampField: string;
	offsetMs?: unknown;
	properties: JsonObject;
	traits: JsonObject;
	context: JsonObject;
}

const MAX_NAME_LENGTH = 255;

/** A name is any non-blank text, trimmed and cut to what a CRM name field holds; anything else is no name. */
function readName(value: unknown): string | null {
	const name = typeof value === 'string' ? value.trim().slice(0, MAX_NAME_LENGTH) : '';
	return name === '' ? null : name;
}

export function buildEvent(draft: EventDraft, ctx: MapContext): CanonicalEvent {
	const time = resolveEventTime({
		timestamp: draft.timestamp,
		timestampField: draft.timestampField,
		offsetMs: draft.offsetMs,
		sentAt: ctx.sentAt,
		receivedAt: ctx.receivedAt,
		maxFutureMs: ctx.limits.maxFutureMs,
	});
	const messageId =
		draft.messageId ??
		contentMessageId({
			source: draft.source,
			id: draft.userId ?? draft.anonymousId ?? '',
			event: draft.event,
			timestamp: time.original === undefined ? '' : toIsoUtc(time.original),
			properties: draft.properties,
		});
	return {
		source: draft.source,
		type: draft.type,
		event: draft.event,
		userId: draft.userId,
		anonymousId: draft.anonymousId,
		email: draft.email,
		accountId: draft.accountId,
		accountName: readName(draft.accountName),
		timestamp: toIsoUtc(time.corrected),
		receivedAt: toIsoUtc(ctx.receivedAt),
		messageId,
		properties: draft.properties,
		traits: draft.traits,
		context: draft.context,
	};
}

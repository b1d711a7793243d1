import type { EventSource, EventType, JsonObject } from '../contract/event';
import { IngestError } from './errors';
import { isEventType } from './event-names';
import { isJsonObject } from './fields';

/** The trigger's webhooks, by name, and the paths (below the trigger's base path) each one answers. */
export const ROUTE_PATHS = {
	default: [''],
	posthogBatch: ['batch'],
	posthogCapture: ['capture', 'e', 'i/v0/e'],
	segmentBatch: ['v1/batch'],
	segmentSingle: ['v1/track', 'v1/identify', 'v1/group', 'v1/page', 'v1/screen', 'v1/alias'],
} as const satisfies Record<string, readonly string[]>;

export type WebhookRoute = keyof typeof ROUTE_PATHS;

export const SOURCE_OF_FORMAT = {
	posthogDestination: 'posthog',
	posthogCaptureBatch: 'posthog',
	posthogCapture: 'posthog',
	segmentWebhook: 'segment',
	segmentActionsBatch: 'segment',
	segmentHttpBatch: 'segment',
	segmentHttpSingle: 'segment',
} as const satisfies Record<string, EventSource>;

export type IngestFormat = keyof typeof SOURCE_OF_FORMAT;

/** Formats a client library sends straight from a machine whose clock may be off, and its send-time field. */
const SENT_AT_FIELD_OF_FORMAT: Partial<Record<IngestFormat, string>> = {
	posthogCaptureBatch: 'sent_at',
	posthogCapture: 'sent_at',
	segmentHttpBatch: 'sentAt',
	segmentHttpSingle: 'sentAt',
};

export interface DetectedPayload {
	format: IngestFormat;
	source: EventSource;
	messages: readonly unknown[];
	apiKey?: string;
	writeKey?: string;
	sentAt?: unknown;
	impliedType?: EventType;
}

const ACCEPTED_SHAPES =
	'a PostHog webhook destination body {"event": {...}, "person": {...}}, a PostHog capture batch {"api_key", "batch": [...]}, ' +
	'a PostHog event {"api_key", "event", "distinct_id", "properties"}, a Segment message {"type", ...}, ' +
	'a JSON array of Segment messages, or a Segment batch {"batch": [...], "writeKey", "sentAt"}';

const SOURCE_NAMES: Readonly<Record<EventSource, string>> = {
	posthog: 'PostHog',
	segment: 'Segment',
};

function unknownFormat(expected: string): IngestError {
	return new IngestError(
		'unknownFormat',
		`The body is not ${expected}.`,
		`This trigger accepts ${ACCEPTED_SHAPES}. Check the sender's URL and body template.`,
	);
}

/** A batch without `api_key` or `writeKey`: its first entry tells PostHog's `distinct_id` from Segment's ids. */
function batchSource(body: JsonObject, hint: EventSource | undefined): EventSource | undefined {
	if ('api_key' in body || 'sent_at' in body) return 'posthog';
	if ('writeKey' in body || 'sentAt' in body) return 'segment';
	if (hint) return hint;
	const first = (body.batch as unknown[]).find(isJsonObject);
	if (first && 'distinct_id' in first) return 'posthog';
	if (first && ('userId' in first || 'anonymousId' in first)) return 'segment';
	return undefined;
}

function formatByShape(body: unknown, hint: EventSource | undefined): IngestFormat {
	if (Array.isArray(body))
		return hint === 'posthog' ? 'posthogCaptureBatch' : 'segmentActionsBatch';
	if (!isJsonObject(body)) throw unknownFormat('a JSON object or array');
	if (Array.isArray(body.batch)) {
		const source = batchSource(body, hint);
		if (source === 'posthog') return 'posthogCaptureBatch';
		if (source === 'segment') return 'segmentHttpBatch';
		throw unknownFormat('a batch whose entries look like PostHog or Segment events');
	}
	if (isJsonObject(body.event)) return 'posthogDestination';
	if (isEventType(body.type)) return 'segmentWebhook';
	if (typeof body.event === 'string' && ('distinct_id' in body || 'api_key' in body))
		return 'posthogCapture';
	throw unknownFormat('a PostHog or Segment payload');
}

function formatByRoute(
	route: WebhookRoute,
	body: unknown,
	hint: EventSource | undefined,
): IngestFormat {
	const isBatch = Array.isArray(body) || (isJsonObject(body) && Array.isArray(body.batch));
	switch (route) {
		case 'default':
			return formatByShape(body, hint);
		case 'posthogBatch':
			if (isBatch) return 'posthogCaptureBatch';
			throw unknownFormat('a PostHog capture batch {"api_key", "batch": [...]}');
		case 'posthogCapture':
			if (isBatch) return 'posthogCaptureBatch';
			if (isJsonObject(body)) return 'posthogCapture';
			throw unknownFormat('a PostHog event object');
		case 'segmentBatch':
			if (isJsonObject(body) && Array.isArray(body.batch)) return 'segmentHttpBatch';
			throw unknownFormat('a Segment batch {"batch": [...], "writeKey", "sentAt"}');
		case 'segmentSingle':
			if (isJsonObject(body)) return 'segmentHttpSingle';
			throw unknownFormat('a Segment message object');
	}
}

function messagesOf(format: IngestFormat, body: unknown): readonly unknown[] {
	if (Array.isArray(body)) return body;
	if (isJsonObject(body) && (format === 'posthogCaptureBatch' || format === 'segmentHttpBatch')) {
		return body.batch as unknown[];
	}
	return [body];
}

function stringField(body: unknown, key: string): string | undefined {
	const value = isJsonObject(body) ? body[key] : undefined;
	return typeof value === 'string' ? value : undefined;
}

function impliedTypeOf(path: string | undefined): EventType | undefined {
	const call = (path ?? '').replace(/\/+$/, '').split('/').pop();
	return isEventType(call) ? call : undefined;
}

/**
 * Which sender and body format a request is, from the webhook it reached and the body's shape.
 * `forcedSource` (the node's Source setting) breaks ties and refuses the other vendor's payloads.
 */
export function detectPayload(request: {
	route: WebhookRoute;
	body: unknown;
	forcedSource?: EventSource;
	path?: string;
}): DetectedPayload {
	const { route, body, forcedSource } = request;
	const format = formatByRoute(route, body, forcedSource);
	const source: EventSource = SOURCE_OF_FORMAT[format];
	if (forcedSource && source !== forcedSource) {
		throw new IngestError(
			'sourceMismatch',
			`The body is a ${SOURCE_NAMES[source]} payload, but this trigger accepts only ${SOURCE_NAMES[forcedSource]}.`,
			"Change the trigger's Source setting or the sender's URL.",
		);
	}
	const posthog = source === 'posthog';
	const sentAtField = SENT_AT_FIELD_OF_FORMAT[format];
	return {
		format,
		source,
		messages: messagesOf(format, body),
		apiKey: posthog ? stringField(body, 'api_key') : undefined,
		writeKey: posthog ? undefined : stringField(body, 'writeKey'),
		sentAt: sentAtField === undefined || !isJsonObject(body) ? undefined : body[sentAtField],
		impliedType: route === 'segmentSingle' ? impliedTypeOf(request.path) : undefined,
	};
}

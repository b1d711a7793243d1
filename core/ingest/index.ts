import type { CanonicalEvent, EventSource } from '../contract/event';
import { attempt } from './attempt';
import { readJsonBody, type RawBody } from './body';
import type { MapContext } from './build-event';
import { dedupeByMessageId } from './dedupe';
import { detectPayload, type IngestFormat, type WebhookRoute } from './detect';
import { FieldError } from '../shared/fieldError';
import { IngestError } from './errors';
import { createEventFilter, type EventFilterOptions } from './filter';
import { assertEventCount, sanitizeJson } from './guard';
import { headerValue, type RequestHeaders } from './headers';
import { DEFAULT_LIMITS, type IngestLimits } from './limits';
import { mapPostHogCapture, mapPostHogDestination } from './posthog';
import { mapSegmentMessage } from './segment';

export {
	parseBasicAuth,
	parseBearerToken,
	safeEqual,
	unauthorizedError,
	verifySegmentSignature,
	type BasicCredentials,
} from './auth';
export { authenticate, type AuthMode, type AuthPolicy, type PostHogSecret, type SegmentSecret } from './authenticate';
export { isJsonMediaType, type RawBody } from './body';
export type { EventSource } from '../contract/event';
export { ROUTE_PATHS, SOURCE_OF_FORMAT, type IngestFormat, type WebhookRoute } from './detect';
export { IngestError, type IngestErrorCode, type IngestStatus } from './errors';
export {
	createEventFilter,
	DEFAULT_FILTER,
	KEPT_SYSTEM_EVENTS,
	type EventFilterOptions,
} from './filter';
export { headerValue, type RequestHeaders } from './headers';
export { DEFAULT_LIMITS, type IngestLimits } from './limits';

export interface IngestRequest {
	/** The name of the webhook the request reached. */
	route: WebhookRoute;
	/** As n8n hands it over: parsed JSON, or text / bytes for text/plain bodies. */
	body: unknown;
	/** The exact bytes received, when n8n kept them: used for the size limit. */
	rawBody?: RawBody;
	headers?: RequestHeaders;
	/** The request path: tells Segment's `/v1/track` from `/v1/identify` when a body leaves out `type`. */
	path?: string;
	receivedAt: Date;
	/** The trigger's Source setting, when it is not "any". */
	forcedSource?: EventSource;
}

export interface IngestOptions {
	filter?: Partial<EventFilterOptions>;
	limits?: Partial<IngestLimits>;
}

export interface RejectedEvent {
	/** Position in the request's batch; 0 for single-event bodies. */
	index: number;
	reason: string;
}

export interface IngestResult {
	source: EventSource;
	format: IngestFormat;
	events: CanonicalEvent[];
	rejected: RejectedEvent[];
	duplicates: number;
	filtered: number;
	/** PostHog's project `api_key` from the body, for the trigger to check. */
	apiKey?: string;
	/** Segment's `writeKey` from the body, for the trigger to check. */
	writeKey?: string;
}

type Mapper = (message: unknown, ctx: MapContext) => CanonicalEvent;

const MAPPER_OF_FORMAT: Readonly<Record<IngestFormat, Mapper>> = {
	posthogDestination: mapPostHogDestination,
	posthogCaptureBatch: mapPostHogCapture,
	posthogCapture: mapPostHogCapture,
	segmentWebhook: mapSegmentMessage,
	segmentActionsBatch: mapSegmentMessage,
	segmentHttpBatch: mapSegmentMessage,
	segmentHttpSingle: mapSegmentMessage,
};

const REASONS_IN_ERROR = 3;

function noValidEvents(rejected: readonly RejectedEvent[]): IngestError {
	const reasons = rejected
		.slice(0, REASONS_IN_ERROR)
		.map(({ index, reason }) => `event ${index}: ${reason}`)
		.join('; ');
	return new IngestError(
		'noValidEvents',
		`None of the ${rejected.length} events in the request can be used (${reasons}).`,
		'Fix the events and send them again.',
	);
}

function mapAll(
	messages: readonly unknown[],
	map: Mapper,
	ctx: MapContext,
): { mapped: CanonicalEvent[]; rejected: RejectedEvent[] } {
	const mapped: CanonicalEvent[] = [];
	const rejected: RejectedEvent[] = [];
	messages.forEach((message, index) => {
		const outcome = attempt(() => map(message, ctx));
		if (outcome.ok) mapped.push(outcome.value);
		// Mapping rejects an event with a FieldError (reject()); anything else is not the event's fault.
		else if (outcome.error instanceof FieldError) rejected.push({ index, reason: outcome.error.message });
		else throw outcome.error;
	});
	return { mapped, rejected };
}

/**
 * Everything the PQL Trigger does to a request before it starts an execution: size and shape
 * checks, format detection, mapping to canonical events, de-duplication and filtering.
 * Throws IngestError when the request as a whole is unusable; the trigger answers its status.
 */
export function ingest(request: IngestRequest, options: IngestOptions = {}): IngestResult {
	const limits: IngestLimits = { ...DEFAULT_LIMITS, ...options.limits };
	const contentType = headerValue(request.headers, 'content-type');
	const parsed = readJsonBody(request.body, request.rawBody, contentType, limits);
	const detected = detectPayload({
		route: request.route,
		body: sanitizeJson(parsed, limits),
		forcedSource: request.forcedSource,
		path: request.path,
	});
	assertEventCount(detected.messages.length, limits);
	const { mapped, rejected } = mapAll(detected.messages, MAPPER_OF_FORMAT[detected.format], {
		receivedAt: request.receivedAt.getTime(),
		sentAt: detected.sentAt,
		impliedType: detected.impliedType,
		limits,
	});
	if (mapped.length === 0 && rejected.length > 0) throw noValidEvents(rejected);
	const unique = dedupeByMessageId(mapped);
	const keep = createEventFilter(options.filter);
	const events = unique.filter((event) => keep(event.event));
	return {
		source: detected.source,
		format: detected.format,
		events,
		rejected,
		duplicates: mapped.length - unique.length,
		filtered: unique.length - events.length,
		apiKey: detected.apiKey,
		writeKey: detected.writeKey,
	};
}

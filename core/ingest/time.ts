import { DateTime } from 'luxon';
import { reject } from './errors';
import { describeValue } from './fields';

/** A calendar date first: luxon would otherwise read `12:00` or `2026` as a time of today. */
const STARTS_WITH_DATE = /^\d{4}-?\d{2}-?\d{2}(?:$|[T ])/;
const MAX_TIME_TEXT = 64;

/** ISO 8601 (a missing offset means UTC), ClickHouse-style `2026-01-02 03:04:05.000`, or epoch milliseconds. */
function toMillis(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (text.length > MAX_TIME_TEXT || !STARTS_WITH_DATE.test(text)) return undefined;
	const iso = DateTime.fromISO(text, { zone: 'utc' });
	const parsed = iso.isValid ? iso : DateTime.fromSQL(text, { zone: 'utc' });
	return parsed.isValid ? parsed.toMillis() : undefined;
}

function isValidMillis(millis: number): boolean {
	return !Number.isNaN(new Date(millis).getTime());
}

function isAbsent(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}

/** Undefined when absent; rejects the event when present but not a time. */
export function readTime(value: unknown, field: string): number | undefined {
	if (isAbsent(value)) return undefined;
	const millis = toMillis(value);
	if (millis === undefined || !isValidMillis(millis)) {
		reject(`${field} ${describeValue(value)} is not an ISO 8601 time or epoch milliseconds`);
	}
	return millis;
}

export interface EventTimeInput {
	timestamp: unknown;
	timestampField: string;
	/** When the sender's clock says it sent the request; its skew from ours corrects `timestamp`. */
	sentAt?: unknown;
	/** PostHog's alternative to a timestamp: milliseconds between the event and sending it. */
	offsetMs?: unknown;
	receivedAt: number;
	maxFutureMs: number;
}

export interface EventTime {
	/** As sent, before any clock correction: stable across retries of the same request. */
	original: number | undefined;
	corrected: number;
}

/** PostHog's rule, which Segment's HTTP API shares: trust the sender's clock only relative to its `sentAt`. */
export function resolveEventTime(input: EventTimeInput): EventTime {
	const original = readTime(input.timestamp, input.timestampField);
	const sentAt = isAbsent(input.sentAt) ? undefined : toMillis(input.sentAt);
	const offsetMs =
		typeof input.offsetMs === 'number' && Number.isFinite(input.offsetMs)
			? input.offsetMs
			: undefined;
	let corrected = input.receivedAt;
	if (original !== undefined) {
		corrected = sentAt === undefined ? original : original + (input.receivedAt - sentAt);
	} else if (offsetMs !== undefined) {
		corrected = input.receivedAt - offsetMs;
	}
	if (!isValidMillis(corrected)) {
		reject(
			`${input.timestampField} ${describeValue(input.timestamp)} is out of range once corrected by sentAt`,
		);
	}
	if (corrected > input.receivedAt + input.maxFutureMs) {
		reject(
			`${input.timestampField} ${toIsoUtc(corrected)} is more than ${input.maxFutureMs / 3_600_000} hours in the future`,
		);
	}
	return { original, corrected };
}

export function toIsoUtc(millis: number): string {
	return new Date(millis).toISOString();
}

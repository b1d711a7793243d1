import type { JsonObject } from '../contract/event';
import { reject } from './errors';

const MAX_QUOTED_VALUE = 40;
const MAX_EMAIL_LENGTH = 254;

export function isJsonObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short, safe rendering of an untrusted value for a rejection reason. */
export function describeValue(value: unknown): string {
	if (Array.isArray(value)) return 'an array';
	if (value === null) return 'null';
	if (typeof value === 'object') return 'an object';
	if (typeof value !== 'string') return String(value);
	const quoted = JSON.stringify(value.slice(0, MAX_QUOTED_VALUE));
	return value.length > MAX_QUOTED_VALUE ? `${quoted}…` : quoted;
}

export function requireObject(value: unknown, what: string): JsonObject {
	if (!isJsonObject(value)) reject(`${what} must be a JSON object, got ${describeValue(value)}`);
	return value;
}

/** Absent or null is an empty object; anything else that is not an object rejects the event. */
export function optionalObject(value: unknown, field: string): JsonObject {
	if (value === undefined || value === null) return {};
	return requireObject(value, field);
}

/** Ids are trimmed strings or finite numbers written as strings; empty means absent. */
export function readId(value: unknown, field: string, maxLength: number): string | null {
	if (value === undefined || value === null) return null;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string') {
		reject(`${field} must be a string or a number, got ${describeValue(value)}`);
	}
	const id = value.trim();
	if (id.length > maxLength) reject(`${field} is longer than ${maxLength} characters`);
	return id === '' ? null : id;
}

export function readEventName(value: unknown, field: string, maxLength: number): string {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
		reject(`${field} (the event name) is missing`);
	}
	if (typeof value !== 'string') reject(`${field} must be a string, got ${describeValue(value)}`);
	const name = value.trim();
	if (name.length > maxLength) reject(`${field} is longer than ${maxLength} characters`);
	return name;
}

/** The first candidate that looks like an e-mail address; a malformed one is ignored, not fatal. */
export function firstEmail(candidates: readonly unknown[]): string | null {
	for (const candidate of candidates) {
		const email = typeof candidate === 'string' ? candidate.trim() : '';
		if (email.includes('@') && email.length <= MAX_EMAIL_LENGTH) return email;
	}
	return null;
}

/** The first of several places an id may be sent in, by field name; rejects a malformed one. */
export function readFirstId(
	candidates: ReadonlyArray<readonly [field: string, value: unknown]>,
	maxLength: number,
): string | null {
	for (const [field, value] of candidates) {
		const id = readId(value, field, maxLength);
		if (id !== null) return id;
	}
	return null;
}

export function withoutUndefined(object: JsonObject): JsonObject {
	return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

import { createHash } from 'node:crypto';
import type { EventSource, JsonObject } from '../contract/event';
import { isJsonObject } from './fields';

/** JSON with object keys sorted, so equal content always hashes the same. Depth is bounded by the guard. */
export function stableStringify(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
	if (isJsonObject(value)) {
		const members = Object.keys(value)
			.sort()
			.filter((key) => value[key] !== undefined)
			.map((key) => `${JSON.stringify(key)}:${stableStringify(value[key])}`);
		return `{${members.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

export interface MessageIdContent {
	source: EventSource;
	id: string;
	event: string;
	/** The time as sent, so a retried request yields the same id. */
	timestamp: string;
	properties: JsonObject;
}

export function contentMessageId(content: MessageIdContent): string {
	const { source, id, event, timestamp, properties } = content;
	return createHash('sha1')
		.update(stableStringify([source, id, event, timestamp, properties]))
		.digest('hex');
}

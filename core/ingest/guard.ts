import { IngestError } from './errors';
import type { IngestLimits } from './limits';

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

type Container = unknown[] | Record<string, unknown>;

interface Pending {
	source: unknown;
	/** Containers above this value; the root has none. */
	depth: number;
	parent: Container;
	key: string | number;
}

function place(parent: Container, key: string | number, value: unknown): void {
	(parent as Record<string | number, unknown>)[key] = value;
}

/**
 * A deep copy of an untrusted JSON value, without the keys that reach an object's prototype.
 * Iterative, so that no nesting depth can overflow the stack before the depth limit is met;
 * children are stacked in reverse so that keys keep their original order.
 */
export function sanitizeJson(
	value: unknown,
	limits: Pick<IngestLimits, 'maxDepth' | 'maxValues'>,
): unknown {
	const root: unknown[] = [undefined];
	const stack: Pending[] = [{ source: value, depth: 0, parent: root, key: 0 }];
	let values = 0;
	for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
		const { source, depth, parent, key } = next;
		values += 1;
		if (values > limits.maxValues) {
			throw new IngestError(
				'tooManyValues',
				`The JSON body holds more than ${limits.maxValues.toLocaleString('en-US')} values.`,
				'Send fewer or smaller events per request.',
			);
		}
		if (typeof source !== 'object' || source === null) {
			place(parent, key, source);
			continue;
		}
		if (depth + 1 > limits.maxDepth) {
			throw new IngestError(
				'tooDeep',
				`The JSON body is nested more than ${limits.maxDepth} levels deep.`,
				'Flatten the event properties.',
			);
		}
		if (Array.isArray(source)) {
			const copy: unknown[] = new Array<unknown>(source.length);
			place(parent, key, copy);
			for (let index = source.length - 1; index >= 0; index -= 1) {
				stack.push({ source: source[index], depth: depth + 1, parent: copy, key: index });
			}
			continue;
		}
		const copy: Record<string, unknown> = {};
		place(parent, key, copy);
		const entries = Object.entries(source).filter(([childKey]) => !FORBIDDEN_KEYS.has(childKey));
		for (const [childKey, child] of entries.reverse()) {
			stack.push({ source: child, depth: depth + 1, parent: copy, key: childKey });
		}
	}
	return root[0];
}

export function assertEventCount(count: number, limits: Pick<IngestLimits, 'maxEvents'>): void {
	if (count > limits.maxEvents) {
		throw new IngestError(
			'tooManyEvents',
			`The request carries ${count.toLocaleString('en-US')} events; at most ${limits.maxEvents.toLocaleString('en-US')} are accepted per request.`,
			'Send smaller batches (posthog-node: flushAt; Segment: batch size).',
		);
	}
}

export function assertBodySize(bytes: number, limits: Pick<IngestLimits, 'maxBodyBytes'>): void {
	if (bytes > limits.maxBodyBytes) {
		throw new IngestError(
			'bodyTooLarge',
			`The request body is ${bytes.toLocaleString('en-US')} bytes; at most ${limits.maxBodyBytes.toLocaleString('en-US')} are accepted.`,
			'Send smaller batches.',
		);
	}
}

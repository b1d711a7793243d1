import { isRecord, text } from '../../shared/values';
import type { JsonObject } from '../event';

/** The fields of one contract part by the type its values must have. */
export interface FieldKinds<T extends string, N extends string, B extends string> {
	text: readonly T[];
	number: readonly N[];
	boolean: readonly B[];
}

export type ReadFields<T extends string, N extends string, B extends string> = { [K in T]?: string } & { [K in N]?: number } & {
	[K in B]?: boolean;
} & { properties?: JsonObject };

/**
 * The fields of `value` that have the type the contract promises (text trimmed, numbers finite),
 * and `properties` when it is an object; anything else is left out, never coerced.
 */
export function readFields<T extends string, N extends string, B extends string>(value: unknown, kinds: FieldKinds<T, N, B>): ReadFields<T, N, B> {
	if (!isRecord(value)) return {};
	const read: Record<string, unknown> = {};
	for (const field of kinds.text) read[field] = text(value[field]);
	for (const field of kinds.number) read[field] = typeof value[field] === 'number' && Number.isFinite(value[field]) ? value[field] : undefined;
	for (const field of kinds.boolean) read[field] = typeof value[field] === 'boolean' ? value[field] : undefined;
	read.properties = isRecord(value.properties) ? value.properties : undefined;
	return Object.fromEntries(Object.entries(read).filter(([, found]) => found !== undefined)) as ReadFields<T, N, B>;
}

import type { SignalDefinition } from '../../contract/pql';
import { shortHash } from './hash';

/** The stored totals of every event, whatever the signals: activity and event counts. */
export const ALL_EVENTS = '*';

/**
 * Where a signal's day totals are stored: its key and a hash of what decides which events count
 * and which number adds up (names, property condition, property). Points, windows and labels can
 * change without losing history; a signal that counts other events starts afresh.
 */
export function storeKey(signal: SignalDefinition): string {
	const { source } = signal;
	if (source.kind !== 'events') return signal.key;
	const measured = { names: [...source.names].sort(), where: source.where ?? null, property: signal.property ?? null };
	return `${signal.key}#${shortHash(JSON.stringify(measured))}`;
}

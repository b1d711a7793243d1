import type { EntityType, PreviousState } from '../contract/pql';
import { isRecord } from '../shared/values';

function text(value: unknown): string | null {
	return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function entityOf(value: unknown): PreviousState['entity'] {
	if (!isRecord(value)) return undefined;
	const types: EntityType[] = ['user', 'account'];
	const type = types.find((candidate) => candidate === value.type);
	const id = text(value.id);
	return type && id ? { type, id } : undefined;
}

function stateOf(value: unknown): PreviousState[] {
	if (!isRecord(value)) return [];
	const state: PreviousState = {
		entity: entityOf(value.entity),
		score: typeof value.score === 'number' ? value.score : null,
		qualifiedSince: text(value.qualifiedSince),
		lastQualifiedAt: text(value.lastQualifiedAt),
		scoredAt: text(value.scoredAt),
	};
	const known = state.score !== null || state.qualifiedSince !== null || state.lastQualifiedAt !== null;
	return known ? [state] : [];
}

/**
 * Previous states from whatever an item carries: a stored `pql` object, a list of them (user and
 * account), or their JSON text (a Data Table column); anything else means no previous state.
 */
export function readPreviousStates(value: unknown): PreviousState[] {
	let parsed = value;
	if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
		try {
			parsed = JSON.parse(value);
		} catch {
			return [];
		}
	}
	return Array.isArray(parsed) ? parsed.flatMap(stateOf) : stateOf(parsed);
}

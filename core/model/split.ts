import type { HoldOut, LabelledEntity } from '../contract/model';
import { ScoringError } from '../scoring';

export interface Split {
	training: LabelledEntity[];
	heldOut: LabelledEntity[];
	cutoffMs?: number;
}

/** FNV-1a over the ID and seed, then a final avalanche: a fixed number in [0, 1) per entity. */
function unitHash(id: string, seed: number): number {
	let hash = 0x811c9dc5 ^ (seed | 0);
	for (let index = 0; index < id.length; index++) {
		hash ^= id.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193);
	}
	hash ^= hash >>> 16;
	hash = Math.imul(hash, 0x85ebca6b);
	hash ^= hash >>> 13;
	hash = Math.imul(hash, 0xc2b2ae35);
	hash ^= hash >>> 16;
	return (hash >>> 0) / 4294967296;
}

function byTime(entities: LabelledEntity[], share: number, cutoffMs?: number): Split {
	const undated = entities.find((entity) => entity.dateMs === null);
	if (undated) {
		throw new ScoringError(
			`Entity "${undated.id}" has no date, so it cannot be placed before or after the cut-off`,
			'Date Field',
			'Give every entity a date, or hold out a random share instead.',
		);
	}
	const dates = entities.map((entity) => entity.dateMs ?? 0).sort((a, b) => a - b);
	const cutoff = cutoffMs ?? dates[Math.min(dates.length - 1, Math.floor(dates.length * (1 - share)))];
	return {
		training: entities.filter((entity) => (entity.dateMs ?? 0) < cutoff),
		heldOut: entities.filter((entity) => (entity.dateMs ?? 0) >= cutoff),
		cutoffMs: cutoff,
	};
}

function byId(a: LabelledEntity, b: LabelledEntity): number {
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Independent of input order: the same entities and settings always give the same split, each side
 * sorted by ID so that every sum downstream adds up in the same order.
 */
export function splitPopulation(input: LabelledEntity[], holdOut: HoldOut): Split {
	const entities = [...input].sort(byId);
	const split =
		holdOut.kind === 'time'
			? byTime(entities, holdOut.share, holdOut.cutoffMs)
			: {
					training: entities.filter((entity) => unitHash(entity.id, holdOut.seed) >= holdOut.share),
					heldOut: entities.filter((entity) => unitHash(entity.id, holdOut.seed) < holdOut.share),
				};
	if (split.training.length === 0 || split.heldOut.length === 0) {
		throw new ScoringError(
			`The split leaves ${split.training.length} entities to learn from and ${split.heldOut.length} to test on`,
			holdOut.kind === 'time' ? 'Cut-Off Date' : 'Held-Out Share',
			'Both sides need entities: move the cut-off date or change the held-out share.',
		);
	}
	return split;
}

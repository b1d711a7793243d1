import type { Validation } from '../contract/model';
import { FieldError } from '../shared/fieldError';
import type { Table } from './table';

export interface Fold {
	fold: number;
	training: Int32Array;
	validation: Int32Array;
	/** Time-ordered folds: the dates (ms) the tested block spans. */
	fromMs?: number;
	toMs?: number;
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

function randomFolds(table: Table, folds: number, seed: number): Fold[] {
	const foldOf = table.entities.map(({ id }) => Math.floor(unitHash(id, seed) * folds));
	const all = Int32Array.from(table.entities.keys());
	return Array.from({ length: folds }, (_, fold) => ({
		fold: fold + 1,
		training: all.filter((row) => foldOf[row] !== fold),
		validation: all.filter((row) => foldOf[row] === fold),
	}));
}

function timeFolds(table: Table, folds: number): Fold[] {
	const undated = table.entities.find((entity) => entity.dateMs === null);
	if (undated) {
		throw new FieldError(
			`Entity "${undated.id}" has no date, so it cannot be placed in time`,
			'Date Field',
			'Give every entity a date, or test on random folds instead.',
		);
	}
	const dateOf = (row: number): number => table.entities[row].dateMs ?? 0;
	// Rows are in ID order already, and the sort is stable: equal dates stay in ID order.
	const order = Int32Array.from(table.entities.keys()).sort((a, b) => dateOf(a) - dateOf(b));
	const blockStart = (block: number): number => Math.floor((block * order.length) / (folds + 1));
	return Array.from({ length: folds }, (_, index) => {
		const validation = order.slice(blockStart(index + 1), blockStart(index + 2));
		return {
			fold: index + 1,
			training: order.slice(0, blockStart(index + 1)).sort(),
			validation: validation.slice().sort(),
			fromMs: validation.length > 0 ? dateOf(validation[0]) : undefined,
			toMs: validation.length > 0 ? dateOf(validation[validation.length - 1]) : undefined,
		};
	});
}

/** The folds cross-validation learns and tests on; the same table and settings always give the same folds. */
export function foldsOf(table: Table, validation: Validation): Fold[] {
	if (!Number.isInteger(validation.folds) || validation.folds < 2) {
		throw new FieldError(`${validation.folds} folds cannot cross-validate`, 'Folds', 'Use 2 folds or more; 5 is usual.');
	}
	return validation.kind === 'time' ? timeFolds(table, validation.folds) : randomFolds(table, validation.folds, validation.seed);
}

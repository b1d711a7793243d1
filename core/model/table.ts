import type { LabelledEntity } from '../contract/model';
import type { SignalDefinition, SignalValue } from '../contract/pql';
import type { Bitset } from './bitset';
import { bitsetOf } from './bitset';

/** The population in a fixed order (by ID), so every sum adds up the same whatever the input order, read column by column once. */
export interface Table {
	entities: LabelledEntity[];
	converted: Uint8Array;
	convertedBits: Bitset;
	/** Each signal's values in row order. */
	columns: Map<string, SignalValue[]>;
}

function byId(a: LabelledEntity, b: LabelledEntity): number {
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function tableOf(input: LabelledEntity[], signals: SignalDefinition[]): Table {
	const entities = [...input].sort(byId);
	return {
		entities,
		converted: Uint8Array.from(entities, (entity) => (entity.converted ? 1 : 0)),
		convertedBits: bitsetOf(entities.length, (row) => entities[row].converted),
		columns: new Map(signals.map(({ key }) => [key, entities.map((entity) => entity.values[key] ?? null)])),
	};
}

/** How PQL Score's logistic scorer reads a value: a finite number as itself, true as 1, anything else as 0. */
export function numericValue(value: SignalValue | undefined): number {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	return value === true ? 1 : 0;
}

export function column(table: Table, key: string): SignalValue[] {
	return table.columns.get(key) ?? table.entities.map(() => null);
}

/** Which rows of the table a list of row numbers names, as bits. */
export function rowBits(table: Table, rows: ArrayLike<number>): Bitset {
	const member = new Uint8Array(table.entities.length);
	for (let index = 0; index < rows.length; index++) member[rows[index]] = 1;
	return bitsetOf(member.length, (row) => member[row] === 1);
}

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
	const keys = signals.map(({ key }) => key);
	const columns = keys.map(() => new Array<SignalValue>(entities.length));
	// Entity by entity: each entity's values are read while they are at hand.
	entities.forEach(({ values }, row) => keys.forEach((key, index) => (columns[index][row] = values[key] ?? null)));
	return {
		entities,
		converted: Uint8Array.from(entities, (entity) => (entity.converted ? 1 : 0)),
		convertedBits: bitsetOf(entities.length, (row) => entities[row].converted),
		columns: new Map(keys.map((key, index) => [key, columns[index]])),
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

/** Every row, in table order. */
export function allRows(table: Table): Int32Array {
	return Int32Array.from(table.entities.keys());
}

export function converterCount(table: Table, rows: ArrayLike<number>): number {
	let converters = 0;
	for (let index = 0; index < rows.length; index++) converters += table.converted[rows[index]];
	return converters;
}

/** Which rows of the table a list of row numbers names, as bits. */
export function rowBits(table: Table, rows: ArrayLike<number>): Bitset {
	const member = new Uint8Array(table.entities.length);
	for (let index = 0; index < rows.length; index++) member[rows[index]] = 1;
	return bitsetOf(member.length, (row) => member[row] === 1);
}

import { isRecord, record } from '../../core/shared';

export type Row = Record<string, unknown>;

/** Rows of a fixedCollection group, whatever n8n stored (nothing, one row, several). */
export function rowsOf(collection: unknown, group: string): Row[] {
	const rows = record(collection)[group];
	if (Array.isArray(rows)) return rows.filter(isRecord);
	return isRecord(rows) ? [rows] : [];
}

/** The values chosen in a multiOptions parameter. */
export function chosenOptions(value: unknown): string[] {
	return Array.isArray(value) ? value.map(String) : [];
}

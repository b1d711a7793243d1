import type { Condition } from '../../../core/contract/pql';

export type Row = Record<string, unknown>;

function isRow(value: unknown): value is Row {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asRow(value: unknown): Row {
	return isRow(value) ? value : {};
}

export function asText(value: unknown): string {
	return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

export function asNumber(value: unknown, fallback = 0): number {
	return typeof value === 'number' ? value : fallback;
}

export function textOf(row: Row, key: string): string {
	return asText(row[key]);
}

export function numberOf(row: Row, key: string, fallback = 0): number {
	return asNumber(row[key], fallback);
}

export function listOf(text: string): string[] {
	return text
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
}

/** Rows of a fixedCollection group, whatever n8n stored (nothing, one row, several). */
export function rowsOf(collection: unknown, group: string): Row[] {
	if (!isRow(collection)) return [];
	const rows = collection[group];
	if (Array.isArray(rows)) return rows.filter(isRow);
	return isRow(rows) ? [rows] : [];
}

/**
 * A condition as typed in the UI: numbers for ≥ and ≤, left as text when not numeric so that the
 * core's check names the field.
 */
export function conditionOf(row: Row, operatorKey: string, valueKey: string): Row {
	const operator = textOf(row, operatorKey);
	const value = textOf(row, valueKey);
	if (operator === 'exists') return { operator };
	if (operator === 'in') return { operator, value: listOf(value) };
	if (operator === 'eq') return { operator, value };
	const number = Number(value);
	return { operator, value: value !== '' && Number.isFinite(number) ? number : value };
}

/** The text a condition's value shows in the UI. */
export function conditionText(condition: Condition): string {
	const { value } = condition;
	if (Array.isArray(value)) return value.join(', ');
	return value === undefined || value === null ? '' : String(value);
}

export type Row = Record<string, unknown>;

function isRow(value: unknown): value is Row {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asRow(value: unknown): Row {
	return isRow(value) ? value : {};
}

/** Trimmed text of a parameter value; numbers as text; anything else empty. */
export function textOf(value: unknown): string {
	if (typeof value === 'number') return String(value);
	return typeof value === 'string' ? value.trim() : '';
}

/** Text, or null when empty. */
export function optionalText(value: unknown): string | null {
	const text = textOf(value);
	return text === '' ? null : text;
}

export function listOf(value: unknown): string[] {
	return textOf(value)
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
}

/** Rows of a fixedCollection group, whatever n8n stored (nothing, one row, several). */
export function rowsOf(collection: unknown, group: string): Row[] {
	const rows = asRow(collection)[group];
	if (Array.isArray(rows)) return rows.filter(isRow);
	return isRow(rows) ? [rows] : [];
}

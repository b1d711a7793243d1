/**
 * The one set of value readers for data that crossed a node boundary (items, parameters, vendor
 * answers): each says what it accepts, and anything else reads as absent.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object itself, or an empty one for anything else. */
export function record(value: unknown): Record<string, unknown> {
	return isRecord(value) ? value : {};
}

/** Text that is not blank, trimmed. */
export function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** An identifier: text, or a finite number as text (ids and keys often arrive as numbers). */
export function idText(value: unknown): string | undefined {
	return typeof value === 'number' && Number.isFinite(value) ? String(value) : text(value);
}

/** A finite number, or text that is one. */
export function finiteNumber(value: unknown): number | undefined {
	const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : undefined;
}

/** For comparisons: numbers, numeric text and booleans (1 / 0) as numbers; anything else NaN. */
export function toNumber(value: unknown): number {
	if (typeof value === 'number') return value;
	if (typeof value === 'boolean') return value ? 1 : 0;
	if (typeof value === 'string' && value.trim() !== '') return Number(value);
	return Number.NaN;
}

/** `"DE, AT , CH"` → `['DE', 'AT', 'CH']`: the parts of comma-separated text, trimmed, blanks dropped. */
export function listOf(value: unknown): string[] {
	return (idText(value) ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part !== '');
}

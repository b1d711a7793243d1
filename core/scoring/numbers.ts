/** Numbers and numeric text as numbers; anything else as NaN. */
export function toNumber(value: unknown): number {
	if (typeof value === 'number') return value;
	if (typeof value === 'boolean') return value ? 1 : 0;
	if (typeof value === 'string' && value.trim() !== '') return Number(value);
	return Number.NaN;
}

export function roundTo(value: number, decimals: number): number {
	const factor = 10 ** decimals;
	// Adding 0 turns -0 into 0 so that equal scores print and compare the same.
	return Math.round(value * factor) / factor + 0;
}

export function clamp(value: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, value));
}

export function roundTo(value: number, decimals: number): number {
	const factor = 10 ** decimals;
	// Adding 0 turns -0 into 0 so that equal scores print and compare the same.
	return Math.round(value * factor) / factor + 0;
}

export function clamp(value: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, value));
}

/** Quantiles come from at most this many values, evenly spaced through the rows: sorting them all would cost more than it changes. */
const SAMPLE = 20_000;

/** The distinct values in ascending order when there are at most `max`, else null. */
export function fewDistinct(numbers: ArrayLike<number>, max: number): number[] | null {
	const distinct = new Set<number>();
	for (let index = 0; index < numbers.length; index++) {
		distinct.add(numbers[index]);
		if (distinct.size > max) return null;
	}
	return [...distinct].sort((a, b) => a - b);
}

/** The values at 1/parts, 2/parts … (parts − 1)/parts of the way through the sorted values (of an even sample when there are many). */
export function quantiles(numbers: ArrayLike<number>, parts: number): number[] {
	const every = Math.max(1, Math.ceil(numbers.length / SAMPLE));
	const sample = Float64Array.from({ length: Math.ceil(numbers.length / every) }, (_, k) => numbers[k * every]).sort();
	return Array.from({ length: parts - 1 }, (_, index) => sample[Math.floor(((index + 1) * sample.length) / parts)]);
}

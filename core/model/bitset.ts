/** One bit per entity: which entities meet a rule, combined with AND and counted fast. */
export type Bitset = Uint32Array;

export function bitsetOf(length: number, test: (index: number) => boolean): Bitset {
	const bits = new Uint32Array(Math.ceil(length / 32));
	for (let index = 0; index < length; index++) {
		if (test(index)) bits[index >>> 5] |= 1 << (index & 31);
	}
	return bits;
}

function popcount(word: number): number {
	let v = word - ((word >>> 1) & 0x55555555);
	v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
	return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function count(bits: Bitset): number {
	let total = 0;
	for (let word = 0; word < bits.length; word++) total += popcount(bits[word]);
	return total;
}

/** Entities set in both, counted without building the intersection. */
export function countBoth(a: Bitset, b: Bitset): number {
	let total = 0;
	for (let word = 0; word < a.length; word++) total += popcount(a[word] & b[word]);
	return total;
}

export function and(a: Bitset, b: Bitset): Bitset {
	const out = new Uint32Array(a.length);
	for (let word = 0; word < a.length; word++) out[word] = a[word] & b[word];
	return out;
}

/** Entities in both, and converters among them, counted without building the intersection. */
export function countJoint(a: Bitset, b: Bitset, converted: Bitset): { both: number; converters: number } {
	let both = 0;
	let converters = 0;
	for (let word = 0; word < a.length; word++) {
		const joint = a[word] & b[word];
		both += popcount(joint);
		converters += popcount(joint & converted[word]);
	}
	return { both, converters };
}

/** The entities whose number is at least (or at most) the threshold: the loop without a call per entity. */
export function bitsetAtLeast(numbers: Float64Array, threshold: number, atMost = false): Bitset {
	const bits = new Uint32Array(Math.ceil(numbers.length / 32));
	for (let index = 0; index < numbers.length; index++) {
		if (atMost ? numbers[index] <= threshold : numbers[index] >= threshold) bits[index >>> 5] |= 1 << (index & 31);
	}
	return bits;
}

/** Users are scored independently, so large populations go through PQL Score in slices: far less memory held at once. */
const CHUNK = 2000;

export function inChunks<T, R>(items: T[], work: (slice: T[]) => R[]): R[] {
	const out: R[] = [];
	for (let start = 0; start < items.length; start += CHUNK) out.push(...work(items.slice(start, start + CHUNK)));
	return out;
}

import { isRecord } from './values';

/** The value at a dotted path such as `company.sizeBand`; a key containing the whole path wins. */
export function valueAtPath(source: unknown, path: string): unknown {
	if (!isRecord(source)) return undefined;
	if (path in source) return source[path];
	let current: unknown = source;
	let start = 0;
	// Walks the parts without splitting the path: this runs for every item of a large batch.
	while (start <= path.length) {
		const dot = path.indexOf('.', start);
		const end = dot === -1 ? path.length : dot;
		if (start === 0 && end === path.length) return undefined;
		if (!isRecord(current)) return undefined;
		current = current[path.slice(start, end)];
		start = end + 1;
	}
	return current;
}

import { isRecord } from './values';

/** The value at a dotted path such as `company.sizeBand`; a key containing the whole path wins. */
export function valueAtPath(source: unknown, path: string): unknown {
	if (!isRecord(source)) return undefined;
	if (path in source) return source[path];
	let current: unknown = source;
	for (const part of path.split('.')) {
		if (!isRecord(current)) return undefined;
		current = current[part];
	}
	return current;
}

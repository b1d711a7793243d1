/** 32-bit FNV-1a of a text, from the given offset basis. */
function fnv1a(text: string, basis: number): number {
	let hash = basis;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

const hex = (value: number): string => value.toString(16).padStart(8, '0');

/** 8 hex digits: tells apart the few definitions a signal goes through. */
export function shortHash(text: string): string {
	return hex(fnv1a(text, 0x811c9dc5));
}

/** 16 hex digits (two independent 32-bit hashes): stands for an event id in the list of recent ones. */
export function idHash(text: string): string {
	return hex(fnv1a(text, 0x811c9dc5)) + hex(fnv1a(text, 0x050c5d1f));
}

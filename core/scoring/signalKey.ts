/** "Core feature used" → "coreFeatureUsed": how a signal's plain-language name becomes its key. */
export function signalKey(name: string): string {
	const words = name
		.trim()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
	return words
		.map((word, index) =>
			index === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : word.charAt(0).toUpperCase() + word.slice(1),
		)
		.join('');
}

/**
 * Area under the ROC curve as the Mann-Whitney statistic: the chance that a random converter
 * scores above a random non-converter, ties counting half (through average ranks). Null unless
 * both groups are present.
 */
export function auc(scores: ArrayLike<number>, converted: ArrayLike<boolean>): number | null {
	const order = Array.from({ length: scores.length }, (_, index) => index).sort((a, b) => scores[a] - scores[b]);
	let positives = 0;
	let rankSum = 0;
	let start = 0;
	while (start < order.length) {
		let end = start;
		while (end + 1 < order.length && scores[order[end + 1]] === scores[order[start]]) end++;
		// Ranks start..end (1-based: start+1..end+1) share their average.
		const averageRank = (start + end) / 2 + 1;
		for (let k = start; k <= end; k++) {
			if (converted[order[k]]) {
				positives++;
				rankSum += averageRank;
			}
		}
		start = end + 1;
	}
	const negatives = order.length - positives;
	if (positives === 0 || negatives === 0) return null;
	return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

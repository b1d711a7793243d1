/**
 * Area under the ROC curve as the Mann-Whitney statistic: the chance that a random converter
 * scores above a random non-converter, ties counting half. Null unless both groups are present.
 */
export function auc(scores: ArrayLike<number>, converted: ArrayLike<boolean>): number | null {
	let positives = 0;
	for (let index = 0; index < scores.length; index++) if (converted[index]) positives++;
	const negatives = scores.length - positives;
	if (positives === 0 || negatives === 0) return null;
	const yes = new Float64Array(positives);
	const no = new Float64Array(negatives);
	let p = 0;
	let n = 0;
	for (let index = 0; index < scores.length; index++) {
		if (converted[index]) yes[p++] = scores[index];
		else no[n++] = scores[index];
	}
	yes.sort();
	no.sort();
	// For each converter, the non-converters below it count 1 and those level with it ½.
	let below = 0;
	let level = 0;
	let won = 0;
	for (const score of yes) {
		while (below < negatives && no[below] < score) below++;
		level = below;
		while (level < negatives && no[level] === score) level++;
		won += below + (level - below) / 2;
	}
	return won / (positives * negatives);
}

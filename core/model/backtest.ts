import type { DecileRow, LabelledEntity, ModelBacktest } from '../contract/model';
import type { ScoringModel } from '../contract/pql';
import { advise } from './advice';
import { auc } from './auc';
import { rankingScore, scoreWithPqlScore } from './evaluate';
import { rate } from './stats';

const DECILES = 10;

/** Ten equal groups from the highest score down (ties broken by input order), empty ones left out. */
export function decileTable(
	scores: number[],
	converted: boolean[],
	probabilities: Array<number | null>,
): DecileRow[] {
	const order = scores.map((_, index) => index).sort((a, b) => scores[b] - scores[a] || a - b);
	const total = converted.filter(Boolean).length;
	const baseRate = total / Math.max(order.length, 1);
	let captured = 0;
	const rows: DecileRow[] = [];
	for (let decile = 0; decile < DECILES; decile++) {
		const members = order.slice(Math.floor((decile * order.length) / DECILES), Math.floor(((decile + 1) * order.length) / DECILES));
		if (members.length === 0) continue;
		const converters = members.filter((index) => converted[index]).length;
		captured += converters;
		const known = members.map((index) => probabilities[index]).filter((p): p is number => p !== null);
		const conversionRate = converters / members.length;
		rows.push({
			decile: decile + 1,
			entities: members.length,
			converters,
			conversionRate,
			minScore: scores[members[members.length - 1]],
			maxScore: scores[members[0]],
			meanProbability: known.length > 0 ? known.reduce((sum, p) => sum + p, 0) / known.length : null,
			cumulativeCapture: total > 0 ? captured / total : 0,
			lift: baseRate > 0 ? conversionRate / baseRate : 0,
		});
	}
	return rows;
}

/** Scores the held-out entities with PQL Score and measures how well the model would have done. */
export function backtestModel(model: ScoringModel, heldOut: LabelledEntity[]): ModelBacktest {
	const results = scoreWithPqlScore(model, heldOut);
	const scores = results.map(rankingScore);
	const converted = heldOut.map((entity) => entity.converted);
	const converters = converted.filter(Boolean).length;
	const qualified = results.map((scored) => scored.qualified);
	const pqls = qualified.filter(Boolean).length;
	const hits = qualified.filter((q, index) => q && converted[index]).length;
	const baseRate = converters / heldOut.length;
	const precision = rate(hits, pqls);
	return {
		kind: model.kind,
		entities: heldOut.length,
		converters,
		baseRate,
		auc: auc(scores, converted),
		pqls,
		pqlShare: pqls / heldOut.length,
		precision,
		recall: rate(hits, converters),
		liftOverBase: precision !== null && baseRate > 0 ? precision / baseRate : null,
		advice: advise(precision),
		deciles: decileTable(
			scores,
			converted,
			results.map((scored) => scored.metrics?.probability ?? null),
		),
	};
}

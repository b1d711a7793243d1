import type { DecileRow, FoldResult, ModelBacktest } from '../contract/model';
import type { ModelKind } from '../contract/pql';
import { advise } from './advice';
import { auc } from './auc';
import type { Ranked } from './evaluate';
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

/** What PQL Score made of one fold's entities with the models learned without them. */
export interface FoldScores {
	fold: number;
	converted: boolean[];
	results: Ranked[];
}

/** Converters, PQLs and converted PQLs among results. */
function tally(results: Ranked[], converted: boolean[]): { converters: number; pqls: number; hits: number } {
	let converters = 0;
	let pqls = 0;
	let hits = 0;
	for (let index = 0; index < results.length; index++) {
		if (converted[index]) converters++;
		if (results[index].qualified) {
			pqls++;
			if (converted[index]) hits++;
		}
	}
	return { converters, pqls, hits };
}

function foldResult({ fold, converted, results }: FoldScores): FoldResult {
	const { converters, pqls, hits } = tally(results, converted);
	return {
		fold,
		entities: results.length,
		converters,
		auc: auc(results.map((result) => result.rank), converted),
		pqlShare: results.length > 0 ? pqls / results.length : 0,
		precision: rate(hits, pqls),
	};
}

/**
 * How a suggested model did across the folds, scored by PQL Score itself: per fold, and over every
 * tested entity together (PQLs, conversion rate, recall, lift, deciles).
 */
export function backtestModel(kind: ModelKind, folds: FoldScores[]): ModelBacktest {
	const results = folds.flatMap((fold) => fold.results);
	const converted = folds.flatMap((fold) => fold.converted);
	const scores = results.map((result) => result.rank);
	const { converters, pqls, hits } = tally(results, converted);
	const baseRate = converters / Math.max(results.length, 1);
	const precision = rate(hits, pqls);
	const perFold = folds.map(foldResult);
	const aucs = perFold.map((fold) => fold.auc).filter((value): value is number => value !== null);
	return {
		kind,
		entities: results.length,
		converters,
		baseRate,
		auc: aucs.length > 0 ? aucs.reduce((sum, value) => sum + value, 0) / aucs.length : null,
		aucRange: aucs.length > 0 ? { low: Math.min(...aucs), high: Math.max(...aucs) } : null,
		folds: perFold,
		pqls,
		pqlShare: pqls / Math.max(results.length, 1),
		precision,
		recall: rate(hits, converters),
		liftOverBase: precision !== null && baseRate > 0 ? precision / baseRate : null,
		advice: advise(precision),
		deciles: decileTable(
			scores,
			converted,
			results.map((result) => result.probability),
		),
	};
}

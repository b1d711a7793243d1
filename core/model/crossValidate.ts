import type { LearnOptions, ValidationSummary } from '../contract/model';
import type { ModelKind } from '../contract/pql';
import { FieldError } from '../shared/fieldError';
import type { FoldScores } from './backtest';
import { scoreWithPqlScore } from './evaluate';
import type { Fold } from './folds';
import { foldsOf } from './folds';
import type { Learning } from './suggestions';
import { suggest } from './suggestions';
import type { Table } from './table';
import { allRows, converterCount } from './table';

export const KINDS: ModelKind[] = ['threshold', 'weighted', 'logistic'];

/** Why a fold cannot be used, or null. */
function unusable(table: Table, fold: Fold): string | null {
	const converters = converterCount(table, fold.training);
	if (fold.validation.length === 0) return `Fold ${fold.fold} has no entities to test on.`;
	if (converters === 0 || converters === fold.training.length) {
		return `Fold ${fold.fold} was skipped: the entities it learns from ${converters === 0 ? 'include no conversion' : 'all converted'}.`;
	}
	return null;
}

export interface CrossValidation {
	scores: Record<ModelKind, FoldScores[]>;
	summary: ValidationSummary;
}

/** Learns the three models without each fold and scores the fold with them through PQL Score. */
export function crossValidate(learning: Learning, options: LearnOptions): CrossValidation {
	const { table } = learning;
	const scores: Record<ModelKind, FoldScores[]> = { threshold: [], weighted: [], logistic: [] };
	const summary: ValidationSummary = {
		kind: options.validation.kind,
		entities: table.entities.length,
		converters: converterCount(table, allRows(table)),
		folds: [],
		skipped: [],
	};
	for (const fold of foldsOf(table, options.validation)) {
		const reason = unusable(table, fold);
		if (reason) {
			summary.skipped.push(reason);
			continue;
		}
		const suggestion = suggest(learning, fold.training);
		if (!suggestion) {
			summary.skipped.push(`Fold ${fold.fold} was skipped: in the entities it learns from, no signal is met more often by converters than by the others.`);
			continue;
		}
		const converted = Array.from(fold.validation, (row) => table.converted[row] === 1);
		const { threshold, weighted, logistic } = suggestion.models;
		const results = scoreWithPqlScore(
			{ threshold: { ...threshold, version: 'fold' }, weighted: { ...weighted, version: 'fold' }, logistic: { ...logistic, version: 'fold' } },
			table,
			fold.validation,
		);
		for (const kind of KINDS) scores[kind].push({ fold: fold.fold, converted, results: results[kind] });
		summary.folds.push({
			fold: fold.fold,
			training: fold.training.length,
			trainingConverters: converterCount(table, fold.training),
			validation: fold.validation.length,
			validationConverters: converted.filter(Boolean).length,
			...(fold.fromMs !== undefined && fold.toMs !== undefined
				? { from: new Date(fold.fromMs).toISOString(), to: new Date(fold.toMs).toISOString() }
				: {}),
		});
	}
	if (summary.folds.length === 0) {
		throw new FieldError(
			'No fold could be used to test the models',
			'Folds',
			`${summary.skipped.join(' ')} Give more entities (with conversions among the earliest ones when testing on the most recent), or use fewer folds.`,
		);
	}
	return { scores, summary };
}

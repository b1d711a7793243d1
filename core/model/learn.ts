import type { LabelledEntity, LearnedPql, LearnOptions } from '../contract/model';
import type { ScoringModel, SignalDefinition } from '../contract/pql';
import { readModel } from '../scoring';
import { FieldError } from '../shared/fieldError';
import { backtestModel } from './backtest';
import { shapeSignals } from './bins';
import { KINDS, crossValidate } from './crossValidate';
import { candidateTable } from './discovery';
import type { Learning } from './suggestions';
import { suggest } from './suggestions';
import { noRules } from './thresholdSearch';
import type { Table } from './table';
import { allRows, converterCount, tableOf } from './table';
import { trustOf } from './trust';
import { contentVersion } from './version';

function versioned<T extends Omit<ScoringModel, 'version'>>(model: T, version: string | undefined): T & { version: string } {
	return { ...model, version: version ?? contentVersion(model) };
}

function checkLabels(table: Table): void {
	const converters = converterCount(table, allRows(table));
	if (converters === 0 || converters === table.entities.length) {
		throw new FieldError(
			converters === 0 ? 'No entity in the training data converted' : 'Every entity in the training data converted',
			'Converted Field',
			'A model learns from the difference between those who converted and those who did not: include both.',
		);
	}
}

/**
 * Learns PQL definitions from who converted: tests every signal's candidate rules, and suggests a
 * threshold model, weighted points and a logistic model (all in PQL Score's format), each learned
 * from every entity. Their quality is cross-validated: each fold scored by PQL Score with the
 * models learned without it.
 */
export function learnPql(entities: LabelledEntity[], signals: SignalDefinition[], options: LearnOptions): LearnedPql {
	const table = tableOf(entities, signals);
	checkLabels(table);
	const learning: Learning = {
		table,
		signals,
		shapes: shapeSignals(table, signals),
		candidates: candidateTable(table, signals),
		targetPqlShare: options.targetPqlShare,
	};
	const final = suggest(learning, allRows(table));
	if (!final) throw noRules();
	const models = {
		threshold: versioned(final.models.threshold, options.version),
		weighted: versioned(final.models.weighted, options.version),
		logistic: versioned(final.models.logistic, options.version),
	};
	// What PQL Score will accept when the JSON is pasted, checked here rather than by the user.
	Object.values(models).forEach((model) => readModel(JSON.parse(JSON.stringify(model))));

	const { scores, summary } = crossValidate(learning, options);
	const backtest = {
		threshold: backtestModel('threshold', scores.threshold),
		weighted: backtestModel('weighted', scores.weighted),
		logistic: backtestModel('logistic', scores.logistic),
	};
	const recommended = KINDS.reduce((best, kind) => ((backtest[kind].auc ?? 0) > (backtest[best].auc ?? 0) ? kind : best));
	const { discovery } = final.evidence;
	const inModel = new Set(final.shapeModel.learned.map(({ shape }) => shape.signal.key));
	const warnings = [
		...(discovery.flagged.length === 0
			? ['No signal is present in 70 % of conversions while at least doubling the conversion rate; the suggestions rest on weaker evidence.']
			: []),
		...(final.ruleSet.qualified < final.minQualified
			? [`No set of 2–3 rules qualifies the target share of entities; the suggested rules qualify ${final.ruleSet.qualified} of ${table.entities.length}.`]
			: []),
		...(models.weighted.points.length === 0
			? ['No signal clearly goes with converting both on its own and alongside the others, so the weighted model gives no points.']
			: []),
		...(final.shapeModel.converged ? [] : [`The predictive fit did not settle within ${final.shapeModel.rounds} rounds; its numbers are close but not final.`]),
		...learning.shapes.skipped.map(({ signal, reason }) => `"${signal}" is not in the predictive model: it ${reason}.`),
		...summary.skipped,
	];

	return {
		models,
		recommended,
		discovery,
		backtest,
		validation: summary,
		fit: {
			rounds: final.shapeModel.rounds,
			converged: final.shapeModel.converged,
			signals: [...inModel],
			dropped: learning.shapes.shapes.map(({ signal }) => signal.key).filter((key) => !inModel.has(key)),
			skipped: learning.shapes.skipped,
		},
		targetPqlShare: options.targetPqlShare,
		trust: trustOf(backtest[recommended], summary, options.minConversions),
		warnings,
	};
}

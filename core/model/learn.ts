import type { LabelledEntity, LearnedPql, LearnOptions, ModelBacktest, Trust, ValidationSummary } from '../contract/model';
import type { ModelKind, ScoringModel, SignalDefinition } from '../contract/pql';
import { readModel, ScoringError } from '../scoring';
import { backtestModel } from './backtest';
import type { FoldScores } from './backtest';
import type { Shapes } from './bins';
import { shapeSignals } from './bins';
import type { Candidates, Evidence } from './discovery';
import { candidateTable, discoverSignals } from './discovery';
import { scoreWithPqlScore } from './evaluate';
import type { Fold } from './folds';
import { foldsOf } from './folds';
import type { ShapeModel } from './learnedShapes';
import { learnShapes } from './learnedShapes';
import { logisticModel, thresholdModel, weightedModel } from './suggest';
import type { RuleSet } from './thresholdSearch';
import { noRules, searchRules } from './thresholdSearch';
import type { Table } from './table';
import { rowBits, tableOf } from './table';
import { contentVersion } from './version';

const KINDS: ModelKind[] = ['threshold', 'weighted', 'logistic'];
/** Folds whose AUCs lie further apart than this disagree too much to trust one number. */
const WIDE_SPREAD = 0.15;

/** What every learning run shares, whichever rows it learns from. */
interface Learning {
	table: Table;
	signals: SignalDefinition[];
	shapes: Shapes;
	candidates: Candidates;
	targetPqlShare: number;
}

type Unversioned<T> = Omit<T, 'version'>;
type Drafts = { [K in ModelKind]: Unversioned<Extract<ScoringModel, { kind: K }>> };

interface Suggestion {
	models: Drafts;
	evidence: Evidence;
	ruleSet: RuleSet;
	shapeModel: ShapeModel;
	minQualified: number;
}

function versioned<T extends Unversioned<ScoringModel>>(model: T, version: string | undefined): T & { version: string } {
	return { ...model, version: version ?? contentVersion(model) };
}

function converterCount(table: Table, rows: ArrayLike<number>): number {
	let converters = 0;
	for (let index = 0; index < rows.length; index++) converters += table.converted[rows[index]];
	return converters;
}

function checkLabels(table: Table): void {
	const converters = converterCount(table, Int32Array.from(table.entities.keys()));
	if (converters === 0 || converters === table.entities.length) {
		throw new ScoringError(
			converters === 0 ? 'No entity in the training data converted' : 'Every entity in the training data converted',
			'Converted Field',
			'A model learns from the difference between those who converted and those who did not: include both.',
		);
	}
}

/** The three suggested models learned from some rows of the table; null when no rule can be suggested. */
function suggest(learning: Learning, rows: Int32Array): Suggestion | null {
	const { table, signals, shapes, candidates, targetPqlShare } = learning;
	const evidence = discoverSignals(table, signals, candidates, rowBits(table, rows));
	const minQualified = Math.max(1, Math.ceil(targetPqlShare * rows.length));
	const ruleSet = searchRules(evidence, targetPqlShare);
	if (!ruleSet) return null;
	const shapeModel = learnShapes(shapes.shapes, table.converted, rows);
	const logistic = logisticModel(shapeModel, rows, minQualified);
	return {
		models: {
			threshold: thresholdModel(signals, ruleSet, table.converted, rows),
			weighted: weightedModel(logistic.applied, rows, minQualified),
			logistic: logistic.model,
		},
		evidence,
		ruleSet,
		shapeModel,
		minQualified,
	};
}

/** Why a fold cannot be used, or null. */
function unusable(table: Table, fold: Fold): string | null {
	const converters = converterCount(table, fold.training);
	if (fold.validation.length === 0) return `Fold ${fold.fold} has no entities to test on.`;
	if (converters === 0 || converters === fold.training.length) {
		return `Fold ${fold.fold} was skipped: the entities before it ${converters === 0 ? 'include no conversion' : 'all converted'}.`;
	}
	return null;
}

interface CrossValidation {
	scores: Record<ModelKind, FoldScores[]>;
	summary: ValidationSummary;
}

/** Learns the three models without each fold and scores the fold with them through PQL Score. */
function crossValidate(learning: Learning, options: LearnOptions): CrossValidation {
	const { table } = learning;
	const scores: Record<ModelKind, FoldScores[]> = { threshold: [], weighted: [], logistic: [] };
	const summary: ValidationSummary = {
		kind: options.validation.kind,
		entities: table.entities.length,
		converters: converterCount(table, Int32Array.from(table.entities.keys())),
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
		const entities: LabelledEntity[] = Array.from(fold.validation, (row) => table.entities[row]);
		const converted = entities.map((entity) => entity.converted);
		const { threshold, weighted, logistic } = suggestion.models;
		const results = scoreWithPqlScore(
			{ threshold: { ...threshold, version: 'fold' }, weighted: { ...weighted, version: 'fold' }, logistic: { ...logistic, version: 'fold' } },
			entities,
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
		throw new ScoringError(
			'No fold could be used to test the models',
			'Folds',
			`${summary.skipped.join(' ')} Give more entities (with conversions among the earliest ones when testing on the most recent), or use fewer folds.`,
		);
	}
	return { scores, summary };
}

function range(backtest: ModelBacktest): string {
	return backtest.aucRange ? `${backtest.aucRange.low.toFixed(2)} to ${backtest.aucRange.high.toFixed(2)}` : 'unknown';
}

/** Says plainly whether the numbers can be trusted: enough conversions, and folds that agree. */
function trustOf(backtest: ModelBacktest, validation: ValidationSummary, minConversions: number): Trust {
	const few = validation.converters < minConversions;
	const spread = backtest.aucRange ? backtest.aucRange.high - backtest.aucRange.low : Infinity;
	const wide = spread > WIDE_SPREAD;
	const lonely = validation.folds.length < 2;
	if (few || wide || lonely) {
		const why = [
			few ? `only ${validation.converters} conversions (fewer than ${minConversions})` : '',
			wide ? `the folds disagree: the recommended model's AUC ranges from ${range(backtest)}` : '',
			lonely ? 'only one fold could be tested' : '',
		].filter(Boolean);
		return {
			thin: true,
			text: `Too thin to trust: ${why.join('; ')}. Treat these models as a first draft, and learn again with more history.`,
		};
	}
	return {
		thin: false,
		text: `${validation.converters} conversions, and the folds agree: the recommended model's AUC ranges from ${range(backtest)}.`,
	};
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
	const final = suggest(learning, Int32Array.from(table.entities.keys()));
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

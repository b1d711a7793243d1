import type { ModelKind, ScoringModel, SignalDefinition } from '../contract/pql';
import type { Shapes } from './bins';
import type { Candidates, Evidence } from './discovery';
import { discoverSignals } from './discovery';
import type { ShapeModel } from './learnedShapes';
import { learnShapes } from './learnedShapes';
import { logisticModel, thresholdModel, weightedModel } from './suggest';
import type { RuleSet } from './thresholdSearch';
import { searchRules } from './thresholdSearch';
import type { Table } from './table';
import { rowBits } from './table';

/** What every learning run shares, whichever rows it learns from. */
export interface Learning {
	table: Table;
	signals: SignalDefinition[];
	shapes: Shapes;
	candidates: Candidates;
	targetPqlShare: number;
}

export type Drafts = { [K in ModelKind]: Omit<Extract<ScoringModel, { kind: K }>, 'version'> };

export interface Suggestion {
	models: Drafts;
	evidence: Evidence;
	ruleSet: RuleSet;
	shapeModel: ShapeModel;
	minQualified: number;
}

/** The three suggested models learned from some rows of the table; null when no rule can be suggested. */
export function suggest(learning: Learning, rows: Int32Array): Suggestion | null {
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

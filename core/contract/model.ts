import type { Condition, LogisticModel, ModelKind, SignalCategory, SignalValue, ThresholdModel, WeightedModel } from './pql';

/** One user or account, measured with PQL Score's signals, and whether it converted. */
export interface LabelledEntity {
	id: string;
	values: Record<string, SignalValue>;
	converted: boolean;
	/** For time-ordered folds: when the entity's look-back window ended (ms since the epoch). */
	dateMs: number | null;
}

/**
 * How quality is estimated; the shipped models are always learned from every entity. Random: k
 * folds by a seeded hash of the ID, each tested by models learned from the others. Time: the
 * entities in date order cut into k + 1 blocks, each block after the first tested by models learned
 * from all blocks before it — as the model will be used, on entities newer than it learned from.
 */
export type Validation = { kind: 'random'; folds: number; seed: number } | { kind: 'time'; folds: number };

export interface LearnOptions {
	validation: Validation;
	/** Share of entities (0–1) the suggested models should qualify, e.g. 0.1. */
	targetPqlShare: number;
	/** Fewer conversions than this and the report says the data are too thin to trust. */
	minConversions: number;
	/** Model version; absent = a hash of the model's content. */
	version?: string;
}

export interface Interval {
	low: number;
	high: number;
}

export interface RuleCondition extends Condition {
	signal: string;
}

/** The 2×2 table of one candidate rule and what it says. */
export interface RuleEvidence {
	rule: RuleCondition;
	/** "Core feature used at least 5". */
	text: string;
	convertersWith: number;
	convertersWithout: number;
	othersWith: number;
	othersWithout: number;
	/** Share of converters that meet the rule, with a 95 % Wilson interval. */
	coverage: number;
	coverageInterval: Interval;
	/** Share of non-converters that meet the rule. */
	nonConverterRate: number;
	/** Conversion rate of those meeting / not meeting the rule; null when nobody is on that side. */
	conversionWith: number | null;
	conversionWithout: number | null;
	/** Conversion rate with ÷ without (half a count added to every cell when one is empty), 95 % interval. */
	lift: number;
	liftInterval: Interval;
	/** In at least 70 % of conversions and at least doubles the conversion rate. */
	flagged: boolean;
}

export interface SignalEvidence {
	signal: string;
	label: string;
	category: SignalCategory;
	/** The flagged rule with the highest lift, else the rule that separates best; null without candidates. */
	best: RuleEvidence | null;
	flagged: boolean;
	candidates: RuleEvidence[];
}

export interface Discovery {
	entities: number;
	converters: number;
	baseRate: number;
	signals: SignalEvidence[];
	/** Keys of flagged signals, strongest lift first. */
	flagged: string[];
}

export interface DecileRow {
	/** 1 = highest scores. */
	decile: number;
	entities: number;
	converters: number;
	conversionRate: number;
	minScore: number;
	maxScore: number;
	/** Logistic model only: mean predicted probability, to compare with the conversion rate. */
	meanProbability: number | null;
	/** Share of all converters in this decile and those above it. */
	cumulativeCapture: number;
	/** Conversion rate ÷ base rate. */
	lift: number;
}

export type AdviceVerdict = 'tooLoose' | 'tooTight' | 'inRange' | 'noPqls';

/** One fold: the models learned without it, tested on it. */
export interface FoldResult {
	fold: number;
	entities: number;
	converters: number;
	auc: number | null;
	pqlShare: number;
	/** PQL conversion rate in this fold. */
	precision: number | null;
}

/**
 * A suggested model tested by cross-validation: every entity scored once by PQL Score with the
 * model learned without it; the AUC is the mean over folds, with their range.
 */
export interface ModelBacktest {
	kind: ModelKind;
	entities: number;
	converters: number;
	baseRate: number;
	/** Mean of the folds' areas under the ROC curve (ties count half). Null when no fold has both classes. */
	auc: number | null;
	/** Lowest and highest fold AUC. */
	aucRange: Interval | null;
	folds: FoldResult[];
	pqls: number;
	pqlShare: number;
	/** Held-out converters among PQLs: the PQL conversion rate. */
	precision: number | null;
	recall: number | null;
	/** PQL conversion rate ÷ base rate. */
	liftOverBase: number | null;
	advice: { verdict: AdviceVerdict; text: string };
	deciles: DecileRow[];
}

export interface SuggestedModels {
	threshold: ThresholdModel;
	weighted: WeightedModel;
	logistic: LogisticModel;
}

export interface ShapeFitSummary {
	/** Newton rounds of the final fit (each also re-learns the signals' penalties). */
	rounds: number;
	converged: boolean;
	/** Signals with a learned shape, in the logistic model. */
	signals: string[];
	/** Signals the fit found no use for. */
	dropped: string[];
	/** Signals the shapes could not use and why. */
	skipped: Array<{ signal: string; reason: string }>;
}

export interface FoldSummary {
	fold: number;
	training: number;
	trainingConverters: number;
	validation: number;
	validationConverters: number;
	/** Time-ordered folds: the dates the tested block spans. */
	from?: string;
	to?: string;
}

export interface ValidationSummary {
	kind: Validation['kind'];
	/** Every entity: what the shipped models learned from. */
	entities: number;
	converters: number;
	folds: FoldSummary[];
	/** Folds that could not be used (no conversions to learn from, or none to test on), and why. */
	skipped: string[];
}

export interface Trust {
	/** Too few conversions, or folds that disagree too much, to take the numbers at face value. */
	thin: boolean;
	text: string;
}

export interface LearnedPql {
	models: SuggestedModels;
	/** Highest cross-validated AUC; the threshold model on a tie, as the easiest to explain. */
	recommended: ModelKind;
	/** On every entity. */
	discovery: Discovery;
	backtest: Record<ModelKind, ModelBacktest>;
	validation: ValidationSummary;
	fit: ShapeFitSummary;
	targetPqlShare: number;
	trust: Trust;
	warnings: string[];
}

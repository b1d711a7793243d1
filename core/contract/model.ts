import type { Condition, LogisticModel, ModelKind, SignalCategory, SignalValue, ThresholdModel, WeightedModel } from './pql';

/** One user or account, measured with PQL Score's signals, and whether it converted. */
export interface LabelledEntity {
	id: string;
	values: Record<string, SignalValue>;
	converted: boolean;
	/** For a split by time: when the entity's look-back window ended (ms since the epoch). */
	dateMs: number | null;
}

/** Random: each entity's side follows a seeded hash of its ID. Time: the latest entities are held out. */
export type HoldOut =
	| { kind: 'random'; share: number; seed: number }
	| { kind: 'time'; share: number; cutoffMs?: number };

export interface LearnOptions {
	holdOut: HoldOut;
	/** Share of entities (0–1) the suggested models should qualify, e.g. 0.1. */
	targetPqlShare: number;
	/** L2 penalty on the standardised logistic coefficients; larger pulls them towards 0. */
	l2: number;
	/** Fewer training conversions than this gives a warning. */
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

export interface ModelBacktest {
	kind: ModelKind;
	entities: number;
	converters: number;
	baseRate: number;
	/** Area under the ROC curve on held-out entities; ties count half. Null without both classes. */
	auc: number | null;
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

export interface LogisticFitSummary {
	iterations: number;
	converged: boolean;
	l2: number;
	/** Signals left out of the logistic model and why. */
	skipped: Array<{ signal: string; reason: string }>;
}

export interface SplitSummary {
	kind: HoldOut['kind'];
	training: number;
	trainingConverters: number;
	heldOut: number;
	heldOutConverters: number;
	/** Time split: entities dated before this are trained on. */
	cutoff?: string;
}

export interface LearnedPql {
	models: SuggestedModels;
	/** Highest held-out AUC; the threshold model on a tie, as the easiest to explain. */
	recommended: ModelKind;
	discovery: Discovery;
	backtest: Record<ModelKind, ModelBacktest>;
	split: SplitSummary;
	fit: LogisticFitSummary;
	targetPqlShare: number;
	warnings: string[];
}

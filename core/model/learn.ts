import type { LabelledEntity, LearnedPql, LearnOptions } from '../contract/model';
import type { ModelKind, ScoringModel, SignalDefinition } from '../contract/pql';
import { readModel, ScoringError } from '../scoring';
import { backtestModel } from './backtest';
import { discoverSignals } from './discovery';
import { chooseFeatures, designMatrix } from './features';
import { fitLogistic } from './logisticFit';
import { splitPopulation } from './split';
import { logisticModel, thresholdModel, weightedModel } from './suggest';
import { searchRules } from './thresholdSearch';
import { contentVersion } from './version';

const MIN_HELD_OUT_CONVERSIONS = 20;

function versioned<T extends Omit<ScoringModel, 'version'>>(model: T, version: string | undefined): T & { version: string } {
	return { ...model, version: version ?? contentVersion(model) };
}

function checkLabels(entities: LabelledEntity[]): void {
	const converters = entities.filter((entity) => entity.converted).length;
	if (converters === 0 || converters === entities.length) {
		throw new ScoringError(
			converters === 0 ? 'No entity in the training data converted' : 'Every entity in the training data converted',
			'Converted Field',
			'A model learns from the difference between those who converted and those who did not: include both.',
		);
	}
}

/**
 * Learns PQL definitions from who converted: tests every signal's candidate rules, suggests a
 * threshold model, weighted points and a logistic model (all in PQL Score's format), and backtests
 * each on held-out entities through PQL Score itself.
 */
export function learnPql(entities: LabelledEntity[], signals: SignalDefinition[], options: LearnOptions): LearnedPql {
	const split = splitPopulation(entities, options.holdOut);
	const { training, heldOut } = split;
	checkLabels(training);
	const evidence = discoverSignals(training, signals);
	const { discovery } = evidence;
	const minQualified = Math.max(1, Math.ceil(options.targetPqlShare * training.length));

	const ruleSet = searchRules(evidence, options.targetPqlShare);
	const features = chooseFeatures(training, signals);
	const fit = fitLogistic(
		designMatrix(training, features.specs),
		training.length,
		features.specs.length,
		training.map((entity) => (entity.converted ? 1 : 0)),
		{ l2: options.l2 },
	);
	const models = {
		threshold: versioned(thresholdModel(signals, ruleSet.rules), options.version),
		weighted: versioned(weightedModel(signals, discovery, training, minQualified), options.version),
		logistic: versioned(logisticModel(features, fit, training, minQualified), options.version),
	};
	// What PQL Score will accept when the JSON is pasted, checked here rather than by the user.
	Object.values(models).forEach((model) => readModel(JSON.parse(JSON.stringify(model))));

	const backtest = {
		threshold: backtestModel(models.threshold, heldOut),
		weighted: backtestModel(models.weighted, heldOut),
		logistic: backtestModel(models.logistic, heldOut),
	};
	const order: ModelKind[] = ['threshold', 'weighted', 'logistic'];
	const recommended = order.reduce((best, kind) => ((backtest[kind].auc ?? 0) > (backtest[best].auc ?? 0) ? kind : best));

	const heldOutConverters = heldOut.filter((entity) => entity.converted).length;
	const warnings = [
		...(discovery.converters < options.minConversions
			? [
					`Only ${discovery.converters} conversions to learn from (fewer than ${options.minConversions}): lifts and coefficients can change a lot with a few more deals, so treat these models as a first draft.`,
				]
			: []),
		...(heldOutConverters < MIN_HELD_OUT_CONVERSIONS
			? [`Only ${heldOutConverters} conversions were held out for the backtest: its numbers are rough.`]
			: []),
		...(discovery.flagged.length === 0
			? ['No signal is present in 70 % of conversions while at least doubling the conversion rate; the suggestions rest on weaker evidence.']
			: []),
		...(ruleSet.qualified < minQualified
			? [`No set of 2–3 rules qualifies the target share of entities; the suggested rules qualify ${ruleSet.qualified} of ${training.length}.`]
			: []),
		...(models.weighted.points.length === 0 ? ['No single rule clearly raises the conversion rate, so the weighted model gives no points.'] : []),
		...(fit.converged ? [] : [`The logistic fit did not settle within ${fit.iterations} steps; raise the regularisation strength.`]),
		...features.skipped.map(({ signal, reason }) => `"${signal}" is not in the logistic model: it ${reason}.`),
	];

	return {
		models,
		recommended,
		discovery,
		backtest,
		split: {
			kind: options.holdOut.kind,
			training: training.length,
			trainingConverters: discovery.converters,
			heldOut: heldOut.length,
			heldOutConverters,
			...(split.cutoffMs !== undefined ? { cutoff: new Date(split.cutoffMs).toISOString() } : {}),
		},
		fit: { iterations: fit.iterations, converged: fit.converged, l2: options.l2, skipped: features.skipped },
		targetPqlShare: options.targetPqlShare,
		warnings,
	};
}

import type { ModelBacktest, Trust, ValidationSummary } from '../contract/model';

/** Folds whose AUCs lie further apart than this disagree too much to trust one number. */
const WIDE_SPREAD = 0.15;

function range(backtest: ModelBacktest): string {
	return backtest.aucRange ? `${backtest.aucRange.low.toFixed(2)} to ${backtest.aucRange.high.toFixed(2)}` : 'unknown';
}

/** Says plainly whether the numbers can be trusted: enough conversions, and folds that agree. */
export function trustOf(backtest: ModelBacktest, validation: ValidationSummary, minConversions: number): Trust {
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

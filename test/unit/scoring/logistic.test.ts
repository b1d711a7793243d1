import type { LogisticModel } from '../../../core/contract/pql';
import { TEXTBOOK_SIGNALS, parseModelJson, scorePql } from '../../../core/scoring';
import { FieldError } from '../../../core/shared';
import { NOW, config, daysAgo, event, textbookEvents, usersOf } from './fixtures';

const model: LogisticModel = {
	kind: 'logistic',
	version: '2026-11-20',
	signals: TEXTBOOK_SIGNALS,
	intercept: -3,
	coefficients: { coreFeatureUsed: 0.5, teammateInvited: 1, pricingPageViewed: 0.8 },
	transforms: { coreFeatureUsed: 'log1p' },
	standardisation: { pricingPageViewed: { mean: 1, sd: 2 } },
	threshold: 0.5,
};

function sigmoid(x: number): number {
	return 1 / (1 + Math.exp(-x));
}

describe('logistic model', () => {
	const events = [...textbookEvents(), event('pricing_page_viewed', daysAgo(1)), event('pricing_page_viewed', daysAgo(1))];
	const [{ pql }] = scorePql(usersOf(events), config({ model: parseModelJson(JSON.stringify(model)) }), NOW);
	const logit = -3 + 0.5 * Math.log1p(1) + 1 * 3 + 0.8 * ((2 - 1) / 2);

	it('maps the probability to 0–100 and qualifies at the probability threshold', () => {
		expect(pql.metrics.probability).toBeCloseTo(sigmoid(logit), 4);
		expect(pql.score).toBe(Math.round(1000 * sigmoid(logit)) / 10);
		expect(pql.qualified).toBe(true);
		expect(pql.model).toEqual({ kind: 'logistic', version: '2026-11-20' });
	});

	it('traces the score to signals: baseline plus reasons is the score', () => {
		const total = pql.reasons.reduce((sum, { points }) => sum + points, pql.metrics.baselineScore ?? 0);
		expect(total).toBeCloseTo(pql.score, 0);
		expect(pql.reasons.map(({ signal }) => signal)).toEqual(['teammateInvited', 'pricingPageViewed', 'coreFeatureUsed']);
		expect(pql.reasons[0].detail).toMatch(/^Invited 3 teammates in the last 14 days: \+\d+(\.\d)? \(log-odds \+3\)$/);
	});

	it('stays below the threshold without the signals', () => {
		const [{ pql: quiet }] = scorePql(usersOf([event('signed_up', daysAgo(1))]), config({ model }), NOW);
		expect(quiet.score).toBe(Math.round(1000 * sigmoid(-3 + 0.8 * -0.5)) / 10);
		expect(quiet.qualified).toBe(false);
	});
});

describe('logistic model with step shapes', () => {
	const stepped: LogisticModel = {
		...model,
		coefficients: { coreFeatureUsed: 2, teammateInvited: 1 },
		transforms: { coreFeatureUsed: { steps: [{ from: 1, value: 0.25 }, { from: 5, value: 1 }] }, teammateInvited: 'log1p' },
		standardisation: undefined,
	};
	const parsed = parseModelJson(JSON.stringify(stepped));

	it.each([
		[0, 0],
		[1, 0.25],
		[4, 0.25],
		[5, 1],
		[9, 1],
	])('core feature used %i times adds %d of its coefficient: the last step reached', (uses, share) => {
		const events = Array.from({ length: uses }, () => event('core_feature_used', daysAgo(1)));
		const [{ pql }] = scorePql(usersOf([event('signed_up', daysAgo(1)), ...events]), config({ model: parsed }), NOW);
		expect(pql.metrics.probability).toBeCloseTo(sigmoid(-3 + 2 * share), 4);
	});

	it('names the step reached in the reason, so "5+ core feature uses" reads as such', () => {
		const events = Array.from({ length: 6 }, () => event('core_feature_used', daysAgo(1)));
		const [{ pql }] = scorePql(usersOf(events), config({ model: parsed }), NOW);
		expect(pql.reasons.find((reason) => reason.signal === 'coreFeatureUsed')?.detail).toMatch(
			/^Used the core feature 6 times in the last 30 days \(at least 5\): \+\d+(\.\d)? \(log-odds \+2\)$/,
		);
	});
});

describe('model JSON import', () => {
	function errorOf(text: string): FieldError {
		try {
			parseModelJson(text);
		} catch (error) {
			if (error instanceof FieldError) return error;
		}
		throw new Error('expected a FieldError');
	}

	it('names the field that is wrong', () => {
		expect(errorOf('{ nope').field).toBe('modelJson');
		expect(errorOf(JSON.stringify({ ...model, threshold: 70 })).field).toBe('modelJson.threshold');
		expect(errorOf(JSON.stringify({ ...model, coefficients: { unknown: 1 } })).message).toBe(
			'"modelJson.coefficients.unknown" refers to a signal "unknown" that is not defined',
		);
		expect(errorOf(JSON.stringify({ ...model, standardisation: { coreFeatureUsed: { mean: 0, sd: 0 } } })).field).toBe(
			'modelJson.standardisation.coreFeatureUsed.sd',
		);
		expect(errorOf(JSON.stringify({ ...model, signals: [{ key: 'x', category: 'usage' }] })).field).toBe(
			'modelJson.signals[0].source.kind',
		);
		expect(errorOf(JSON.stringify({ ...model, transforms: { coreFeatureUsed: 'sqrt' } })).field).toBe('modelJson.transforms.coreFeatureUsed');
		expect(errorOf(JSON.stringify({ ...model, transforms: { coreFeatureUsed: { steps: [] } } })).message).toBe(
			'"modelJson.transforms.coreFeatureUsed.steps" lists no steps',
		);
		const unordered = { steps: [{ from: 5, value: 1 }, { from: 5, value: 2 }] };
		expect(errorOf(JSON.stringify({ ...model, transforms: { coreFeatureUsed: unordered } })).field).toBe('modelJson.transforms.coreFeatureUsed.steps[1].from');
		expect(errorOf(JSON.stringify({ ...model, transforms: { coreFeatureUsed: { steps: [{ from: 1 }] } } })).field).toBe(
			'modelJson.transforms.coreFeatureUsed.steps[0].value',
		);
	});

	it('reads weighted and threshold models too', () => {
		const weighted = { kind: 'weighted', version: '1', signals: TEXTBOOK_SIGNALS, points: [{ signal: 'signedUp', points: 10 }], qualifyAt: 70 };
		expect(parseModelJson(JSON.stringify(weighted))).toMatchObject({ fullScorePoints: 100, points: [{ per: 'condition' }] });
	});
});

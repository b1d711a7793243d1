import * as model from '../../../core/model';
import * as scoring from '../../../core/scoring';
import type { SeedQuality } from '../../support/model-quality';
import { SEEDS, seedQuality } from '../../support/model-quality';

// Learn from ~1,300 entities (~130 conversions), paste each model's JSON into PQL Score and score
// 10,000 entities the learner never saw. Every seed must pass; `node bench/model.js` prints the
// same numbers as a table (the README's).
describe('PQL Model against the generating mechanism, scored by PQL Score on unseen entities', () => {
	let results: SeedQuality[] = [];

	beforeAll(() => {
		results = SEEDS.map((seed) => seedQuality({ ...model, ...scoring }, { seed }));
	}, 300_000);

	it('logistic suggestion: within 0.015 AUC of the generating mechanism, and at least a plain L2 logistic fit', () => {
		results.forEach((r) => {
			expect(r.ceiling - r.logistic).toBeLessThanOrEqual(0.015);
			expect(r.logistic).toBeGreaterThanOrEqual(r.plain);
		});
	});

	it('weighted points: within 0.03 AUC of the logistic suggestion, above the textbook hand weights, nothing for pure noise', () => {
		results.forEach((r) => {
			expect(r.logistic - r.points).toBeLessThanOrEqual(0.03);
			expect(r.points).toBeGreaterThan(r.textbook);
			expect(r.learned.models.weighted.points.filter((rule) => r.noise.includes(rule.signal))).toEqual([]);
		});
	});

	it('rules: at least 3× the base conversion rate among at most 20 % flagged', () => {
		results.forEach((r) => {
			expect(r.flagged).toBeLessThanOrEqual(0.2);
			expect(r.lift).toBeGreaterThanOrEqual(3);
		});
	});

	it('the report\'s cross-validated estimate (of the recommended model) comes with its range', () => {
		results.forEach(({ learned }) => {
			const { auc, aucRange } = learned.backtest[learned.recommended];
			expect(aucRange?.low).toBeLessThanOrEqual(auc ?? 0);
			expect(aucRange?.high).toBeGreaterThanOrEqual(auc ?? 1);
			expect(learned.trust.text).toContain(`${aucRange?.low.toFixed(2)} to ${aucRange?.high.toFixed(2)}`);
		});
	});
});

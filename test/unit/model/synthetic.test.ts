import type { LabelledEntity, LearnOptions } from '../../../core/contract/model';
import type { SignalDefinition } from '../../../core/contract/pql';
import { fieldSignals, labelEntities, learnPql, measurePopulation, profileUser, renderReport } from '../../../core/model';
import { DEFAULT_CONFIG, parseModelJson, scorePql } from '../../../core/scoring';
import { categoryOf, generatePopulation } from '../../support/population';

const NOW = new Date('2027-01-01T00:00:00Z');
const OPTIONS: LearnOptions = { validation: { kind: 'random', folds: 5, seed: 11 }, targetPqlShare: 0.1, minConversions: 50 };

interface Population {
	entities: LabelledEntity[];
	signals: SignalDefinition[];
	rows: ReturnType<typeof generatePopulation>['rows'];
	drivers: string[];
	noise: string[];
}

function population(seed: number, size: number): Population {
	const { rows, signalFields, drivers, noise } = generatePopulation({ seed, size });
	const signals = fieldSignals(signalFields, categoryOf);
	const measured = measurePopulation(
		rows.map((row, index) => profileUser(row.userId, row, index)),
		signals,
		{ level: 'user', now: NOW, timeZone: 'UTC' },
	);
	const entities = labelEntities(measured, (index) => rows[index].converted, (index) => Date.parse(rows[index].windowEnd));
	return { entities, signals, rows, drivers, noise };
}

/** What PQL Score makes of the pasted model JSON for these rows. */
function scoredByPqlScore(modelJson: string, rows: Population['rows']) {
	const users = rows.map((row, index) => profileUser(row.userId, row, index));
	return scorePql(users, { ...DEFAULT_CONFIG, model: parseModelJson(modelJson), antiPql: [] }, NOW).map(({ pql }) => pql);
}

describe('learning from a synthetic population with a known mechanism', () => {
	const { entities, signals, rows, drivers, noise } = population(7, 3000);
	const learned = learnPql(entities, signals, OPTIONS);

	it('puts the drivers in the predictive model and gives pure noise next to no weight', () => {
		const { coefficients } = learned.models.logistic;
		const strongest = (keys: string[]): number => Math.max(0, ...keys.map((key) => Math.abs(coefficients[key] ?? 0)));
		expect(learned.fit.signals.filter((signal) => drivers.includes(signal)).length).toBeGreaterThanOrEqual(6);
		expect(strongest(noise)).toBeLessThan(0.25);
		expect(strongest(drivers)).toBeGreaterThan(1);
		expect(learned.fit.dropped.length + learned.fit.signals.length).toBe(signals.length - 1);
		expect(learned.fit.skipped).toEqual([{ signal: 'sizeBand', reason: expect.stringContaining('holds text') }]);
	});

	it('exports step shapes a reason can name, and PQL Score qualifies the target share with them', () => {
		const { logistic } = learned.models;
		const projects = logistic.transforms?.projectsCreated;
		expect(projects).toEqual({ steps: expect.any(Array) });
		const scored = scoredByPqlScore(JSON.stringify(logistic), rows);
		const qualified = scored.filter((pql) => pql.qualified).length;
		expect(qualified).toBeGreaterThanOrEqual(Math.ceil(0.1 * rows.length));
		expect(qualified).toBeLessThan(0.13 * rows.length);
		const reason = scored.flatMap((pql) => pql.reasons).find((r) => r.signal === 'projectsCreated');
		expect(reason?.detail).toMatch(/^projectsCreated: \d+ \(at least \d+\): \+\d+(\.\d)? \(log-odds \+[\d.]+\)$/);
	});

	it('derives the points from the same fit: no points for noise, steps that add up, at most 100 in all', () => {
		const { weighted } = learned.models;
		const signalsWithPoints = [...new Set(weighted.points.map((rule) => rule.signal))];
		expect(signalsWithPoints.filter((signal) => noise.includes(signal))).toEqual([]);
		expect(signalsWithPoints.every((signal) => learned.fit.signals.includes(signal))).toBe(true);
		expect(weighted.points.every((rule) => rule.points > 0 && rule.when?.operator === 'gte')).toBe(true);
		expect(weighted.points.reduce((sum, rule) => sum + rule.points, 0)).toBeLessThanOrEqual(100);
		const scored = scoredByPqlScore(JSON.stringify(weighted), rows);
		expect(scored.filter((pql) => pql.qualified).length).toBeGreaterThanOrEqual(Math.ceil(0.1 * rows.length));
		expect(scored[0].reasons.every((reason) => /\(at least \d+(\.\d+)?\): \+\d+$/.test(reason.detail))).toBe(true);
	});

	it('weighs the rules so that meeting the weightier ones ranks higher, and qualifies only on all of them', () => {
		const { threshold } = learned.models;
		expect(threshold.rules.length).toBeGreaterThanOrEqual(2);
		expect(threshold.rules.every((rule) => (rule.points ?? 0) >= 1)).toBe(true);
		const scored = scoredByPqlScore(JSON.stringify(threshold), rows);
		expect(new Set(scored.map((pql) => pql.score)).size).toBeGreaterThan(threshold.rules.length + 1);
		expect(scored.every((pql) => pql.qualified === (pql.score === 100))).toBe(true);
	});

	it('cross-validates: every entity tested once, by models learned without it; the AUC is the folds\' mean with their range', () => {
		for (const kind of ['threshold', 'weighted', 'logistic'] as const) {
			const result = learned.backtest[kind];
			expect(result.entities).toBe(entities.length);
			expect(result.folds.map((fold) => fold.fold)).toEqual([1, 2, 3, 4, 5]);
			expect(result.folds.reduce((sum, fold) => sum + fold.entities, 0)).toBe(entities.length);
			const aucs = result.folds.map((fold) => fold.auc ?? 0);
			expect(result.auc).toBeCloseTo(aucs.reduce((sum, value) => sum + value, 0) / aucs.length, 12);
			expect(result.aucRange).toEqual({ low: Math.min(...aucs), high: Math.max(...aucs) });
			expect(result.pqlShare).toBeGreaterThan(0.05);
			expect(result.pqlShare).toBeLessThan(0.2);
			expect(result.deciles[9].cumulativeCapture).toBeCloseTo(1, 12);
		}
		expect(learned.validation.folds.every((fold) => fold.training + fold.validation === entities.length)).toBe(true);
		expect(learned.backtest.logistic.auc).toBeGreaterThan(0.85);
		expect(learned.trust).toEqual({ thin: false, text: expect.stringMatching(/^\d+ conversions, and the folds agree: the recommended model's AUC ranges from 0\.\d\d to 0\.\d\d\.$/) });
	});

	it('is deterministic: the same input gives the same models and numbers, whatever the input order', () => {
		const again = learnPql([...entities].reverse(), signals, OPTIONS);
		expect(JSON.stringify(again.models)).toBe(JSON.stringify(learned.models));
		expect(again.backtest).toEqual(learned.backtest);
	});

	it('tests on time-ordered folds when asked: each block only by models learned from older entities', () => {
		const byTime = learnPql(entities, signals, { ...OPTIONS, validation: { kind: 'time', folds: 4 } });
		const folds = byTime.validation.folds;
		expect(folds.map((fold) => fold.training)).toEqual([600, 1200, 1800, 2400]);
		expect(folds.every((fold) => fold.validation === 600)).toBe(true);
		folds.forEach((fold, index) => {
			expect((fold.from ?? '') <= (fold.to ?? '')).toBe(true);
			if (index > 0) expect((folds[index - 1].to ?? '') <= (fold.from ?? '')).toBe(true);
		});
		// The shipped models are learned from every entity either way.
		expect(byTime.models).toEqual(learned.models);
		expect(() => learnPql(entities.map((entity) => ({ ...entity, dateMs: null })), signals, { ...OPTIONS, validation: { kind: 'time', folds: 4 } })).toThrow(
			/has no date/,
		);
	});

	it('renders a report with the cross-validated range, the step shapes and rules, escaping what it shows', () => {
		const hostile = { ...learned, warnings: ['<script>alert(1)</script>'] };
		const html = renderReport(hostile, 'Q4 <PQL> & co');
		expect(html).toContain('<svg');
		expect(html).toContain('Q4 &lt;PQL&gt; &amp; co');
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(html).not.toContain('<script>');
		expect(html).toContain('5-fold cross-validation');
		expect(html).toContain(`(folds ${learned.backtest.logistic.aucRange?.low.toFixed(3)}–`);
		expect(html).toMatch(/at least \d+: \d\.\d\d/);
		expect(html).toContain(learned.trust.text.replace(/'/g, '&#39;'));
		expect(html.match(/<tr>/g)?.length).toBeGreaterThan(20);
	});
});

describe('thin data', () => {
	it('says plainly when there are too few conversions to trust the numbers', () => {
		const { entities, signals } = population(5, 400);
		const thin = learnPql(entities, signals, OPTIONS);
		expect(thin.validation.converters).toBeLessThan(50);
		expect(thin.trust.thin).toBe(true);
		expect(thin.trust.text).toMatch(
			new RegExp(`^Too thin to trust: only ${thin.validation.converters} conversions \\(fewer than 50\\).*Treat these models as a first draft, and learn again with more history\\.$`),
		);
		expect(renderReport(thin)).toContain('<p class="thin">Too thin to trust');
	});
});

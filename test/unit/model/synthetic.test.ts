import type { LabelledEntity } from '../../../core/contract/model';
import type { SignalDefinition } from '../../../core/contract/pql';
import {
	auc,
	fieldSignals,
	labelEntities,
	learnPql,
	measurePopulation,
	profileUser,
	rankingScore,
	renderReport,
	splitPopulation,
} from '../../../core/model';
import { parseModelJson, scorePql, DEFAULT_CONFIG } from '../../../core/scoring';
import { generatePopulation } from '../../support/population';

const HOLD_OUT = { kind: 'random' as const, share: 0.3, seed: 11 };
const OPTIONS = { holdOut: HOLD_OUT, targetPqlShare: 0.1, l2: 1, minConversions: 50 };

function population(seed: number, size: number): { entities: LabelledEntity[]; signals: SignalDefinition[]; truth: Map<string, number>; drivers: string[] } {
	const { rows, signalFields, drivers } = generatePopulation({ seed, size });
	const signals = fieldSignals(signalFields, (field) => (field === 'sizeBand' ? 'fit' : 'usage'));
	const users = rows.map((row, index) => profileUser(row.userId, row, index));
	const measured = measurePopulation(users, signals, { level: 'user', now: new Date('2027-01-01T00:00:00Z'), timeZone: 'UTC' });
	const entities = labelEntities(measured, (index) => rows[index].converted, (index) => Date.parse(rows[index].windowEnd));
	return { entities, signals, truth: new Map(rows.map((row) => [row.userId, row.probability])), drivers };
}

describe('learning from a synthetic population with a known mechanism', () => {
	const { entities, signals, truth, drivers } = population(7, 12000);
	const learned = learnPql(entities, signals, OPTIONS);
	const { heldOut } = splitPopulation(entities, HOLD_OUT);
	const generatingAuc = auc(
		heldOut.map((entity) => truth.get(entity.id) ?? 0),
		heldOut.map((entity) => entity.converted),
	) ?? 0;

	it('flags exactly the signals that drive conversion', () => {
		expect([...learned.discovery.flagged].sort()).toEqual([...drivers].sort());
	});

	it('suggests rules on the drivers and reaches the generating model\'s AUC within 0.03', () => {
		expect(learned.models.threshold.rules.map((rule) => rule.signal).sort()).toEqual([...drivers].sort());
		expect(learned.backtest.threshold.auc ?? 0).toBeGreaterThan(generatingAuc - 0.03);
		expect(learned.backtest.logistic.auc ?? 0).toBeGreaterThan(generatingAuc - 0.03);
		expect(learned.backtest.weighted.auc ?? 0).toBeGreaterThan(generatingAuc - 0.03);
	});

	it('backtests what PQL Score does with the pasted model JSON', () => {
		const model = parseModelJson(JSON.stringify(learned.models.logistic));
		const users = heldOut.map((entity, index) => profileUser(entity.id, entity.values, index));
		const scored = scorePql(users, { ...DEFAULT_CONFIG, model, antiPql: [] }, new Date('2027-01-01T00:00:00Z'));
		const fromScore = auc(scored.map(({ pql }) => rankingScore({ score: pql.score, qualified: pql.qualified, metrics: pql.metrics })), heldOut.map((e) => e.converted));
		expect(fromScore).toBe(learned.backtest.logistic.auc);
		expect(scored.filter(({ pql }) => pql.qualified)).toHaveLength(learned.backtest.logistic.pqls);
	});

	it('aims at the target PQL share and gives advice from the PQL conversion rate', () => {
		for (const kind of ['threshold', 'weighted', 'logistic'] as const) {
			const result = learned.backtest[kind];
			expect(result.pqlShare).toBeGreaterThan(0.05);
			expect(result.pqlShare).toBeLessThan(0.2);
			expect(result.advice.verdict).toBe((result.precision ?? 0) > 0.4 ? 'tooTight' : 'inRange');
			expect(result.deciles).toHaveLength(10);
			expect(result.deciles[9].cumulativeCapture).toBeCloseTo(1, 12);
		}
	});

	it('is deterministic: the same input gives the same models and numbers, whatever the input order', () => {
		const again = learnPql([...entities].reverse(), signals, OPTIONS);
		expect(JSON.stringify(again.models)).toBe(JSON.stringify(learned.models));
		expect(again.backtest.logistic.auc).toBe(learned.backtest.logistic.auc);
	});

	it('splits by time when asked: older entities learn, newer ones test', () => {
		const byTime = learnPql(entities, signals, { ...OPTIONS, holdOut: { kind: 'time', share: 0.3, cutoffMs: Date.parse('2026-10-01') } });
		expect(byTime.split.cutoff).toBe('2026-10-01T00:00:00.000Z');
		expect(byTime.split.heldOut).toBe(entities.filter((e) => (e.dateMs ?? 0) >= Date.parse('2026-10-01')).length);
	});

	it('renders a report with the lift chart, deciles and rules, escaping what it shows', () => {
		const hostile = { ...learned, warnings: ['<script>alert(1)</script>'] };
		const html = renderReport(hostile, 'Q4 <PQL> & co');
		expect(html).toContain('<svg');
		expect(html).toContain('Q4 &lt;PQL&gt; &amp; co');
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(html).not.toContain('<script>');
		expect(html).toContain('coreFeatureUsed at least');
		expect(html.match(/<tr>/g)?.length).toBeGreaterThan(20);
	});
});

describe('thin data', () => {
	it('warns when there are fewer than 50 conversions to learn from', () => {
		const { entities, signals } = population(5, 160);
		const thin = learnPql(entities, signals, OPTIONS);
		expect(thin.discovery.converters).toBeLessThan(50);
		expect(thin.warnings[0]).toBe(
			`Only ${thin.discovery.converters} conversions to learn from (fewer than 50): lifts and coefficients can change a lot with a few more deals, so treat these models as a first draft.`,
		);
		expect(thin.warnings[1]).toMatch(/^Only \d+ conversions were held out/);
	});
});

import type { PointRule, ScoringConfig, WeightedModel } from '../../../core/contract/pql';
import { TEXTBOOK_WEIGHTED_MODEL, decayFactor, scorePql } from '../../../core/scoring';
import { NOW, config, daysAgo, event, textbookEvents, usersOf } from './fixtures';

function weighted(overrides: Partial<WeightedModel>): ScoringConfig {
	return config({ model: { ...TEXTBOOK_WEIGHTED_MODEL, ...overrides } });
}

function only(rule: PointRule, overrides: Partial<WeightedModel> = {}): ScoringConfig {
	return weighted({ points: [rule], ...overrides });
}

function scoreOf(events: ReturnType<typeof event>[], settings: ScoringConfig) {
	return scorePql(usersOf(events), settings, NOW)[0].pql;
}

describe('weighted model, textbook defaults', () => {
	const pql = scoreOf(textbookEvents(), config());

	it('scores the textbook user 75 and qualifies at 70', () => {
		expect(pql.score).toBe(75);
		expect(pql.qualified).toBe(true);
		expect(pql.grade).toBe('B');
		expect(pql.model).toEqual({ kind: 'weighted', version: 'textbook-1' });
	});

	it('gives the four reasons with their points, largest first', () => {
		expect(pql.reasons.map(({ signal, points }) => [signal, points])).toEqual([
			['teammateInvited', 30],
			['onboardingCompleted', 20],
			['coreFeatureUsed', 15],
			['signedUp', 10],
		]);
		expect(pql.reasons[0].detail).toBe('Invited 3 teammates in the last 14 days: +30');
		expect(pql.components).toEqual({ usage: 75, intent: 0, fit: 0 });
	});

	it('does not qualify at 45 points and adds intent for pricing and limits', () => {
		const below = scoreOf(textbookEvents().slice(0, 3), config());
		expect(below.score).toBe(45);
		expect(below.qualified).toBe(false);
		const all = scoreOf(
			[...textbookEvents(), event('pricing_page_viewed', daysAgo(1)), event('Usage Limit Hit', daysAgo(1))],
			config(),
		);
		expect(all.score).toBe(100);
		expect(all.components).toEqual({ usage: 75, intent: 60, fit: 0 });
	});
});

describe('time decay by half-life', () => {
	it.each([
		[0, 1],
		[14, 0.5],
		[28, 0.25],
	])('is exact at %d days with a 14-day half-life', (age, factor) => {
		expect(decayFactor(age, 14)).toBe(factor);
	});

	it.each([
		[0, 20],
		[14, 10],
		[28, 5],
	])('turns 20 points into exact points for an event %d days old', (age, points) => {
		const pql = scoreOf(
			[event('onboarding_completed', daysAgo(age))],
			only({ signal: 'onboardingCompleted', points: 20, per: 'condition' }, { halfLifeDays: 14 }),
		);
		expect(pql.score).toBe(points);
	});

	it('decays each occurrence by its own age and says so in the reason', () => {
		const pql = scoreOf(
			[event('core_feature_used', daysAgo(0)), event('core_feature_used', daysAgo(7))],
			only({ signal: 'coreFeatureUsed', points: 10, per: 'occurrence', halfLifeDays: 7 }),
		);
		expect(pql.score).toBe(15);
		expect(pql.reasons[0].detail).toBe('Used the core feature 2 times in the last 30 days: +15 (decayed from +20)');
	});
});

describe('caps and negative points', () => {
	const tenUses = Array.from({ length: 10 }, (_, day) => event('core_feature_used', daysAgo(day)));

	it('caps a signal', () => {
		const pql = scoreOf(tenUses, only({ signal: 'coreFeatureUsed', points: 5, per: 'occurrence', cap: 20 }));
		expect(pql.score).toBe(20);
		expect(pql.reasons[0].detail).toContain('capped at 20');
	});

	it('caps a category and scales its reasons so they still add up', () => {
		const pql = scoreOf(textbookEvents(), weighted({ categoryCaps: { usage: 50 } }));
		expect(pql.score).toBe(50);
		expect(pql.reasons.map(({ points }) => points)).toEqual([20, 13.3, 10, 6.7]);
		expect(pql.components.usage).toBe(50);
	});

	it('subtracts negative points for an anti-signal and never goes below 0', () => {
		const antiSignal: PointRule = { signal: 'usageLimitHit', points: -25, per: 'condition' };
		const withAnti = weighted({ points: [...TEXTBOOK_WEIGHTED_MODEL.points.slice(0, 5), antiSignal] });
		const pql = scoreOf([...textbookEvents(), event('usage_limit_hit', daysAgo(1))], withAnti);
		expect(pql.score).toBe(50);
		expect(pql.reasons.at(-1)).toMatchObject({ signal: 'usageLimitHit', points: -25 });
		expect(scoreOf([event('usage_limit_hit', daysAgo(1))], withAnti).score).toBe(0);
	});

	it('normalises: full-score points make 100, more is capped at 100', () => {
		expect(scoreOf(textbookEvents(), weighted({ fullScorePoints: 150 })).score).toBe(50);
		const many = scoreOf(tenUses, only({ signal: 'coreFeatureUsed', points: 15, per: 'occurrence' }));
		expect(many.score).toBe(100);
	});
});

describe('conditions and field signals', () => {
	it('gives points per condition only when it holds', () => {
		const rule: PointRule = { signal: 'coreFeatureUsed', points: 15, per: 'condition', when: { operator: 'gte', value: 3 } };
		const twice = [event('core_feature_used', daysAgo(1)), event('core_feature_used', daysAgo(2))];
		expect(scoreOf(twice, only(rule)).score).toBe(0);
		expect(scoreOf([...twice, event('core_feature_used', daysAgo(3))], only(rule)).score).toBe(15);
	});

	it('scores fit from item fields, e.g. company size band and seniority', () => {
		const model: WeightedModel = {
			...TEXTBOOK_WEIGHTED_MODEL,
			signals: [
				...TEXTBOOK_WEIGHTED_MODEL.signals,
				{ key: 'sizeBand', label: 'Company size', category: 'fit', source: { kind: 'field', path: 'company.sizeBand' }, aggregation: 'count' },
				{ key: 'seniority', label: 'Seniority', category: 'fit', source: { kind: 'field', path: 'person.seniority' }, aggregation: 'count' },
			],
			points: [
				{ signal: 'sizeBand', points: 15, per: 'condition', when: { operator: 'in', value: ['51-200', '201-1000'] } },
				{ signal: 'seniority', points: 10, per: 'condition', when: { operator: 'eq', value: 'executive' } },
			],
		};
		const users = usersOf([event('signed_up', daysAgo(1))]);
		users[0].profile = { company: { sizeBand: '51-200' }, person: { seniority: 'Executive' } };
		const [{ pql }] = scorePql(users, config({ model }), NOW);
		expect(pql.score).toBe(25);
		expect(pql.components.fit).toBe(25);
		expect(pql.reasons.map(({ detail }) => detail)).toEqual(['Company size: 51-200: +15', 'Seniority: Executive: +10']);
	});

	it('counts only events whose property meets the condition, and sums a property', () => {
		const model: WeightedModel = {
			...TEXTBOOK_WEIGHTED_MODEL,
			signals: [
				{ key: 'bigExports', label: 'Big exports', category: 'intent', source: { kind: 'events', names: ['export'], where: { property: 'rows', operator: 'gte', value: 1000 } }, aggregation: 'count' },
				{ key: 'rowsExported', label: 'Rows exported', category: 'usage', source: { kind: 'events', names: ['export'] }, aggregation: 'sum', property: 'rows' },
				{ key: 'largestExport', label: 'Largest export', category: 'usage', source: { kind: 'events', names: ['export'] }, aggregation: 'max', property: 'rows' },
			],
			points: [{ signal: 'bigExports', points: 10, per: 'occurrence' }],
		};
		const exports = [50, 1000, 2500].map((rows) => event('export', daysAgo(1), { properties: { rows } }));
		const pql = scoreOf(exports, config({ model }));
		expect(pql.score).toBe(20);
		expect(pql.metrics.signals).toEqual({ bigExports: 2, rowsExported: 3550, largestExport: 2500 });
	});
});

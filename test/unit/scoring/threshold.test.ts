import type { ThresholdModel } from '../../../core/contract/pql';
import { TEXTBOOK_THRESHOLD_MODEL, scorePql } from '../../../core/scoring';
import { NOW, config, daysAgo, event, usersOf } from './fixtures';

interface Case {
	name: string;
	coreUses: number;
	invites: number;
	activeDaysAgo: number[];
	qualified: boolean;
}

/** "Core feature ≥ 5 AND invited ≥ 1 AND active on ≥ 3 of the last 7 days." */
const cases: Case[] = [
	{ name: 'meets all three', coreUses: 5, invites: 1, activeDaysAgo: [0, 2, 4], qualified: true },
	{ name: 'well above all three', coreUses: 12, invites: 4, activeDaysAgo: [0, 1, 2, 3, 4, 5, 6], qualified: true },
	{ name: 'uses the core feature 4 times', coreUses: 4, invites: 1, activeDaysAgo: [0, 2, 4], qualified: false },
	{ name: 'invited nobody', coreUses: 9, invites: 0, activeDaysAgo: [0, 2, 4], qualified: false },
	{ name: 'active on 2 days', coreUses: 9, invites: 2, activeDaysAgo: [0, 1], qualified: false },
	{ name: 'third active day exactly 7 days ago', coreUses: 5, invites: 1, activeDaysAgo: [0, 1, 7], qualified: true },
	{ name: 'third active day 8 days ago', coreUses: 5, invites: 1, activeDaysAgo: [0, 1, 8], qualified: false },
];

function eventsOf({ name, coreUses, invites, activeDaysAgo }: Case) {
	const userId = name;
	// The core uses fall on the active days, so the active days are exactly `activeDaysAgo`.
	const uses = Array.from({ length: coreUses }, (_, index) =>
		event('core_feature_used', daysAgo(activeDaysAgo[index % activeDaysAgo.length]), { userId }),
	);
	const invited = Array.from({ length: invites }, () => event('teammate_invited', daysAgo(activeDaysAgo[0]), { userId }));
	return [...uses, ...invited];
}

describe('threshold model: the textbook example', () => {
	const results = scorePql(usersOf(cases.flatMap(eventsOf)), config({ model: TEXTBOOK_THRESHOLD_MODEL }), NOW);

	it.each(cases)('$name → qualified: $qualified', (testCase) => {
		const result = results.find(({ pql }) => pql.entity.id === testCase.name);
		expect(result?.pql.qualified).toBe(testCase.qualified);
	});

	it('qualifies exactly the users it should', () => {
		const qualified = results.filter(({ pql }) => pql.qualified).map(({ pql }) => pql.entity.id);
		expect(qualified).toEqual(cases.filter((testCase) => testCase.qualified).map(({ name }) => name));
	});

	it('scores the share of rules met and names the rules in the reasons', () => {
		const { pql } = results[2];
		expect(pql.score).toBe(66.7);
		expect(pql.metrics.rules).toEqual([
			{ signal: 'coreFeatureUsed', met: false },
			{ signal: 'teammateInvited', met: true },
			{ signal: 'activeDays', met: true },
		]);
		expect(pql.reasons.map(({ detail }) => detail)).toContain('Active on 3 days in the last 7 days (rule: at least 3): +33.3');
	});
});

describe('threshold model: any', () => {
	const model: ThresholdModel = {
		...TEXTBOOK_THRESHOLD_MODEL,
		combine: 'any',
		rules: [
			{ signal: 'usageLimitHit', operator: 'exists' },
			{ signal: 'pricingPageViewed', operator: 'gte', value: 3 },
		],
	};

	it.each([
		[['usage_limit_hit'], true],
		[['pricing_page_viewed', 'pricing_page_viewed', 'pricing_page_viewed'], true],
		[['pricing_page_viewed', 'pricing_page_viewed'], false],
	])('%j → qualified: %s', (names, qualified) => {
		const [{ pql }] = scorePql(usersOf(names.map((name) => event(name, daysAgo(1)))), config({ model }), NOW);
		expect(pql.qualified).toBe(qualified);
	});
});

describe('threshold model: rules with points', () => {
	const model: ThresholdModel = {
		...TEXTBOOK_THRESHOLD_MODEL,
		rules: TEXTBOOK_THRESHOLD_MODEL.rules.map((rule, index) => ({ ...rule, points: [50, 30, 20][index] })),
	};
	const results = scorePql(usersOf(cases.flatMap(eventsOf)), config({ model }), NOW);
	const byName = (name: string) => results.find(({ pql }) => pql.entity.id === name)?.pql;

	it('scores the points of the rules met out of all points, so the weightier rules rank first', () => {
		// Invited nobody: core feature (50) and active days (20) met.
		expect(byName('invited nobody')?.score).toBe(70);
		// Core feature used 4 times: invited (30) and active (20).
		expect(byName('uses the core feature 4 times')?.score).toBe(50);
		expect(byName('uses the core feature 4 times')?.reasons.map(({ points }) => points)).toEqual([30, 20]);
	});

	it('still qualifies only those who meet every rule', () => {
		expect(results.filter(({ pql }) => pql.qualified).map(({ pql }) => pql.entity.id)).toEqual(
			cases.filter((testCase) => testCase.qualified).map(({ name }) => name),
		);
		expect(results.filter(({ pql }) => pql.qualified).every(({ pql }) => pql.score === 100)).toBe(true);
	});
});

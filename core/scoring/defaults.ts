import type {
	GradeBand,
	ScoringConfig,
	SignalDefinition,
	ThresholdModel,
	WeightedModel,
} from '../contract/pql';

/** Event names in PostHog's snake_case and in Segment's B2B SaaS spec wording. */
export const TEXTBOOK_SIGNALS: SignalDefinition[] = [
	{
		key: 'signedUp',
		label: 'Signed up',
		category: 'usage',
		source: { kind: 'events', names: ['signed_up', 'Signed Up'] },
		aggregation: 'exists',
		detail: 'Signed up',
	},
	{
		key: 'onboardingCompleted',
		label: 'Onboarding completed',
		category: 'usage',
		source: { kind: 'events', names: ['onboarding_completed', 'Onboarding Completed'] },
		aggregation: 'exists',
		detail: 'Completed onboarding',
	},
	{
		key: 'coreFeatureUsed',
		label: 'Core feature used',
		category: 'usage',
		source: { kind: 'events', names: ['core_feature_used', 'Core Feature Used'] },
		aggregation: 'count',
		windowDays: 30,
		detail: 'Used the core feature {value} time{s}',
	},
	{
		key: 'teammateInvited',
		label: 'Teammate invited',
		category: 'usage',
		source: { kind: 'events', names: ['teammate_invited', 'Invite Sent'] },
		aggregation: 'count',
		windowDays: 14,
		detail: 'Invited {value} teammate{s}',
	},
	{
		key: 'pricingPageViewed',
		label: 'Pricing page viewed',
		category: 'intent',
		source: { kind: 'events', names: ['pricing_page_viewed', 'Pricing Page Viewed'] },
		aggregation: 'count',
		windowDays: 14,
		detail: 'Viewed the pricing page {value} time{s}',
	},
	{
		key: 'usageLimitHit',
		label: 'Usage limit hit',
		category: 'intent',
		source: { kind: 'events', names: ['usage_limit_hit', 'Usage Limit Hit'] },
		aggregation: 'count',
		windowDays: 30,
		detail: 'Hit a usage limit {value} time{s}',
	},
	{
		key: 'activeDays',
		label: 'Active days',
		category: 'usage',
		source: { kind: 'events', names: ['*'] },
		aggregation: 'distinctDays',
		windowDays: 7,
		detail: 'Active on {value} day{s}',
	},
];

const TEXTBOOK_POINTS: Record<string, number> = {
	signedUp: 10,
	onboardingCompleted: 20,
	coreFeatureUsed: 15,
	teammateInvited: 30,
	pricingPageViewed: 25,
	usageLimitHit: 35,
};

/** The textbook weighted model: points once per signal seen, 100 points = 100, PQL at 70. */
export const TEXTBOOK_WEIGHTED_MODEL: WeightedModel = {
	kind: 'weighted',
	version: 'textbook-1',
	signals: TEXTBOOK_SIGNALS,
	points: Object.entries(TEXTBOOK_POINTS).map(([signal, points]) => ({ signal, points, per: 'condition' })),
	fullScorePoints: 100,
	qualifyAt: 70,
};

/** "Core feature ≥ 5 AND invited ≥ 1 AND active on ≥ 3 of the last 7 days." */
export const TEXTBOOK_THRESHOLD_MODEL: ThresholdModel = {
	kind: 'threshold',
	version: 'textbook-1',
	signals: TEXTBOOK_SIGNALS,
	rules: [
		{ signal: 'coreFeatureUsed', operator: 'gte', value: 5 },
		{ signal: 'teammateInvited', operator: 'gte', value: 1 },
		{ signal: 'activeDays', operator: 'gte', value: 3 },
	],
	combine: 'all',
};

export const DEFAULT_GRADES: GradeBand[] = [
	{ name: 'A', minScore: 80 },
	{ name: 'B', minScore: 60 },
	{ name: 'C', minScore: 40 },
	{ name: 'D', minScore: 0 },
];

export const DEFAULT_CONFIG: ScoringConfig = {
	model: TEXTBOOK_WEIGHTED_MODEL,
	antiPql: [{ kind: 'inactive', days: 30 }],
	grades: DEFAULT_GRADES,
	level: 'user',
	activeUserDays: 30,
	invitesSignal: 'teammateInvited',
	coolDownDays: 30,
	timeZone: 'UTC',
};

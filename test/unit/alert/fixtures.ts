import type { JsonObject } from '../../../core/contract/event';
import type { PqlResult, Reason } from '../../../core/contract/pql';

export const NOW = new Date('2026-11-27T12:00:00.000Z');

export function pql(overrides: Partial<PqlResult> = {}): PqlResult {
	return {
		entity: { type: 'account', id: 'acme' },
		score: 92,
		grade: 'A',
		qualified: true,
		disqualified: false,
		disqualifiedBy: [],
		components: { usage: 60, intent: 25, fit: 7 },
		reasons: [
			{ signal: 'usageLimitHit', label: 'Usage limit hit', category: 'intent', points: 35, detail: 'Hit a usage limit 2 times in the last 30 days: +35' },
			{ signal: 'teammateInvited', label: 'Teammate invited', category: 'usage', points: 30, detail: 'Invited 3 teammates in the last 14 days: +30' },
			{ signal: 'pricingPageViewed', label: 'Pricing page viewed', category: 'intent', points: 25, detail: 'Viewed the pricing page 4 times in the last 14 days: +25' },
			{ signal: 'coreFeatureUsed', label: 'Core feature used', category: 'usage', points: 15, detail: 'Used the core feature 18 times in the last 30 days: +15' },
		],
		metrics: {
			signals: { usageLimitHit: 2, teammateInvited: 3, pricingPageViewed: 4, coreFeatureUsed: 18, activeDays: 5, signedUp: 0 },
			events: 41,
			daysSinceLastSeen: 0,
			members: 5,
			activeUsers: 4,
			teammatesInvited: 3,
		},
		model: { kind: 'weighted', version: 'textbook-1' },
		scoredAt: '2026-11-27T11:58:00.000Z',
		previousScore: 64,
		newlyQualified: true,
		qualificationChanged: true,
		qualifiedSince: '2026-11-27T11:58:00.000Z',
		lastQualifiedAt: '2026-11-27T11:58:00.000Z',
		...overrides,
	};
}

/** An item as it leaves PQL CRM: the latest event, pql, company, person, routing and crm. */
export function item(overrides: JsonObject = {}): JsonObject {
	return {
		source: 'posthog',
		type: 'track',
		event: 'pricing_page_viewed',
		userId: 'u-ada',
		email: 'ada@acme.io',
		accountId: 'acme',
		timestamp: '2026-11-27T10:12:00.000Z',
		context: { personUrl: 'https://us.posthog.com/project/1/person/u-ada' },
		pql: pql() as unknown as JsonObject,
		company: {
			name: 'Acme Analytics',
			domain: 'acme.io',
			industry: 'Software',
			employeeCount: 140,
			sizeBand: '51-200',
			country: 'Germany',
			region: 'EMEA',
			description: 'Acme builds dashboards for logistics teams.',
		},
		person: { fullName: 'Ada Lovelace', title: 'VP Engineering', email: 'ada@acme.io', isDecisionMaker: true },
		routing: { owner: { name: 'Jordan Rep', email: 'jordan@seller.example', slackId: 'U0JORDAN' }, slaDueAt: '2026-11-27T13:00:00.000Z', rule: 'EMEA mid-market' },
		crm: {
			system: 'hubspot',
			status: 'created',
			records: { deal: { id: '901', url: 'https://app.hubspot.com/contacts/1/deal/901' }, company: { id: '77', url: 'https://app.hubspot.com/contacts/1/company/77' } },
		},
		...overrides,
	};
}

export const manyReasons = (count: number): Reason[] =>
	Array.from({ length: count }, (_, i) => ({
		signal: `signal${i}`,
		label: `Signal number ${i}`,
		category: 'usage' as const,
		points: 40 - i,
		detail: `Did the thing number ${i} a remarkable ${i * 7} times in the last 30 days, which is a long explanation: +${40 - i}`,
	}));

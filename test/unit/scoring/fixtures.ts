import type { CanonicalEvent } from '../../../core/contract/event';
import type { PreviousState, ScoringConfig, UserInput } from '../../../core/contract/pql';
import { DEFAULT_CONFIG, usersFromEvents } from '../../../core/scoring';

export const NOW = new Date('2026-11-27T12:00:00.000Z');

const DAY_MS = 86_400_000;

/** The ISO time `days` days (fractions allowed) before NOW. */
export function daysAgo(days: number): string {
	return new Date(NOW.getTime() - days * DAY_MS).toISOString();
}

let sequence = 0;

export function event(name: string, timestamp: string, fields: Partial<CanonicalEvent> = {}): CanonicalEvent {
	sequence += 1;
	return {
		source: 'posthog',
		type: 'track',
		event: name,
		userId: 'u1',
		anonymousId: null,
		email: null,
		accountId: null,
		accountName: null,
		timestamp,
		receivedAt: timestamp,
		messageId: `m${sequence}`,
		properties: {},
		traits: {},
		context: {},
		...fields,
	};
}

/** Users built from events the way the node builds them, one item per event. */
export function usersOf(events: CanonicalEvent[], previous: PreviousState[] = []): UserInput[] {
	return usersFromEvents(
		events.map((canonical, index) => ({
			index,
			event: canonical,
			json: { ...canonical },
			previous,
		})),
	);
}

export function config(overrides: Partial<ScoringConfig> = {}): ScoringConfig {
	return { ...DEFAULT_CONFIG, ...overrides };
}

/** Signed up, completed onboarding, used the core feature, invited three teammates. */
export function textbookEvents(userId = 'u1', fields: Partial<CanonicalEvent> = {}): CanonicalEvent[] {
	const base = { userId, ...fields };
	return [
		event('signed_up', daysAgo(10), base),
		event('onboarding_completed', daysAgo(9), base),
		event('core_feature_used', daysAgo(3), base),
		event('teammate_invited', daysAgo(2), base),
		event('teammate_invited', daysAgo(2), base),
		event('teammate_invited', daysAgo(1), base),
	];
}

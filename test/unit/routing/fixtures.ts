import { DateTime } from 'luxon';
import type { JsonObject } from '../../../core/contract/event';
import type { Rep, RoutingConfig, RoutingResult, RoutingRule } from '../../../core/contract/routing';
import { createRouter, repId } from '../../../core/routing';

/** A Tuesday morning in Berlin, inside business hours. */
export const NOW = DateTime.fromISO('2026-06-09T08:00:00Z', { zone: 'utc' });

export function rep(name: string, extra: Partial<Omit<Rep, 'id' | 'name'>> = {}): Rep {
	const email = extra.email === undefined ? `${name.toLowerCase()}@seller.io` : extra.email;
	return {
		id: repId({ name, email }),
		name,
		email,
		crmOwnerId: `owner-${name.toLowerCase()}`,
		slackId: `U${name.toUpperCase()}`,
		weight: 1,
		timeZone: null,
		status: 'available',
		...extra,
	};
}

export const ANA = rep('Ana', { timeZone: 'Europe/Berlin' });
export const BEN = rep('Ben', { timeZone: 'America/New_York' });
export const CHO = rep('Cho', { weight: 2 });
export const DEV = rep('Dev', { weight: 3 });

export function config(rules: RoutingRule[], extra: Partial<RoutingConfig> = {}): RoutingConfig {
	return {
		reps: [ANA, BEN, CHO, DEV],
		pools: [{ name: 'Mid-market', members: [CHO.id, DEV.id] }],
		rules,
		fallback: { name: 'Sales inbox', email: 'sales@seller.io', crmOwnerId: 'queue-1', slackId: null, timeZone: null },
		sla: { minutes: 60, businessHours: null },
		defaultTimeZone: 'UTC',
		...extra,
	};
}

export function routeOne(settings: RoutingConfig, item: JsonObject, now = NOW, routingKeyPath: string | null = null): RoutingResult {
	return createRouter(settings, { routingKeyPath })(item, now);
}

export const accountItem = (id: string, extra: JsonObject = {}): JsonObject => ({
	pql: { entity: { type: 'account', id }, score: 80, qualified: true },
	...extra,
});

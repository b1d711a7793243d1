import type { PqlFacts } from '../pqlFacts';
import { rankedReasons, signedPoints } from '../pqlFacts';
import { PQL_PROPERTY } from './pqlProperties';

export type HubSpotProperties = Record<string, string>;

/** HubSpot's limit for a text property value. */
const MAX_TEXT = 65_536;

export function reasonsText(facts: PqlFacts): string {
	const lines = rankedReasons(facts.reasons).map((r) => `${r.label}: ${signedPoints(r.points)}${r.detail ? ` (${r.detail})` : ''}`);
	return lines.join('\n').slice(0, MAX_TEXT);
}

/** Written on every execution, so the deal always shows the latest score. */
export function scoreProperties(facts: PqlFacts, qualifiedSince: string): HubSpotProperties {
	const properties: HubSpotProperties = {
		[PQL_PROPERTY.qualifiedAt]: new Date(Date.parse(qualifiedSince)).toISOString(),
		[PQL_PROPERTY.reasons]: reasonsText(facts),
	};
	if (facts.score !== null) properties[PQL_PROPERTY.score] = String(Math.round(facts.score * 100) / 100);
	if (facts.grade !== null) properties[PQL_PROPERTY.grade] = facts.grade;
	return properties;
}

export interface NewDeal {
	name: string;
	pipeline: string;
	stage: string;
	ownerId: string | null;
	amount: number | null;
	/** ISO 8601. */
	closeDate: string | null;
	idempotencyKey: string;
	accountId: string;
}

/**
 * Written only when the deal is created: name, pipeline, stage, owner, amount and close date are
 * the rep's to change afterwards, so later executions leave them alone.
 */
export function newDealProperties(deal: NewDeal, facts: PqlFacts, qualifiedSince: string): HubSpotProperties {
	const properties: HubSpotProperties = {
		dealname: deal.name,
		pipeline: deal.pipeline,
		dealstage: deal.stage,
		[PQL_PROPERTY.dealKey]: deal.idempotencyKey,
		[PQL_PROPERTY.accountId]: deal.accountId,
		...scoreProperties(facts, qualifiedSince),
	};
	if (deal.ownerId !== null) properties.hubspot_owner_id = deal.ownerId;
	if (deal.amount !== null) properties.amount = String(deal.amount);
	if (deal.closeDate !== null) properties.closedate = deal.closeDate;
	return properties;
}

/** Midnight UTC `days` after the qualification day; null when no close date is wanted. */
export function closeDateAfter(qualifiedSince: string, days: number | null): string | null {
	if (days === null) return null;
	const day = new Date(Date.parse(qualifiedSince));
	day.setUTCHours(0, 0, 0, 0);
	day.setUTCDate(day.getUTCDate() + Math.round(days));
	return day.toISOString();
}

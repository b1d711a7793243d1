import type { JsonObject } from '../contract/event';

/** One reason as the CRM writes it; read defensively from PQL Score's `pql.reasons`. */
export interface ReasonFact {
	label: string;
	points: number;
	detail: string;
}

/** What the CRM node writes about a PQL, read from PQL Score's `pql` (any field may be missing). */
export interface PqlFacts {
	score: number | null;
	grade: string | null;
	reasons: ReasonFact[];
	qualifiedSince: string | null;
	scoredAt: string | null;
	events: number | null;
	activeUsers: number | null;
	teammatesInvited: number | null;
	daysSinceLastSeen: number | null;
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function reasonFact(value: unknown): ReasonFact | null {
	if (!isObject(value)) return null;
	const label = text(value.label) ?? text(value.signal);
	if (label === null) return null;
	return { label, points: num(value.points) ?? 0, detail: text(value.detail) ?? '' };
}

/** Reads `pql` without trusting its shape: the node may run after anything, not only PQL Score. */
export function readPqlFacts(pql: unknown): PqlFacts {
	const source = isObject(pql) ? pql : {};
	const metrics = isObject(source.metrics) ? source.metrics : {};
	const reasons = Array.isArray(source.reasons) ? source.reasons.map(reasonFact).filter((r): r is ReasonFact => r !== null) : [];
	return {
		score: num(source.score),
		grade: text(source.grade),
		reasons,
		qualifiedSince: text(source.qualifiedSince),
		scoredAt: text(source.scoredAt),
		events: num(metrics.events),
		activeUsers: num(metrics.activeUsers),
		teammatesInvited: num(metrics.teammatesInvited),
		daysSinceLastSeen: num(metrics.daysSinceLastSeen),
	};
}

/** Strongest reasons first (by absolute points), as people read them. */
export function rankedReasons(reasons: ReasonFact[]): ReasonFact[] {
	return [...reasons].sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
}

export function signedPoints(points: number): string {
	const rounded = Math.round(points * 10) / 10;
	return rounded >= 0 ? `+${rounded}` : `${rounded}`;
}

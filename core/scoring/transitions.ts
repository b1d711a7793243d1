import type { PreviousState } from '../contract/pql';
import type { Clock } from './subject';
import { daysBetween, isoToMillis } from './time';

export interface Transition {
	previousScore: number | null;
	newlyQualified: boolean;
	qualificationChanged: boolean;
	qualifiedSince: string | null;
	lastQualifiedAt: string | null;
}

function withinCoolDown(lastQualifiedAt: string | null | undefined, nowMs: number, coolDownDays: number): boolean {
	if (!lastQualifiedAt) return false;
	const lastMs = isoToMillis(lastQualifiedAt);
	return !Number.isNaN(lastMs) && daysBetween(lastMs, nowMs) < coolDownDays;
}

/**
 * Newly qualified means qualified now, not qualified before, and not qualified at any time in the
 * last `coolDownDays` days, so an entity hovering around the threshold is announced once.
 * A workflow that keeps the state may store it only when the qualification changes: dropping out
 * stamps `lastQualifiedAt` with the drop, so the cool-down counts from there even when the stored
 * state is the one written when the entity qualified.
 */
export function transition(
	previous: PreviousState | undefined,
	qualified: boolean,
	{ nowMs, nowIso: now }: Pick<Clock, 'nowMs' | 'nowIso'>,
	coolDownDays: number,
): Transition {
	const wasQualified = Boolean(previous?.qualifiedSince);
	return {
		previousScore: typeof previous?.score === 'number' ? previous.score : null,
		newlyQualified: qualified && !wasQualified && !withinCoolDown(previous?.lastQualifiedAt, nowMs, coolDownDays),
		qualificationChanged: qualified !== wasQualified,
		qualifiedSince: qualified ? (wasQualified ? (previous?.qualifiedSince ?? now) : now) : null,
		lastQualifiedAt: qualified || wasQualified ? now : (previous?.lastQualifiedAt ?? null),
	};
}

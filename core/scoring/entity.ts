import type {
	EntityMetrics,
	EntityType,
	PqlResult,
	PreviousState,
	Reason,
	ScoreSummary,
	ScoringConfig,
	ScoringModel,
	SignalCategory,
} from '../contract/pql';
import { findDisqualifications } from './antiPql';
import { gradeFor } from './grades';
import { scoreLogistic } from './logistic';
import type { Measurements } from './measure';
import { roundTo } from './numbers';
import { toNumber } from '../shared/values';
import type { ModelOutcome } from './outcome';
import type { Clock, Subject } from './subject';
import { scoreThreshold } from './threshold';
import { transition } from './transitions';
import { scoreWeighted } from './weighted';

/** What the model says about measured signals, before anti-PQL rules, grades and transitions. */
export function runModel(model: ScoringModel, measurements: Measurements): ModelOutcome {
	switch (model.kind) {
		case 'weighted':
			return scoreWeighted(model, measurements);
		case 'threshold':
			return scoreThreshold(model, measurements);
		case 'logistic':
			return scoreLogistic(model, measurements);
	}
}

function sortReasons(reasons: Reason[]): Reason[] {
	return [...reasons].sort((a, b) => b.points - a.points || a.signal.localeCompare(b.signal));
}

function componentsOf(reasons: Reason[]): Record<SignalCategory, number> {
	const sum = (category: SignalCategory): number =>
		roundTo(
			reasons.filter((reason) => reason.category === category).reduce((total, reason) => total + reason.points, 0),
			1,
		);
	return { usage: sum('usage'), intent: sum('intent'), fit: sum('fit') };
}

/** Whose a previous state without an entity is: the level being scored, users when both are. */
function stateOwner(config: ScoringConfig): EntityType {
	return config.level === 'account' ? 'account' : 'user';
}

/**
 * The entity's latest state: latest `scoredAt` wins; states without one count as older, and among
 * equals the last given wins. A state without an entity belongs to the level being scored.
 */
export function previousFor(
	entity: PqlResult['entity'],
	states: PreviousState[],
	config: ScoringConfig,
): PreviousState | undefined {
	const owner = stateOwner(config);
	return states
		.filter((state) =>
			state.entity ? state.entity.type === entity.type && state.entity.id === entity.id : entity.type === owner,
		)
		.reduce<PreviousState | undefined>(
			(latest, state) => (latest && (latest.scoredAt ?? '') > (state.scoredAt ?? '') ? latest : state),
			undefined,
		);
}

export interface EntityInput {
	entity: PqlResult['entity'];
	subject: Subject;
	measurements: Measurements;
	previous: PreviousState | undefined;
	extraMetrics: Partial<EntityMetrics>;
}

export function scoreEntity(input: EntityInput, config: ScoringConfig, clock: Clock): PqlResult {
	const { entity, subject, measurements, previous, extraMetrics } = input;
	const outcome = runModel(config.model, measurements);
	const measured = (signal: string): number => toNumber(measurements.get(signal)?.value);
	const disqualifiedBy = findDisqualifications(config.antiPql, subject, measured, config.invitesSignal);
	const qualified = outcome.qualified && disqualifiedBy.length === 0;
	const reasons = sortReasons(outcome.reasons);
	const days = subject.daysSinceLastSeen;
	const scoredAt = clock.nowIso;
	const { previousScore, newlyQualified, qualificationChanged, qualifiedSince, lastQualifiedAt } = transition(
		previous,
		qualified,
		clock,
		config.coolDownDays,
	);
	const signals: EntityMetrics['signals'] = {};
	measurements.forEach(({ value }, key) => (signals[key] = value));
	return {
		entity,
		score: outcome.score,
		grade: gradeFor(outcome.score, config.grades),
		qualified,
		disqualified: disqualifiedBy.length > 0,
		disqualifiedBy,
		components: componentsOf(reasons),
		reasons,
		metrics: {
			signals,
			events: subject.events,
			daysSinceLastSeen: days === null ? null : Math.floor(days),
			...outcome.metrics,
			...extraMetrics,
		},
		model: { kind: config.model.kind, version: config.model.version },
		scoredAt,
		previousScore,
		newlyQualified,
		qualificationChanged,
		qualifiedSince,
		lastQualifiedAt,
		// The state names the entity by type and id only: a name may change, the entity stays.
		state: { entity: { type: entity.type, id: entity.id }, score: outcome.score, qualifiedSince, lastQualifiedAt, scoredAt },
	};
}

export function summary({ entity, score, grade, qualified }: PqlResult): ScoreSummary {
	return { entity, score, grade, qualified };
}

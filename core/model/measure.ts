import type { EntityType, SignalDefinition, SignalValue, UserInput } from '../contract/pql';
import { DEFAULT_GRADES, scorePql } from '../scoring';
import { inChunks } from './chunks';

export interface MeasuredEntity {
	id: string;
	values: Record<string, SignalValue>;
	/** Indexes of the input items the entity was built from. */
	items: number[];
}

export interface MeasureSettings {
	level: EntityType;
	/** End of the look-back window: events after it are ignored, windows count back from it. */
	now: Date;
	timeZone: string;
}

/**
 * Measures every signal for every user or account exactly as PQL Score does, by running PQL Score
 * with a model that has the signals and no rules, and reading the measured values it reports.
 */
export function measurePopulation(
	users: UserInput[],
	signals: SignalDefinition[],
	settings: MeasureSettings,
): MeasuredEntity[] {
	const config = {
		model: { kind: 'threshold' as const, version: 'measure', signals, rules: [], combine: 'all' as const },
		antiPql: [],
		grades: DEFAULT_GRADES,
		level: settings.level,
		activeUserDays: 30,
		coolDownDays: 0,
		timeZone: settings.timeZone,
	};
	const measure = (slice: UserInput[]): MeasuredEntity[] =>
		scorePql(slice, config, settings.now).map(({ pql, items }) => ({ id: pql.entity.id, values: pql.metrics.signals, items }));
	// Accounts gather users from anywhere in the input, so only users can be measured slice by slice.
	return settings.level === 'user' ? inChunks(users, measure) : measure(users);
}

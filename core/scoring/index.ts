export { scorePql, scoreUsers } from './score';
export type { ScoringRun } from './score';
export { UserCollector, usersFromEvents, readEvent, readTimedEvent, userKey } from './users';
export type { EventItem } from './users';
export { jsonOrError, readModel, parseModelJson } from './modelReader';
export { readConfig } from './configReader';
export { readPreviousStates } from './previousState';
export { signalKey } from './signalKey';
export { decayFactor, isoToMillis } from './time';
export {
	DEFAULT_CONFIG,
	DEFAULT_GRADES,
	TEXTBOOK_SIGNALS,
	TEXTBOOK_THRESHOLD_MODEL,
	TEXTBOOK_WEIGHTED_MODEL,
} from './defaults';

import type { EntityMetrics, Reason } from '../contract/pql';

/** What a model says about one entity, before anti-PQL rules, grades and transitions. */
export interface ModelOutcome {
	/** 0–100. */
	score: number;
	qualified: boolean;
	reasons: Reason[];
	metrics?: Pick<EntityMetrics, 'rules' | 'probability' | 'baselineScore'>;
}

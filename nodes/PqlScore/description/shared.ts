import type { INodePropertyOptions } from 'n8n-workflow';

export const OPERATOR_OPTIONS: INodePropertyOptions[] = [
	{ name: 'At Least (≥)', value: 'gte' },
	{ name: 'At Most (≤)', value: 'lte' },
	{ name: 'Equals (=)', value: 'eq' },
	{ name: 'Is Any Of (Comma-Separated)', value: 'in' },
	{ name: 'Is Present', value: 'exists' },
];

export const CATEGORY_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Fit', value: 'fit', description: 'Who they are: company size, role, industry, e-mail type' },
	{ name: 'Intent', value: 'intent', description: 'Buying signs: pricing views, upgrade clicks, limit hits' },
	{ name: 'Usage', value: 'usage', description: 'What they do in the product' },
];

export const WEIGHTED = { show: { model: ['weighted'] } };
export const THRESHOLD = { show: { model: ['threshold'] } };
export const PREDICTIVE = { show: { model: ['predictive'] } };
export const BUILT_IN_SIGNALS = { show: { model: ['weighted', 'threshold'] } };

export const SCORE = { show: { operation: ['score'] } };
export const PREPARE = { show: { operation: ['prepareHistoryRows'] } };
export const GROUP = { show: { operation: ['groupAccounts'] } };
export const HISTORY_ROWS = { show: { operation: ['score'], inputMode: ['historyRows'] } };
/** Events and profiles: the inputs that bring their own previous state and output choice. */
export const ITEM_INPUTS = { operation: ['score'], inputMode: ['events', 'profiles'] };

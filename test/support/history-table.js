// @ts-check
'use strict';
// The Data Table the history templates read and write (docs/nodes/score.md, "Score history"): one
// definition for the workflow tests, the end-to-end tests, the demo and the benchmarks.

const HISTORY_TABLE = 'PQL History';

/** @type {Array<{ name: string, type: 'string' | 'number' }>} */
const HISTORY_COLUMNS = [
	...['accountId', 'kind', 'eventId', 'userId', 'email', 'event', 'timestamp', 'data'].map((name) => ({ name, type: /** @type {const} */ ('string') })),
	{ name: 'through', type: 'number' },
];

module.exports = { HISTORY_TABLE, HISTORY_COLUMNS };

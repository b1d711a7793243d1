// @ts-check
'use strict';

/**
 * Takes the first queued fault that matches a request out of the queue, as the mocks' `failNext`
 * rules are used; a fault with `skip` lets that many matching requests through first.
 * @template {{ skip?: number }} T
 * @param {T[]} queue
 * @param {(fault: T) => boolean} matches
 * @returns {T | undefined}
 */
function takeFault(queue, matches) {
	const index = queue.findIndex(matches);
	if (index === -1) return undefined;
	const fault = queue[index];
	if (fault.skip) {
		fault.skip--;
		return undefined;
	}
	return queue.splice(index, 1)[0];
}

const { seeded } = require('./seeded');

module.exports = { takeFault, seeded };

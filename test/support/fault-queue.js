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

/** mulberry32: a small seeded generator of numbers in [0, 1), so fault runs are reproducible. @param {number} seed */
function seeded(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

module.exports = { takeFault, seeded };

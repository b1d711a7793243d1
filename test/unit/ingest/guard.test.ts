import { sanitizeJson } from '../../../core/ingest/guard';
import { DEFAULT_LIMITS } from '../../../core/ingest';

describe('sanitizeJson', () => {
	it('copies deeply, keeping key order, array positions and primitives', () => {
		const source = { b: [1, 'two', null, { z: true, a: false }], a: { c: 1.5 } };
		const copy = sanitizeJson(source, DEFAULT_LIMITS) as typeof source;
		expect(copy).toEqual(source);
		expect(copy).not.toBe(source);
		expect(copy.b).not.toBe(source.b);
		expect(Object.keys(copy)).toEqual(['b', 'a']);
		expect(Object.keys(copy.b[3] as object)).toEqual(['z', 'a']);
	});

	it('allows exactly the depth limit', () => {
		const atLimit = JSON.parse('['.repeat(32) + ']'.repeat(32));
		expect(() => sanitizeJson(atLimit, DEFAULT_LIMITS)).not.toThrow();
		expect(() => sanitizeJson([atLimit], DEFAULT_LIMITS)).toThrow(/more than 32 levels/);
	});

	it('counts every value against the value limit', () => {
		expect(() => sanitizeJson([1, 2], { maxDepth: 5, maxValues: 3 })).not.toThrow();
		expect(() => sanitizeJson([1, 2, 3], { maxDepth: 5, maxValues: 3 })).toThrow(
			/more than 3 values/,
		);
	});
});

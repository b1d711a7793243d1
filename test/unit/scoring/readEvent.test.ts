import type { CanonicalEvent } from '../../../core/contract/event';
import { readEvent } from '../../../core/scoring';
import { event } from './fixtures';

describe('reading events', () => {
	const canonical = event('signed_up', '2026-11-27T10:00:00.000Z', { email: 'ana@acme.io', accountId: 'acme' });

	it('uses a canonical event (what PQL Trigger emits) as it is', () => {
		const json = { ...canonical, pql: { score: 1 } };
		expect(readEvent(json)).toBe(json);
	});

	it.each<[string, Record<string, unknown>, Partial<CanonicalEvent>]>([
		['blank ids become null', { userId: ' ', anonymousId: 'anon', accountId: '' }, { userId: null, anonymousId: 'anon', accountId: null }],
		['the e-mail falls back to traits.email', { email: null, traits: { email: 'bo@acme.io' } }, { email: 'bo@acme.io', traits: { email: 'bo@acme.io' } }],
		['objects stored as JSON text are parsed', { properties: '{"plan":"pro"}', context: 'n/a' }, { properties: { plan: 'pro' }, context: {} }],
		['missing fields get their defaults', { receivedAt: undefined, messageId: undefined, type: 'other', source: 'x' }, { receivedAt: canonical.timestamp, messageId: '', type: 'track', source: 'posthog' }],
	])('normalises an item that is not canonical: %s', (_, change, expected) => {
		const json = { ...canonical, ...change };
		const read = readEvent(json);
		expect(read).not.toBe(json);
		expect(read).toEqual({ ...canonical, ...expected });
	});

	it('fails naming the field when the event cannot be scored', () => {
		expect(() => readEvent({ ...canonical, event: ' ' })).toThrow('no event name');
		expect(() => readEvent({ ...canonical, timestamp: '2026-02-30T00:00:00.000Z' })).toThrow('not an ISO 8601 date');
		expect(() => readEvent({ ...canonical, userId: null, email: null, anonymousId: null })).toThrow('no userId');
	});
});

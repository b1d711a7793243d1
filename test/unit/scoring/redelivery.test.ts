import { scorePql } from '../../../core/scoring';
import { NOW, config, daysAgo, event, usersOf } from './fixtures';
import { usersFromEvents } from '../../../core/scoring';

describe('re-sent events (issue 13, scenario 7)', () => {
	const rule = {
		model: {
			kind: 'threshold' as const,
			version: 'test',
			signals: [
				{
					key: 'exports',
					label: 'Exports',
					category: 'usage' as const,
					source: { kind: 'events' as const, names: ['export_created'] },
					aggregation: 'count' as const,
				},
			],
			rules: [{ signal: 'exports', operator: 'gte' as const, value: 5 }],
			combine: 'all' as const,
		},
		antiPql: [],
	};

	it('count once per messageId: three events sent twice do not pass a "5 times" rule', () => {
		const sent = [1, 2, 3].map((age) => event('export_created', daysAgo(age)));
		const twice = [...sent, ...sent.map((again) => ({ ...again, receivedAt: NOW.toISOString() }))];
		const [scored] = scorePql(usersOf(twice), config(rule), NOW);
		expect(scored.pql.metrics.signals.exports).toBe(3);
		expect(scored.pql.qualified).toBe(false);
		expect(scored.pql.metrics.events).toBe(3);
		expect([...scored.items].sort()).toEqual([0, 1, 2, 3, 4, 5]);
	});

	it('still counts distinct events that share no messageId', () => {
		const unnamed = [1, 2, 3, 4, 5].map((age) => event('export_created', daysAgo(age), { messageId: '' }));
		expect(scorePql(usersOf(unnamed), config(rule), NOW)[0].pql.qualified).toBe(true);
	});

	it('lists a user\'s items oldest first, out of order and with a re-sent event alike', () => {
		const arrived = [3, 1, 2].map((age) => event('export_created', daysAgo(age)));
		expect(usersOf(arrived)[0].items).toEqual([0, 2, 1]);
		// The re-sent copy (item 3) is older than item 1 and counts once, yet is paired in its place.
		const resent = [...arrived, { ...arrived[0] }];
		const user = usersFromEvents(resent.map((canonical, index) => ({ index, event: canonical, json: { ...canonical }, previous: [], ms: Date.parse(canonical.timestamp) - (index === 3 ? 1 : 0) })))[0];
		expect(user.events).toHaveLength(3);
		expect(user.items).toEqual([3, 0, 2, 1]);
	});
});

import { scorePql } from '../../../core/scoring';
import { NOW, config, daysAgo, event, usersOf } from './fixtures';

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
});

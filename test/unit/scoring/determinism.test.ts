import { DEFAULT_GRADES, readEvent, scorePql, signalKey } from '../../../core/scoring';
import { FieldError } from '../../../core/shared';
import { NOW, config, daysAgo, event, textbookEvents, usersOf } from './fixtures';

describe('determinism and grades', () => {
	it('gives identical output for identical input and "now"', () => {
		const events = [...textbookEvents('a', { email: 'a@acme.com' }), ...textbookEvents('b', { email: 'b@acme.com' })];
		const first = JSON.stringify(scorePql(usersOf(events), config({ level: 'both' }), new Date(NOW)));
		const second = JSON.stringify(scorePql(usersOf(events), config({ level: 'both' }), new Date(NOW)));
		expect(second).toBe(first);
	});

	it.each([
		[100, 'A'],
		[80, 'A'],
		[79.9, 'B'],
		[60, 'B'],
		[40, 'C'],
		[0, 'D'],
	])('grades %d as %s with the default bands', (score, grade) => {
		const points = [{ signal: 'signedUp', points: score, per: 'condition' as const }];
		const model = { ...config().model, kind: 'weighted' as const, points, fullScorePoints: 100, qualifyAt: 70 };
		const [{ pql }] = scorePql(usersOf([event('signed_up', daysAgo(1))]), config({ model, grades: DEFAULT_GRADES }), NOW);
		expect(pql.grade).toBe(grade);
	});

	it('names grades as the user likes', () => {
		const grades = [
			{ name: 'Hot', minScore: 70 },
			{ name: 'Warm', minScore: 30 },
			{ name: 'Cold', minScore: 0 },
		];
		const [{ pql }] = scorePql(usersOf(textbookEvents()), config({ grades }), NOW);
		expect(pql.grade).toBe('Hot');
	});
});

describe('settings and input errors name the field', () => {
	function fieldOf(run: () => unknown): string {
		try {
			run();
		} catch (error) {
			if (error instanceof FieldError) return error.field;
		}
		return 'no error';
	}

	it('rejects unusable settings', () => {
		const users = usersOf(textbookEvents());
		expect(fieldOf(() => scorePql(users, config({ timeZone: 'Mars/Base' }), NOW))).toBe('timeZone');
		expect(fieldOf(() => scorePql(users, config({ grades: [] }), NOW))).toBe('grades');
		const model = { ...config().model, points: [{ signal: 'nope', points: 1, per: 'condition' as const }] };
		expect(fieldOf(() => scorePql(users, config({ model }), NOW))).toBe('model.points[0].signal');
	});

	it('rejects events without a name, a timestamp or a user', () => {
		expect(fieldOf(() => readEvent({ timestamp: daysAgo(1), userId: 'u' }))).toBe('event');
		expect(fieldOf(() => readEvent({ event: 'x', timestamp: 'yesterday', userId: 'u' }))).toBe('timestamp');
		expect(fieldOf(() => readEvent({ event: 'x', timestamp: daysAgo(1) }))).toBe('userId');
	});

	it('reads events back from a Data Table row, properties stored as JSON text', () => {
		const row = { event: 'export', timestamp: daysAgo(1), email: 'a@acme.com', properties: '{"rows":5}' };
		expect(readEvent(row)).toMatchObject({ userId: null, email: 'a@acme.com', properties: { rows: 5 }, type: 'track' });
	});

	it('turns signal names into keys', () => {
		expect(signalKey('Core feature used')).toBe('coreFeatureUsed');
		expect(signalKey('  pricing-page viewed (2x) ')).toBe('pricingPageViewed2x');
	});
});

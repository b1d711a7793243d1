import type { PreviousState } from '../../../core/contract/pql';
import { scorePql } from '../../../core/scoring';
import { NOW, config, daysAgo, textbookEvents, usersOf } from './fixtures';

function scoreAfter(previous: PreviousState[], events = textbookEvents()) {
	return scorePql(usersOf(events, previous), config({ coolDownDays: 7 }), NOW)[0].pql;
}

describe('transitions', () => {
	it('is newly qualified the first time', () => {
		expect(scoreAfter([])).toMatchObject({
			newlyQualified: true,
			qualificationChanged: true,
			qualifiedSince: NOW.toISOString(),
			lastQualifiedAt: NOW.toISOString(),
			previousScore: null,
		});
	});

	it('stays qualified since the earlier time, not newly', () => {
		const pql = scoreAfter([{ score: 72, qualifiedSince: daysAgo(3), lastQualifiedAt: daysAgo(1) }]);
		expect(pql).toMatchObject({ newlyQualified: false, qualificationChanged: false, qualifiedSince: daysAgo(3), previousScore: 72 });
	});

	it('respects the re-qualification cool-down', () => {
		expect(scoreAfter([{ score: 40, qualifiedSince: null, lastQualifiedAt: daysAgo(6) }]).newlyQualified).toBe(false);
		expect(scoreAfter([{ score: 40, qualifiedSince: null, lastQualifiedAt: daysAgo(7) }]).newlyQualified).toBe(true);
	});

	it('drops out: the cool-down starts at the drop, even from the state stored when it qualified', () => {
		const pql = scoreAfter([{ score: 80, qualifiedSince: daysAgo(40), lastQualifiedAt: daysAgo(40) }], textbookEvents().slice(0, 2));
		expect(pql).toMatchObject({ qualified: false, newlyQualified: false, qualificationChanged: true, qualifiedSince: null, lastQualifiedAt: NOW.toISOString() });
		// Stored only at that change, the state still holds back a re-qualification a day later.
		const dayLater = new Date(NOW.getTime() + 86_400_000);
		const again = scorePql(usersOf(textbookEvents(), [pql]), config({ coolDownDays: 7 }), dayLater)[0].pql;
		expect(again).toMatchObject({ qualified: true, newlyQualified: false, qualificationChanged: true });
	});

	it('a state that does not change needs no storing', () => {
		expect(scoreAfter([], textbookEvents().slice(0, 2))).toMatchObject({ qualified: false, qualificationChanged: false, lastQualifiedAt: null });
		const still = scoreAfter([{ score: 40, qualifiedSince: null, lastQualifiedAt: daysAgo(20), scoredAt: daysAgo(20) }], textbookEvents().slice(0, 2));
		expect(still).toMatchObject({ qualificationChanged: false, lastQualifiedAt: daysAgo(20) });
	});

	it('uses only the state of its own entity when states name one', () => {
		const other: PreviousState = { entity: { type: 'user', id: 'someone-else' }, qualifiedSince: daysAgo(3) };
		expect(scoreAfter([other]).newlyQualified).toBe(true);
		const own: PreviousState = { entity: { type: 'user', id: 'u1' }, qualifiedSince: daysAgo(3) };
		expect(scoreAfter([other, own]).newlyQualified).toBe(false);
	});

	it('takes the most recently scored state when several are given, whatever their order', () => {
		const stale: PreviousState = { score: 30, qualifiedSince: null, lastQualifiedAt: null, scoredAt: daysAgo(5) };
		const fresh: PreviousState = { score: 80, qualifiedSince: daysAgo(2), lastQualifiedAt: daysAgo(1), scoredAt: daysAgo(1) };
		expect(scoreAfter([fresh, stale])).toMatchObject({ newlyQualified: false, previousScore: 80 });
		expect(scoreAfter([stale, fresh])).toMatchObject({ newlyQualified: false, previousScore: 80 });
	});
});

import { isoToMillis } from '../../../core/scoring/time';
import { scorePql } from '../../../core/scoring';
import { NOW, config, daysAgo, event, textbookEvents, usersOf } from './fixtures';

function signals(events: ReturnType<typeof event>[], timeZone = 'UTC') {
	return scorePql(usersOf(events), config({ timeZone }), NOW)[0].pql.metrics.signals;
}

describe('windows', () => {
	it('an event exactly N days old is inside the window, a millisecond older is outside', () => {
		expect(signals([event('teammate_invited', daysAgo(14))]).teammateInvited).toBe(1);
		expect(signals([event('teammate_invited', daysAgo(14 + 1 / 86_400_000))]).teammateInvited).toBe(0);
	});

	it('events after "now" have not happened yet (backtests)', () => {
		expect(signals([event('teammate_invited', daysAgo(-1))]).teammateInvited).toBe(0);
	});
});

describe('order and time zones', () => {
	it('scores events in any order the same', () => {
		const events = textbookEvents();
		const forward = scorePql(usersOf(events), config(), NOW)[0].pql;
		const backward = scorePql(usersOf([...events].reverse()), config(), NOW)[0].pql;
		expect(backward).toEqual(forward);
	});

	it('reads timestamps in any offset as the same instant', () => {
		const utc = event('teammate_invited', '2026-11-13T12:00:00Z');
		const tokyo = event('teammate_invited', '2026-11-13T21:00:00+09:00');
		const newYork = event('teammate_invited', '2026-11-13T06:59:59-05:00');
		expect(signals([utc]).teammateInvited).toBe(1);
		expect(signals([tokyo]).teammateInvited).toBe(1);
		expect(signals([newYork]).teammateInvited).toBe(0);
	});

	it('counts active days on the calendar of the configured zone', () => {
		const lateEvening = [event('page', '2026-11-25T22:30:00Z'), event('page', '2026-11-26T01:30:00Z')];
		expect(signals(lateEvening, 'UTC').activeDays).toBe(2);
		expect(signals(lateEvening, 'America/New_York').activeDays).toBe(1);
		expect(signals(lateEvening, 'Asia/Tokyo').activeDays).toBe(1);
	});
});

describe('isoToMillis on canonical UTC timestamps', () => {
	it('reads them exactly and refuses impossible dates', () => {
		expect(isoToMillis('2026-11-27T10:00:00.000Z')).toBe(Date.UTC(2026, 10, 27, 10));
		expect(isoToMillis('2026-02-30T00:00:00.000Z')).toBeNaN();
		expect(isoToMillis('2026-11-27T11:00:00.000+01:00')).toBe(Date.UTC(2026, 10, 27, 10));
	});
});

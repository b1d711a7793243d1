import { DateTime } from 'luxon';
import type { SlaSettings } from '../../../core/contract/routing';
import { slaDueAt } from '../../../core/routing';
import { ANA, BEN, accountItem, config, routeOne } from './fixtures';

const OFFICE: SlaSettings = { minutes: 60, businessHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' } };
const berlin = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Berlin' });
const due = (start: DateTime, sla: SlaSettings = OFFICE, zone = 'Europe/Berlin') => slaDueAt(start, sla, zone);

describe('response SLA', () => {
	test('Friday 16:30 in Berlin with a 1-hour SLA is due Monday 09:30 Berlin, in UTC', () => {
		// 2026-06-12 is a Friday; Berlin is UTC+2 in summer.
		expect(due(berlin('2026-06-12T16:30'))).toBe('2026-06-15T07:30:00.000Z');
	});

	test('across the spring DST change: Friday 16:30 CET → Monday 09:30 CEST', () => {
		// Clocks go forward on Sunday 2026-03-29: Friday is UTC+1, Monday UTC+2.
		expect(due(berlin('2026-03-27T16:30'))).toBe('2026-03-30T07:30:00.000Z');
	});

	test('across the autumn DST change, in New York', () => {
		// Clocks go back on Sunday 2026-11-01: Friday is UTC−4, Monday UTC−5.
		const friday = DateTime.fromISO('2026-10-30T16:45', { zone: 'America/New_York' });
		expect(due(friday, OFFICE, 'America/New_York')).toBe('2026-11-02T14:45:00.000Z');
	});

	test('around the clock, an SLA is elapsed time even across DST', () => {
		const sla = { minutes: 120, businessHours: null };
		expect(due(berlin('2026-03-29T01:30'), sla)).toBe('2026-03-29T02:30:00.000Z');
	});

	test('inside hours it is plain; before opening it starts at opening; on a weekend on Monday', () => {
		expect(due(berlin('2026-06-09T10:15'))).toBe('2026-06-09T09:15:00.000Z');
		expect(due(berlin('2026-06-09T06:00'))).toBe('2026-06-09T08:00:00.000Z');
		expect(due(berlin('2026-06-09T17:00'))).toBe('2026-06-10T08:00:00.000Z');
		expect(due(berlin('2026-06-13T12:00'))).toBe('2026-06-15T08:00:00.000Z');
	});

	test('a long SLA spans several business days', () => {
		// 20 hours from Monday 09:00: Monday 8 h, Tuesday 8 h, then 4 h into Wednesday.
		expect(due(berlin('2026-06-08T09:00'), { ...OFFICE, minutes: 20 * 60 })).toBe('2026-06-10T11:00:00.000Z');
	});

	test('configurable days and hours: Sunday to Thursday, 08:00–16:00 in Dubai', () => {
		const gulf = { minutes: 90, businessHours: { days: [7, 1, 2, 3, 4], start: '08:00', end: '16:00' } };
		const thursday = DateTime.fromISO('2026-06-11T15:30', { zone: 'Asia/Dubai' });
		// 30 minutes on Thursday, the other 60 on Sunday from 08:00 (UTC+4).
		expect(due(thursday, gulf, 'Asia/Dubai')).toBe('2026-06-14T05:00:00.000Z');
	});

	test('no SLA: null', () => {
		expect(due(berlin('2026-06-12T16:30'), { minutes: 0, businessHours: null })).toBeNull();
	});

	test('the router counts hours in the owner\'s zone, else the default zone', () => {
		const friday = DateTime.fromISO('2026-06-12T14:30:00Z');
		const rules = (rep: string) => [{ kind: 'field' as const, name: 'All', condition: { path: '', operator: 'any' as const }, target: { kind: 'rep' as const, rep } }];
		// 16:30 in Berlin: due Monday 09:30 Berlin.
		expect(routeOne(config(rules(ANA.id), { sla: OFFICE }), accountItem('a'), friday).slaDueAt).toBe('2026-06-15T07:30:00.000Z');
		// 10:30 in New York: due 11:30 the same day.
		expect(routeOne(config(rules(BEN.id), { sla: OFFICE }), accountItem('a'), friday).slaDueAt).toBe('2026-06-12T15:30:00.000Z');
		// The fallback queue has no zone: the default (Tokyo, 23:30 Friday) → Monday 10:00 Tokyo.
		const tokyo = config([], { sla: OFFICE, defaultTimeZone: 'Asia/Tokyo' });
		expect(routeOne(tokyo, accountItem('a'), friday)).toMatchObject({ slaDueAt: '2026-06-15T01:00:00.000Z', owner: { timeZone: 'Asia/Tokyo' } });
	});
});

import { DateTime } from 'luxon';
import type { BusinessHours, SlaSettings } from '../contract/routing';
import { FieldError } from '../shared/fieldError';
import { settingError } from './settingError';

/** Ten years of days: no SLA of sane length needs more, and bad hours cannot loop forever. */
const MAX_DAYS = 3660;

interface Clock {
	hour: number;
	minute: number;
}

function clock(text: string, field: string): Clock {
	const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
	const hour = Number(match?.[1]);
	const minute = Number(match?.[2]);
	if (match === null || hour > 23 || minute > 59) {
		throw settingError(`"${text}" is not a time of day`, field, 'Use 24-hour HH:mm, e.g. 09:00 or 17:30');
	}
	return { hour, minute };
}

/** Opening and closing time of a business day; throws when they do not make a day. */
export function openingHours(hours: BusinessHours): { open: Clock; close: Clock } {
	const open = clock(hours.start, 'Business Hours Start');
	const close = clock(hours.end, 'Business Hours End');
	if (close.hour * 60 + close.minute <= open.hour * 60 + open.minute) {
		throw settingError(`Business hours end (${hours.end}) before they start (${hours.start})`, 'Business Hours End', 'Set an end later than the start');
	}
	if (hours.days.length === 0 || hours.days.some((day) => !Number.isInteger(day) || day < 1 || day > 7)) {
		throw settingError('No business days are chosen', 'Business Days', 'Choose at least one day, e.g. Monday to Friday');
	}
	return { open, close };
}

/** Adds `minutes` of open time, counting only the business hours of `zone`'s calendar. */
function addBusinessMinutes(start: DateTime, minutes: number, hours: BusinessHours): DateTime {
	const { open, close } = openingHours(hours);
	let remaining = minutes;
	let day = start;
	for (let count = 0; count < MAX_DAYS; count++) {
		if (hours.days.includes(day.weekday)) {
			const opensAt = day.set({ ...open, second: 0, millisecond: 0 });
			const closesAt = day.set({ ...close, second: 0, millisecond: 0 });
			const from = day > opensAt ? day : opensAt;
			// Elapsed minutes, not wall-clock ones: a day that changes clocks inside its hours still counts true time.
			const available = closesAt.diff(from).as('minutes');
			if (available > 0 && remaining <= available) return from.plus({ minutes: remaining });
			if (available > 0) remaining -= available;
		}
		day = day.plus({ days: 1 }).startOf('day');
	}
	throw new FieldError(`The SLA of ${minutes} minutes does not fall due within ten years`, 'Respond Within (Minutes)', 'Use a shorter SLA');
}

/** When the owner must have responded: `minutes` after `assignedAt`, in business hours of `zone` if set. */
export function slaDueAt(assignedAt: DateTime, sla: SlaSettings, zone: string): string | null {
	if (!(sla.minutes > 0)) return null;
	const start = assignedAt.setZone(zone);
	const due = sla.businessHours === null ? start.plus({ minutes: sla.minutes }) : addBusinessMinutes(start, sla.minutes, sla.businessHours);
	return due.toUTC().toISO();
}

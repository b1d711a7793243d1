import type { AlertInput } from '../../../core/contract/alert';
import type { JsonObject } from '../../../core/contract/event';
import { readAlertInput, skipReason, skipReasons } from '../../../core/alert';
import { NOW, item, pql } from './fixtures';

const input = (json: JsonObject, lastAlertedAt: string | null = null): AlertInput => {
	const read = readAlertInput(json, lastAlertedAt);
	if (read === null) throw new Error('fixture has no pql');
	return read;
};
const policy = { when: 'crmCreated' as const, throttleHours: 24, now: NOW };

describe('should this item alert?', () => {
	it('alerts a CRM-created PQL and skips a deduplicated one', () => {
		expect(skipReason(input(item()), policy)).toBeNull();
		expect(skipReason(input(item({ crm: { system: 'hubspot', status: 'deduplicated' } })), policy)).toBe('crmNotCreated');
		expect(skipReason(input(item({ crm: { created: false } })), policy)).toBe('crmNotCreated');
		expect(skipReason(input(item({ crm: { created: true } })), policy)).toBeNull();
		expect(skipReason(input(item({ crm: undefined })), policy)).toBe('crmNotCreated');
	});

	it('alerts when the CRM step says the alert is due: in the execution that owns the follow-up, whatever created the record', () => {
		const due = { ...policy, when: 'crmAlertDue' as const };
		const crm = (status: string, followUp: string) => item({ crm: { system: 'hubspot', status, followUp: { status: followUp } } });
		expect(skipReason(input(crm('created', 'alertDue')), due)).toBeNull();
		expect(skipReason(input(crm('resumed', 'alertDue')), due)).toBeNull();
		expect(skipReason(input(crm('deduplicated', 'pendingElsewhere')), due)).toBe('crmAlertNotDue');
		expect(skipReason(input(crm('deduplicated', 'complete')), due)).toBe('crmAlertNotDue');
		expect(skipReason(input(crm('created', 'done')), due)).toBe('crmAlertNotDue');
		expect(skipReason(input(item({ crm: undefined })), due)).toBe('crmAlertNotDue');
		// "created" alone, as the older gate reads it, is not enough.
		expect(skipReason(input(item({ crm: { status: 'created' } })), due)).toBe('crmAlertNotDue');
	});

	it('offers qualified, newly qualified and always', () => {
		const unqualified = input(item({ crm: undefined, pql: pql({ qualified: false, newlyQualified: false }) as unknown as JsonObject }));
		const disqualified = input(item({ pql: pql({ disqualified: true }) as unknown as JsonObject }));
		expect(skipReason(unqualified, { ...policy, when: 'qualified' })).toBe('notQualified');
		expect(skipReason(disqualified, { ...policy, when: 'qualified' })).toBe('notQualified');
		expect(skipReason(input(item({ crm: undefined })), { ...policy, when: 'qualified' })).toBeNull();
		expect(skipReason(unqualified, { ...policy, when: 'newlyQualified' })).toBe('notNewlyQualified');
		expect(skipReason(unqualified, { ...policy, when: 'always' })).toBeNull();
	});

	it('throttles an entity alerted within the window, from the time the item carries', () => {
		expect(skipReason(input(item(), '2026-11-27T00:00:00Z'), policy)).toBe('throttled');
		expect(skipReason(input(item(), '2026-11-26T11:59:00Z'), policy)).toBeNull();
		expect(skipReason(input(item(), '2026-11-27T00:00:00Z'), { ...policy, throttleHours: 0 })).toBeNull();
		expect(skipReason(input(item(), 'not a date'), policy)).toBeNull();
	});

	it('alerts an entity once per run even when several items carry it', () => {
		const other = item({ pql: pql({ entity: { type: 'account', id: 'globex' } }) as unknown as JsonObject });
		const reasons = skipReasons([input(item()), input(other), input(item()), null], policy);
		expect(reasons).toEqual([null, null, 'duplicateInRun', 'noPql']);
	});
});

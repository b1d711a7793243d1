import type { AlertInput, AlertWhen, SkipReason } from '../contract/alert';
import { parseTime } from './time';

export interface AlertPolicy {
	when: AlertWhen;
	/** No second alert for an entity within this many hours of the last one; 0 turns it off. */
	throttleHours: number;
	now: Date;
}

function gate(input: AlertInput, when: AlertWhen): SkipReason | null {
	const { pql, crm } = input;
	switch (when) {
		case 'crmAlertDue':
			return crm?.followUp === 'alertDue' ? null : 'crmAlertNotDue';
		case 'crmCreated':
			return crm?.status === 'created' ? null : 'crmNotCreated';
		case 'newlyQualified':
			return pql.newlyQualified === true && !pql.disqualified ? null : 'notNewlyQualified';
		case 'qualified':
			return pql.qualified && !pql.disqualified ? null : 'notQualified';
		case 'always':
			return null;
	}
}

/**
 * Why this item gets no alert, or null when it should get one. Decided only from the item: what
 * the CRM step says (the alert is due in the one execution that owns the follow-up, until Record
 * Alert writes that it went out; or the older "this execution created the record") and the
 * entity's last alert time that the workflow keeps outside the node (a Data Table row, a CRM field).
 */
export function skipReason(input: AlertInput, policy: AlertPolicy): SkipReason | null {
	const gated = gate(input, policy.when);
	if (gated !== null) return gated;
	const last = parseTime(input.lastAlertedAt);
	const windowMs = policy.throttleHours * 3_600_000;
	if (last !== null && windowMs > 0 && policy.now.getTime() - last < windowMs) return 'throttled';
	return null;
}

export const entityKey = (input: AlertInput): string => `${input.pql.entity.type}:${input.pql.entity.id}`;

/**
 * `skipReason` for every item of one run, where a second item for an entity already alerted in
 * this run is a `duplicateInRun` (per-item output of PQL Score carries the entity on each event).
 */
export function skipReasons(inputs: Array<AlertInput | null>, policy: AlertPolicy): Array<SkipReason | null> {
	const alerted = new Set<string>();
	return inputs.map((input) => {
		if (input === null) return 'noPql';
		const reason = skipReason(input, policy);
		if (reason !== null) return reason;
		const key = entityKey(input);
		if (alerted.has(key)) return 'duplicateInRun';
		alerted.add(key);
		return null;
	});
}

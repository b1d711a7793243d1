import { FieldError } from '../../shared/fieldError';
import type { CycleRecord, FollowUpPorts } from './ports';
import type { FollowUpState } from './state';
import { encodeState, parseState } from './state';

export interface RecordAlertRequest {
	/** The record's key, as PQL CRM gave it (`crm.idempotencyKey`). */
	key: string;
	/** The claim PQL CRM gave this item (`crm.followUp.claim`); null when it held none. */
	token: string | null;
	/** When the alert went out (`alert.sentAt`); null when it did not, which only releases the claim. */
	sentAt: string | null;
}

export interface RecordedAlert {
	record: CycleRecord;
	state: FollowUpState;
}

/**
 * Writes on the deal or opportunity that its owner heard about it, and releases this execution's
 * claim, which completes the cycle's follow-up. Repeating it changes nothing. An alert that was not
 * sent only releases the claim, so the next execution finds the alert still due.
 */
export async function recordAlert(ports: Pick<FollowUpPorts, 'getCycle' | 'writeFollowUp'>, request: RecordAlertRequest): Promise<RecordedAlert> {
	const record = await ports.getCycle(request.key);
	if (record === null) {
		throw new FieldError(
			`No PQL deal or opportunity has the key ${request.key}`,
			'Record Key',
			'Run Record Alert on the items of PQL CRM\'s "Create or Update" operation, after PQL Alert: it reads "crm.idempotencyKey" and "crm.followUp.claim".',
		);
	}
	const state = parseState(record.followUp);
	const mine = state.claim !== null && state.claim.token === request.token;
	if (state.alertedAt !== null || (request.sentAt === null && !mine)) return { record, state };
	const next: FollowUpState = { ...state, alertedAt: request.sentAt ?? state.alertedAt, claim: mine ? null : state.claim };
	await ports.writeFollowUp(record, encodeState(next));
	return { record, state: next };
}

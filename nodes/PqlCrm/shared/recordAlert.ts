import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { CrmFollowUp } from '../../../core/contract/crm';
import type { FollowUpPorts } from '../../../core/crm/followUp';
import { recordAlert } from '../../../core/crm/followUp';
import { FieldError, isRecord, text } from '../../../core/shared';

/**
 * Record Alert for one item: writes the alert marker on the deal or opportunity and releases the
 * claim; the item's `crm` comes back with its follow-up as the record now says it is. An item whose
 * execution neither alerted nor holds the claim passes unchanged.
 */
export async function recordAlertOfItem(context: IExecuteFunctions, itemIndex: number, ports: Pick<FollowUpPorts, 'getCycle' | 'writeFollowUp'>): Promise<IDataObject> {
	const param = (name: string): string | undefined => text(context.getNodeParameter(name, itemIndex, ''));
	const key = param('recordKey');
	if (key === undefined) {
		throw new FieldError('The item names no PQL deal or opportunity', 'Record Key', 'Map Record Key to "crm.idempotencyKey" from this node\'s Create or Update operation.');
	}
	const sent = param('alertSentAt');
	const sentAt = sent === undefined ? null : new Date(sent);
	if (sentAt !== null && Number.isNaN(sentAt.getTime())) {
		throw new FieldError(`"${sent}" is not an ISO 8601 time`, 'Alert Sent At', 'Map Alert Sent At to "alert.sentAt" from PQL Alert, or leave it empty when no alert went out.');
	}
	const claim = param('claim') ?? null;
	const crm = context.getInputData()[itemIndex]?.json.crm;
	// No alert went out and this execution holds no claim (another one does the follow-up): nothing to record.
	if (sentAt === null && claim === null) return { crm: isRecord(crm) ? (crm as IDataObject) : { idempotencyKey: key } };
	const recorded = await recordAlert(ports, { key, token: claim, sentAt: sentAt?.toISOString() ?? null });
	const followUp: CrmFollowUp = {
		status: recorded.state.ready && recorded.state.alertedAt !== null ? 'complete' : 'alertDue',
		owner: false,
		claim: null,
		claimedUntil: null,
		alertedAt: recorded.state.alertedAt,
	};
	return { crm: { ...(isRecord(crm) ? crm : {}), idempotencyKey: key, followUp } as unknown as IDataObject };
}

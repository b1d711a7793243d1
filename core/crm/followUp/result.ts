import type { CrmFollowUp } from '../../contract/crm';
import type { FollowUpOutcome } from './followUp';

/** The follow-up as PQL CRM reports it on the item (`crm.followUp`). */
export function followUpResult(outcome: FollowUpOutcome, token: string): CrmFollowUp {
	const held = outcome.state.claim !== null && outcome.state.claim.token === token ? outcome.state.claim : null;
	return {
		status: outcome.followUp,
		owner: outcome.owner,
		claim: held?.token ?? null,
		claimedUntil: held?.until ?? null,
		alertedAt: outcome.state.alertedAt,
	};
}

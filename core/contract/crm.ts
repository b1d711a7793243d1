/** The CRM a PQL CRM item was written to. */
export type CrmSystem = 'hubspot' | 'salesforce';

/**
 * `created`: this execution created the cycle's deal or opportunity (and owns its follow-up);
 * `resumed`: the record existed and this execution now owns its unfinished follow-up (its own retry,
 * or one another execution abandoned); `deduplicated`: the record existed and its follow-up is
 * complete or in another execution's hands — only the score was refreshed.
 */
export type CrmWriteStatus = 'created' | 'resumed' | 'deduplicated';

/**
 * `alertDue`: this execution did the CRM follow-up and the owner is still to hear about it — alert,
 * then run Record Alert; `complete`: nothing is left to do; `pendingElsewhere`: another execution is
 * on it (no note, no alert here; a later execution finishes it if that one fails).
 */
export type FollowUpStatus = 'alertDue' | 'complete' | 'pendingElsewhere';

/** What the deal or opportunity records about its own follow-up, after this execution. */
export interface CrmFollowUp {
	status: FollowUpStatus;
	/** True when this execution did the follow-up steps. */
	owner: boolean;
	/** The claim this execution holds (Record Alert releases it); null when it holds none. */
	claim: string | null;
	/** Until when (ISO 8601) the claim keeps other executions away. */
	claimedUntil: string | null;
	/** When Record Alert wrote that the alert went out. */
	alertedAt: string | null;
}

export interface CrmRecordIds {
	company: string | null;
	contact: string | null;
	/** HubSpot. */
	deal?: string;
	/** Salesforce. */
	opportunity?: string;
	/** The usage-story note (HubSpot note, Salesforce Task), once written. */
	note?: string | null;
}

export type CrmRecordUrls = { [record in keyof CrmRecordIds]?: string | null };

/** What PQL CRM adds to each item as `crm`. */
export interface CrmResult {
	system: CrmSystem;
	/** True only in the one execution that created the deal or opportunity. */
	created: boolean;
	status: CrmWriteStatus;
	ids: CrmRecordIds;
	/** Record pages in the CRM's web app; null when the account's address is not configured. */
	urls: CrmRecordUrls;
	/** The record's unique key, `<accountId>:c<cycle>`: one open deal or opportunity per account and PQL cycle. */
	idempotencyKey: string;
	/** The account's PQL cycle: 1 for its first deal, the next once that one is closed; 0 for a day-keyed deal of an earlier version. */
	cycle: number;
	/** The CRM user who owns the record, when one was assigned or kept. */
	ownerId: string | null;
	followUp: CrmFollowUp;
}

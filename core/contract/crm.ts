/** The CRM a PQL CRM item was written to. */
export type CrmSystem = 'hubspot' | 'salesforce';

/**
 * `created`: this execution created the opportunity; `deduplicated`: it already existed for this
 * idempotency key (a retry or a concurrent execution made it); `updated`: an open PQL opportunity
 * of an earlier qualification cycle was updated instead of creating a second one.
 */
export type CrmWriteStatus = 'created' | 'deduplicated' | 'updated';

export interface CrmRecordIds {
	company: string | null;
	contact: string | null;
	/** HubSpot. */
	deal?: string;
	/** Salesforce. */
	opportunity?: string;
	/** The usage-story note (HubSpot note, Salesforce task); null when this execution wrote none. */
	note?: string | null;
}

export type CrmRecordUrls = { [record in keyof CrmRecordIds]?: string | null };

/** What PQL CRM adds to each item as `crm`. */
export interface CrmResult {
	system: CrmSystem;
	/** True only in the one execution that created the opportunity: alert on this. */
	created: boolean;
	status: CrmWriteStatus;
	ids: CrmRecordIds;
	/** Record pages in the CRM's web app; null when the account's address is not configured. */
	urls: CrmRecordUrls;
	/** `<accountId>:<qualification date>`: one opportunity per account and qualification cycle. */
	idempotencyKey: string;
	/** The CRM user who owns the opportunity, when one was assigned or kept. */
	ownerId: string | null;
}

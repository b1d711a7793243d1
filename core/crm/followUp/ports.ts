/** A deal (HubSpot) or opportunity (Salesforce) made for a PQL cycle, as the follow-up sees it. */
export interface CycleRecord {
	id: string;
	/** The unique key: `<accountId>:c<n>` (or `<accountId>:<YYYY-MM-DD>` from earlier versions). */
	key: string;
	open: boolean;
	/** The follow-up field as stored; null when empty. */
	followUp: string | null;
}

/** A step that is checked before it is done: `find` first, `create` only when nothing is found. */
export interface EnsuredStep {
	find(): Promise<string | null>;
	create(): Promise<string>;
}

/**
 * What the follow-up needs from one CRM for one item. Every call may fail; a write may also fail
 * after it happened (its answer lost), which the steps survive because each is checked before it
 * is done again.
 */
export interface FollowUpPorts {
	/** The account's PQL records as the CRM lists them. */
	listCycles(): Promise<CycleRecord[]>;
	/** Whether `listCycles` shows every write at once (Salesforce SOQL), or lags (HubSpot search). */
	readonly listIsCurrent: boolean;
	/** A consistent read by the unique key. */
	getCycle(key: string): Promise<CycleRecord | null>;
	/** Creates the record with its follow-up field, atomically on the key: 'exists' when the key is taken. */
	createCycle(key: string, followUp: string): Promise<CycleRecord | 'exists'>;
	writeFollowUp(record: CycleRecord, followUp: string): Promise<void>;
	/** Done by every execution, every time, and safe to repeat: score fields, associations, the Account. */
	refresh(record: CycleRecord, created: boolean): Promise<void>;
	/** The Lead or Contact when none has the e-mail (Salesforce); absent when nothing is to be made. */
	person?: EnsuredStep;
	/** The usage note or Task carrying the cycle's marker; absent when it is not wanted. */
	story?: (record: CycleRecord) => EnsuredStep;
	now(): number;
	sleep(ms: number): Promise<void>;
}

/** The execution working on a cycle's follow-up, until its lease runs out. */
export interface Claim {
	token: string;
	/** ISO 8601. */
	until: string;
}

/**
 * What a deal or opportunity records about its own follow-up, in one text field (HubSpot
 * `pql_follow_up`, Salesforce `PQL_Follow_Up__c`): who is on it, and what is done.
 */
export interface FollowUpState {
	claim: Claim | null;
	/** The usage note (HubSpot) or Task (Salesforce), once written. */
	story: string | null;
	/** The owner finished the CRM steps (person, note): only the alert may be left. */
	ready: boolean;
	/** When Record Alert wrote that the alert went out (ISO 8601). */
	alertedAt: string | null;
}

export const EMPTY_STATE: FollowUpState = { claim: null, story: null, ready: false, alertedAt: null };

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** Compact JSON (well inside Salesforce's 255 characters); only what is set. */
export function encodeState(state: FollowUpState): string {
	const json: Record<string, string | boolean> = {};
	if (state.claim !== null) {
		json.claim = state.claim.token;
		json.until = state.claim.until;
	}
	if (state.story !== null) json.story = state.story;
	if (state.ready) json.ready = true;
	if (state.alertedAt !== null) json.alerted = state.alertedAt;
	return JSON.stringify(json);
}

/** Reads the field leniently: empty, edited or foreign text reads as nothing recorded. */
export function parseState(value: string | null): FollowUpState {
	let json: Record<string, unknown>;
	try {
		const parsed: unknown = JSON.parse(value ?? '');
		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return EMPTY_STATE;
		json = parsed as Record<string, unknown>;
	} catch {
		return EMPTY_STATE;
	}
	const token = text(json.claim);
	const until = text(json.until);
	return {
		claim: token !== null && until !== null && !Number.isNaN(Date.parse(until)) ? { token, until } : null,
		story: text(json.story),
		ready: json.ready === true,
		alertedAt: text(json.alerted),
	};
}

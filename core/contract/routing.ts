/** `outOfOffice` and `inactive` reps are skipped: their rules fall through and their pools share their accounts. */
export type RepStatus = 'available' | 'outOfOffice' | 'inactive';

export interface Rep {
	/** Stable identity: pools hash accounts against it, so it must not change when other fields do. */
	id: string;
	name: string;
	email: string | null;
	/** The rep's user id in the CRM (HubSpot owner id, Salesforce user id). */
	crmOwnerId: string | null;
	slackId: string | null;
	/** Capacity in a pool: a rep of weight 2 gets twice the accounts of a rep of weight 1. */
	weight: number;
	/** IANA zone whose business hours the rep's SLA counts in; null = the routing default. */
	timeZone: string | null;
	status: RepStatus;
}

export interface Pool {
	name: string;
	/** Rep ids. */
	members: string[];
}

export type Target = { kind: 'rep'; rep: string } | { kind: 'pool'; pool: string };

/**
 * `notIn` holds when the field is missing too; `gte`/`lte` compare numbers (a missing or non-numeric
 * field fails them); `equals` and `in` ignore case; `any` holds for every item (a catch-all rule).
 */
export type RuleOperator = 'equals' | 'in' | 'notIn' | 'exists' | 'gte' | 'lte' | 'any';

export interface FieldCondition {
	/** Dotted path in the item, e.g. `company.region`. */
	path: string;
	operator: RuleOperator;
	/** A list for `in` / `notIn`; ignored by `exists` and `any`. */
	value?: string | number | Array<string | number>;
}

export interface NamedCondition extends FieldCondition {
	name: string;
}

/** Keeps the owner the item already has (e.g. from the CRM), unless an override names the case. */
export interface ExistingOwnerRule {
	kind: 'existingOwner';
	name: string;
	/** Fields holding the current owner (CRM owner id, e-mail or rep id), the first non-empty wins. */
	paths: string[];
	/** Reassign instead when one of these holds. */
	overrides: NamedCondition[];
}

/** A territory or segment rule: when the field meets the condition, the rep or pool gets the item. */
export interface FieldRule {
	kind: 'field';
	name: string;
	condition: FieldCondition;
	target: Target;
}

export type RoutingRule = ExistingOwnerRule | FieldRule;

/** Where an item goes when no rule assigns it: always available. */
export interface FallbackQueue {
	name: string;
	email: string | null;
	crmOwnerId: string | null;
	slackId: string | null;
	timeZone: string | null;
}

/** ISO weekdays: 1 = Monday … 7 = Sunday. Times are `HH:mm` wall-clock in the owner's zone. */
export interface BusinessHours {
	days: number[];
	start: string;
	end: string;
}

export interface SlaSettings {
	/** 0 = no SLA (`slaDueAt` is null). */
	minutes: number;
	/** Null: the minutes run around the clock. */
	businessHours: BusinessHours | null;
}

export interface RoutingConfig {
	reps: Rep[];
	pools: Pool[];
	/** Tried in order; the first that assigns an owner wins. */
	rules: RoutingRule[];
	fallback: FallbackQueue;
	sla: SlaSettings;
	/** Zone for owners without one. */
	defaultTimeZone: string;
}

export interface RoutingOwner {
	/** The rep's id; for an owner kept from the CRM who is no configured rep, that owner's id. */
	id: string;
	name: string | null;
	email: string | null;
	crmOwnerId: string | null;
	slackId: string | null;
	timeZone: string;
}

export type MatchedRuleKind = RoutingRule['kind'] | 'fallback';

export interface MatchedRule {
	/** Position in the rule list (0-based); the fallback queue has index `rules.length`. */
	index: number;
	name: string;
	kind: MatchedRuleKind;
}

/** What PQL Route adds to each item as `routing`. */
export interface RoutingResult {
	owner: RoutingOwner;
	rule: MatchedRule;
	/** Set when a pool chose the owner. */
	pool?: { name: string; key: string };
	/** Null when no SLA is configured. */
	slaDueAt: string | null;
	assignedAt: string;
	/** Why this owner, in words: the rule, and any rules skipped on the way. */
	reason: string;
}

import type { CanonicalEvent, JsonObject } from './event';

export type SignalCategory = 'usage' | 'intent' | 'fit';

export type EntityType = 'user' | 'account';

/** `exists` is true for any value other than null, empty text, false and 0. */
export type Operator = 'gte' | 'lte' | 'eq' | 'in' | 'exists';

/** A measured value: numbers from events; whatever the item holds for field signals. */
export type SignalValue = number | string | boolean | null;

export interface Condition {
	operator: Operator;
	/** Ignored by `exists`; a list for `in`. */
	value?: SignalValue | SignalValue[];
}

export interface PropertyCondition extends Condition {
	/** Dotted path inside the event's `properties`, e.g. `plan.name`. */
	property: string;
}

/**
 * Events matching one of `names` (exactly; `*` matches every event), optionally only those whose
 * property meets `where`.
 */
export interface EventSource {
	kind: 'events';
	names: string[];
	where?: PropertyCondition;
}

/** A field of the entity's item (profile data, enrichment), e.g. `company.sizeBand`. */
export interface FieldSource {
	kind: 'field';
	path: string;
}

export type Aggregation = 'count' | 'distinctDays' | 'exists' | 'sum' | 'max' | 'daysSinceLastSeen';

export interface SignalDefinition {
	/** Unique within a model; rules and coefficients refer to it. */
	key: string;
	label: string;
	category: SignalCategory;
	source: EventSource | FieldSource;
	/** Applies to event sources; a field's value is taken as it is. */
	aggregation: Aggregation;
	/** Numeric event property summed or maximised by `sum` / `max`. */
	property?: string;
	/** Only events at most this many days old count (an event exactly N days old is inside); absent = all time. */
	windowDays?: number;
	/** Reason text; `{value}` is the measured value, `{s}` an "s" unless the value is 1. */
	detail?: string;
}

export interface ModelIdentity {
	kind: ModelKind;
	version: string;
}

export type ModelKind = 'weighted' | 'threshold' | 'logistic';

export interface ThresholdRule extends Condition {
	signal: string;
	/** The rule's share of the score when met, against the points of all rules; absent = every rule counts the same. */
	points?: number;
}

export interface ThresholdModel extends ModelIdentity {
	kind: 'threshold';
	signals: SignalDefinition[];
	rules: ThresholdRule[];
	combine: 'all' | 'any';
}

export interface PointRule {
	signal: string;
	/** Negative points make an anti-signal. */
	points: number;
	/** `condition`: points once when `when` holds; `occurrence`: points per unit of the measured value. */
	per: 'condition' | 'occurrence';
	/** Defaults to `exists`. */
	when?: Condition;
	/** Largest absolute number of points this rule can give. */
	cap?: number;
	/** Overrides the model's half-life; 0 turns decay off for this rule. */
	halfLifeDays?: number;
	/** Reason text for this rule, overriding the signal's. */
	detail?: string;
}

export interface WeightedModel extends ModelIdentity {
	kind: 'weighted';
	signals: SignalDefinition[];
	points: PointRule[];
	/** Largest absolute number of points a category can give. */
	categoryCaps?: Partial<Record<SignalCategory, number>>;
	/** Points halve every this many days since the event; absent or 0 = no decay. */
	halfLifeDays?: number;
	/** Points that make a score of 100; sums above it are capped at 100, below 0 at 0. */
	fullScorePoints: number;
	/** Qualified at this score (0–100) or above. */
	qualifyAt: number;
}

/** One level of a step shape: the value a signal takes from `from` up to the next step's `from`. */
export interface Step {
	from: number;
	value: number;
}

/**
 * `log1p`: ln(1 + max(x, 0)). `steps` (ascending `from`): the value of the last step the raw value
 * reaches, 0 below the first — thresholds and saturation ("5+ projects created").
 */
export type LogisticTransform = 'log1p' | { steps: Step[] };

/** The predictive model's JSON form; see "Model JSON" in docs/nodes/score.md. */
export interface LogisticModel extends ModelIdentity {
	kind: 'logistic';
	signals: SignalDefinition[];
	intercept: number;
	coefficients: Record<string, number>;
	/** Applied before standardisation. */
	transforms?: Record<string, LogisticTransform>;
	standardisation?: Record<string, { mean: number; sd: number }>;
	/** Qualified when the probability is at least this (0–1). */
	threshold: number;
}

export type ScoringModel = WeightedModel | ThresholdModel | LogisticModel;

export type AntiPqlRule =
	| { kind: 'inactive'; days: number }
	| { kind: 'domain'; list: string; domains: string[] }
	| { kind: 'freeMailOnly' }
	/** One person and no sign of a team: no other member, no teammate invited. */
	| { kind: 'singleUser' }
	/** Too little real use: the signal (e.g. core feature uses) per member of the entity measures below `min`. */
	| { kind: 'lightUse'; signal: string; min: number; label?: string }
	| ({ kind: 'condition'; label: string; path: string } & Condition);

export interface GradeBand {
	name: string;
	/** Lowest score in the band. */
	minScore: number;
}

export interface PreviousState {
	/** The entity the state belongs to; without it, the state belongs to the entity of its item. */
	entity?: { type: EntityType; id: string };
	score?: number | null;
	/** Set while the entity is qualified. */
	qualifiedSince?: string | null;
	/** Last time the entity was scored as qualified; starts the re-qualification cool-down. */
	lastQualifiedAt?: string | null;
	/** When this state was scored: of several states for one entity, the latest wins. */
	scoredAt?: string | null;
}

export type EntityLevel = EntityType | 'both';

/** Account level, users without `accountId`: left out, or grouped by their work e-mail domain. */
export type EventsWithoutAccount = 'skip' | 'emailDomain';

export interface ScoringConfig {
	model: ScoringModel;
	antiPql: AntiPqlRule[];
	/** Highest band first or not: they are sorted by `minScore`. */
	grades: GradeBand[];
	level: EntityLevel;
	/** A member active within this many days counts as an active user of the account. */
	activeUserDays: number;
	/** Signal whose account-wide sum is reported as `teammatesInvited`. */
	invitesSignal?: string;
	/** Re-qualifying within this many days of last being qualified is not `newlyQualified`. */
	coolDownDays: number;
	/** IANA zone in which calendar days are counted for `distinctDays`. */
	timeZone: string;
	/** Absent means `emailDomain`, what the core always did; PQL Score's default is `skip`. */
	eventsWithoutAccount?: EventsWithoutAccount;
}

/** One user as the scoring core sees it; `items` are the indexes of the input items it came from. */
export interface UserInput {
	id: string;
	email: string | null;
	accountId: string | null;
	events: CanonicalEvent[];
	/** The events' times in ms, in the same order, when the caller has read them already. */
	eventTimes?: number[];
	/** Fields that field signals and anti-PQL conditions read (the user's latest item, enrichment). */
	profile: JsonObject;
	/** For profiles without events; otherwise the latest event counts. */
	lastSeenAt: string | null;
	previous: PreviousState[];
	items: number[];
}

export interface Reason {
	signal: string;
	label: string;
	category: SignalCategory;
	points: number;
	detail: string;
}

export interface Disqualification {
	rule: AntiPqlRule['kind'];
	detail: string;
}

export interface EntityMetrics {
	signals: Record<string, SignalValue>;
	events: number;
	daysSinceLastSeen: number | null;
	/** Accounts only. */
	members?: number;
	activeUsers?: number;
	teammatesInvited?: number;
	groupedBy?: 'accountId' | 'emailDomain';
	perSignal?: Record<string, { sum: number; max: number }>;
	/** Threshold model only. */
	rules?: Array<{ signal: string; met: boolean }>;
	/** Logistic model only. */
	probability?: number;
	/** Logistic model only: the score with every signal at zero contribution. */
	baselineScore?: number;
}

export interface ScoreSummary {
	/** `name`: an account's name as the product last sent it (the events' `accountName`), when it did. */
	entity: { type: EntityType; id: string; name?: string };
	score: number;
	grade: string;
	qualified: boolean;
}

export interface PqlResult extends ScoreSummary {
	disqualified: boolean;
	disqualifiedBy: Disqualification[];
	components: Record<SignalCategory, number>;
	reasons: Reason[];
	metrics: EntityMetrics;
	model: ModelIdentity;
	scoredAt: string;
	previousScore: number | null;
	newlyQualified: boolean;
	/** Qualified now differs from the previous state: the moment to store the new state. */
	qualificationChanged: boolean;
	qualifiedSince: string | null;
	lastQualifiedAt: string | null;
	/**
	 * What to store as the entity's state (a state row) and give back as its previous state next time.
	 * PQL Score always sets it; items from before it existed lack it.
	 */
	state?: PreviousState;
	/** On a user when accounts are scored too. */
	account?: ScoreSummary;
	/** On an account when users are scored too, highest score first. */
	members?: ScoreSummary[];
}

export interface ScoredEntity {
	pql: PqlResult;
	/** Indexes of the input items the entity was built from, oldest event first. */
	items: number[];
}

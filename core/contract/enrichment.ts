import type { JsonObject } from './event';

/**
 * Who gave a field. `offline` facts are derived by the package itself from what the item holds
 * (e-mail, title, country, employee count); `guess` marks facts inferred rather than read (the
 * company domain taken from a work address); `item` marks a field the item already had.
 */
export type EnrichmentSource = 'item' | 'offline' | 'guess' | 'apollo' | 'peopleDataLabs' | 'posthog';

/** `free`: a consumer mailbox; `disposable`: a throw-away inbox; `invalid`: not an address. */
export type EmailType = 'work' | 'free' | 'disposable' | 'invalid';

/** Founders and owners rank as `owner`; heads of a department rank as `director`. */
export type Seniority = 'owner' | 'cLevel' | 'vp' | 'director' | 'manager' | 'individualContributor' | 'studentIntern';

export type JobFunction =
	| 'executive'
	| 'engineering'
	| 'product'
	| 'design'
	| 'data'
	| 'it'
	| 'security'
	| 'sales'
	| 'marketing'
	| 'customerSuccess'
	| 'support'
	| 'finance'
	| 'operations'
	| 'hr'
	| 'legal'
	| 'research'
	| 'education'
	| 'consulting'
	| 'administrative';

/** Sales territories: North America, Latin America, Europe/Middle East/Africa, Asia-Pacific. */
export type Region = 'NA' | 'LATAM' | 'EMEA' | 'APAC';

/** Employee-count bands, inclusive at both ends; `5001+` is 5,001 employees or more. */
export type SizeBand = '1-10' | '11-50' | '51-200' | '201-1000' | '1001-5000' | '5001+';

export interface Company {
	/** Lower-case registrable host, no `www.`, e.g. `acme.com`. */
	domain: string;
	name: string;
	website: string;
	industry: string;
	employeeCount: number;
	sizeBand: SizeBand;
	/** English short name of the country, e.g. `Germany`. */
	country: string;
	/** ISO 3166-1 alpha-2, upper case. */
	countryCode: string;
	region: Region;
	city: string;
	description: string;
	linkedinUrl: string;
	foundedYear: number;
	annualRevenue: number;
	/** Provider-specific properties kept as they came (e.g. PostHog group properties). */
	properties: JsonObject;
	sources: Partial<Record<CompanyField, EnrichmentSource>>;
}

export interface Person {
	/** Trimmed and lower-cased. */
	email: string;
	emailDomain: string;
	emailType: EmailType;
	firstName: string;
	lastName: string;
	fullName: string;
	title: string;
	seniority: Seniority;
	function: JobFunction;
	/** Owners, C-level, VPs and directors (heads of a department included). */
	isDecisionMaker: boolean;
	country: string;
	countryCode: string;
	region: Region;
	city: string;
	linkedinUrl: string;
	/** Provider-specific properties kept as they came (e.g. PostHog person properties). */
	properties: JsonObject;
	sources: Partial<Record<PersonField, EnrichmentSource>>;
}

export type CompanyField = Exclude<keyof Company, 'sources'>;
export type PersonField = Exclude<keyof Person, 'sources'>;

/** What `enrichOffline` reads: an item's top-level fields or a canonical event. */
export interface OfflineInput {
	/** A canonical event's `type`: the traits of a `group` call describe the company, not a person. */
	type?: unknown;
	event?: unknown;
	email?: unknown;
	title?: unknown;
	country?: unknown;
	employeeCount?: unknown;
	traits?: unknown;
	context?: unknown;
	properties?: unknown;
	/** The canonical event's account name, and a scored account's `pql.entity.name`: the company name of last resort. */
	accountName?: unknown;
	pql?: unknown;
}

export interface OfflineEnrichment {
	company: Partial<Company>;
	person: Partial<Person>;
}

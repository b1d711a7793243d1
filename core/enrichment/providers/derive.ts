import type { JobFunction, Seniority } from '../../contract/enrichment';
import type { JsonObject } from '../../contract/event';
import { resolveCountry } from '../country';
import { normaliseDomain, parseEmail } from '../email';
import { parseEmployeeCount } from '../sizeBand';
import { DECISION_MAKER_SENIORITIES, classifyTitle } from '../title';
import { text } from '../../shared/values';
import { type CompanyFacts, type PersonFacts, defined, url } from './facts';

/** A company as a provider describes it, before normalisation. */
export interface RawCompany {
	domain?: unknown;
	website?: unknown;
	name?: unknown;
	industry?: unknown;
	/** A count or a range such as `51-200`. */
	employees?: unknown;
	/** A name or an ISO code. */
	country?: unknown;
	city?: unknown;
	description?: unknown;
	linkedinUrl?: unknown;
	foundedYear?: number;
	annualRevenue?: number;
	properties?: JsonObject;
}

/**
 * The package's company facts from a provider's: domain from the website when the provider gives
 * none, size band from the employee count, ISO code and region from the country.
 */
export function companyFacts(raw: RawCompany): CompanyFacts {
	const employees = parseEmployeeCount(raw.employees);
	const country = resolveCountry(raw.country);
	const website = url(raw.website);
	return defined({
		domain: normaliseDomain(raw.domain) ?? normaliseDomain(website) ?? undefined,
		name: text(raw.name),
		website,
		industry: text(raw.industry),
		employeeCount: employees?.employeeCount ?? undefined,
		sizeBand: employees?.sizeBand,
		country: country?.country,
		countryCode: country?.countryCode,
		region: country?.region,
		city: text(raw.city),
		description: text(raw.description),
		linkedinUrl: url(raw.linkedinUrl),
		foundedYear: raw.foundedYear,
		annualRevenue: raw.annualRevenue,
		properties: raw.properties,
	});
}

/** A person as a provider describes them, before normalisation. */
export interface RawPerson {
	email?: unknown;
	firstName?: unknown;
	lastName?: unknown;
	fullName?: unknown;
	title?: unknown;
	/** The provider's own level, already mapped; else it is read from the title. */
	seniority?: Seniority;
	function?: JobFunction;
	country?: unknown;
	city?: unknown;
	linkedinUrl?: unknown;
	properties?: JsonObject;
}

/** The package's person facts from a provider's; what the provider leaves out is read from the title. */
export function personFacts(raw: RawPerson): PersonFacts {
	const email = parseEmail(raw.email);
	const title = text(raw.title);
	const fromTitle = title === undefined ? null : classifyTitle(title);
	const seniority = raw.seniority ?? fromTitle?.seniority ?? undefined;
	const country = resolveCountry(raw.country);
	const firstName = text(raw.firstName);
	const lastName = text(raw.lastName);
	return defined({
		email: email?.type === 'invalid' ? undefined : email?.email,
		emailDomain: email?.domain ?? undefined,
		emailType: email?.type,
		firstName,
		lastName,
		fullName: text(raw.fullName) ?? (text([firstName, lastName].filter(Boolean).join(' '))),
		title,
		seniority,
		function: raw.function ?? fromTitle?.function ?? undefined,
		isDecisionMaker: seniority === undefined ? undefined : DECISION_MAKER_SENIORITIES.has(seniority),
		country: country?.country,
		countryCode: country?.countryCode,
		region: country?.region,
		city: text(raw.city),
		linkedinUrl: url(raw.linkedinUrl),
		properties: raw.properties,
	});
}

import type { JsonObject } from '../event';
import { type ReadFields, readFields } from './fields';

const COMPANY = {
	text: ['domain', 'name', 'website', 'industry', 'sizeBand', 'country', 'countryCode', 'region', 'city', 'description', 'linkedinUrl'],
	number: ['employeeCount', 'foundedYear', 'annualRevenue'],
	boolean: [],
} as const;

const PERSON = {
	text: ['email', 'emailDomain', 'emailType', 'firstName', 'lastName', 'fullName', 'title', 'seniority', 'function', 'country', 'countryCode', 'region', 'city', 'linkedinUrl'],
	number: [],
	boolean: ['isDecisionMaker'],
} as const;

/**
 * An item's `company` as any node may read it: PQL Enrich's fields, or what an earlier step put
 * there. Coded values (`sizeBand`, `region`) are read as text, since other tools write their own.
 */
export type CompanyRead = ReadFields<(typeof COMPANY.text)[number], (typeof COMPANY.number)[number], never>;

/** An item's `person`, read as `CompanyRead` is. */
export type PersonRead = ReadFields<(typeof PERSON.text)[number], never, (typeof PERSON.boolean)[number]>;

export function readCompany(json: JsonObject): CompanyRead {
	return readFields(json.company, COMPANY);
}

export function readPerson(json: JsonObject): PersonRead {
	return readFields(json.person, PERSON);
}

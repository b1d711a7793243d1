import type {
	Company,
	CompanyField,
	EnrichmentSource,
	OfflineEnrichment,
	OfflineInput,
	Person,
	PersonField,
} from '../contract/enrichment';
import { valueAtPath } from '../shared/fieldPath';
import { idText, text } from '../shared/values';
import { resolveCountry } from './country';
import { normaliseDomain, parseEmail } from './email';
import { parseEmployeeCount } from './sizeBand';
import { classifyTitle } from './title';

/** The first path holding a non-empty string or a number. */
function first(item: OfflineInput, paths: readonly string[]): unknown {
	for (const path of paths) {
		const value = valueAtPath(item, path);
		if (idText(value) !== undefined) return value;
	}
	return undefined;
}

/** Where each fact may sit: the item's own fields, Segment traits and context, PostHog `$set` and GeoIP. */
const PATHS = {
	email: ['email', 'traits.email', 'context.traits.email', 'properties.email', 'properties.$set.email'],
	title: ['title', 'traits.title', 'traits.jobTitle', 'traits.job_title', 'context.traits.title', 'properties.title', 'properties.$set.title', 'properties.$set.job_title'],
	firstName: ['firstName', 'traits.firstName', 'traits.first_name', 'context.traits.firstName', 'properties.$set.first_name', 'properties.$set.firstName'],
	lastName: ['lastName', 'traits.lastName', 'traits.last_name', 'context.traits.lastName', 'properties.$set.last_name', 'properties.$set.lastName'],
	personCountry: [
		'country',
		'traits.country',
		'traits.address.country',
		'context.traits.address.country',
		'context.location.country',
		'properties.$geoip_country_code',
		'properties.$geoip_country_name',
		'properties.$set.$geoip_country_code',
		'properties.$set.$geoip_country_name',
	],
	// Then the name the product sent for the account: the canonical event's, or a scored account's.
	companyName: ['traits.company.name', 'traits.company', 'traits.companyName', 'traits.company_name', 'context.traits.company.name', 'properties.$set.company', 'accountName', 'pql.entity.name'],
	companyCountry: ['traits.company.country', 'traits.company.address.country'],
	industry: ['industry', 'traits.industry', 'traits.company.industry', 'context.traits.company.industry', 'properties.$set.industry'],
	website: ['website', 'traits.company.website', 'traits.company.domain', 'traits.companyDomain', 'traits.company_domain'],
	employeeCount: [
		'employeeCount',
		'traits.employees',
		'traits.employeeCount',
		'traits.employee_count',
		'traits.company.employees',
		'traits.company.employee_count',
		'traits.companySize',
		'traits.company_size',
		'context.traits.company.employee_count',
		'properties.$set.employees',
		'properties.$set.company_size',
	],
} as const satisfies Record<string, readonly string[]>;

/** Segment `group` calls and PostHog `$groupidentify` carry the company's own traits. */
const GROUP_PATHS = {
	companyName: ['traits.name'],
	companyCountry: ['traits.address.country', 'traits.country'],
	website: ['traits.website', 'traits.domain'],
} as const satisfies Partial<Record<keyof typeof PATHS, readonly string[]>>;

interface Collected<T, F extends keyof T> {
	fields: Partial<T>;
	sources: Partial<Record<F, EnrichmentSource>>;
	set<K extends F>(field: K, value: T[K] | null | undefined, source: EnrichmentSource): void;
}

/** Fields and the source of each, set together so that neither is ever missing its partner. */
function collect<T, F extends keyof T>(): Collected<T, F> {
	const fields: Partial<T> = {};
	const sources: Partial<Record<F, EnrichmentSource>> = {};
	return {
		fields,
		sources,
		set(field, value, source) {
			if (value === null || value === undefined) return;
			fields[field] = value;
			sources[field] = source;
		},
	};
}

/**
 * Company and person facts that need no provider: the e-mail's domain and kind, the company
 * domain a work address implies, seniority and function from the title, country code and sales
 * region, size band; plus the names, industry and website the item itself carries. Each field's
 * `sources` entry says `item` (copied), `offline` (derived) or `guess` (inferred from the e-mail).
 */
export function enrichOffline(item: OfflineInput): OfflineEnrichment {
	const person = collect<Person, PersonField>();
	const company = collect<Company, CompanyField>();
	const isGroup = item.type === 'group' || item.event === '$groupidentify';
	const pick = (key: keyof typeof PATHS) => first(item, [...(isGroup && key in GROUP_PATHS ? GROUP_PATHS[key as keyof typeof GROUP_PATHS] : []), ...PATHS[key]]);

	const email = parseEmail(pick('email'));
	if (email && !isGroup) {
		person.set('email', email.email, 'offline');
		person.set('emailDomain', email.domain, 'offline');
		person.set('emailType', email.type, 'offline');
	}

	const title = text(pick('title'));
	const role = isGroup ? null : classifyTitle(title);
	if (role) {
		person.set('title', title, 'item');
		person.set('seniority', role.seniority, 'offline');
		person.set('function', role.function, 'offline');
		person.set('isDecisionMaker', role.isDecisionMaker, 'offline');
	}
	if (!isGroup) {
		person.set('firstName', text(pick('firstName')), 'item');
		person.set('lastName', text(pick('lastName')), 'item');
		const where = resolveCountry(pick('personCountry'));
		person.set('country', where?.country, 'offline');
		person.set('countryCode', where?.countryCode, 'offline');
		person.set('region', where?.region, 'offline');
	}

	const website = text(pick('website'));
	const siteDomain = normaliseDomain(website);
	if (siteDomain) {
		company.set('domain', siteDomain, 'offline');
		company.set('website', website, 'item');
	} else if (email?.companyDomain && !isGroup) {
		company.set('domain', email.companyDomain, 'guess');
		company.set('website', `https://${email.companyDomain}`, 'guess');
	}
	company.set('name', text(pick('companyName')), 'item');
	company.set('industry', text(pick('industry')), 'item');
	const headquarters = resolveCountry(pick('companyCountry'));
	company.set('country', headquarters?.country, 'offline');
	company.set('countryCode', headquarters?.countryCode, 'offline');
	company.set('region', headquarters?.region, 'offline');
	const size = parseEmployeeCount(pick('employeeCount'));
	company.set('employeeCount', size?.employeeCount, 'item');
	company.set('sizeBand', size?.sizeBand, 'offline');

	return {
		company: { ...company.fields, sources: company.sources },
		person: { ...person.fields, sources: person.sources },
	};
}

import type { JobFunction, Seniority } from '../../contract/enrichment';
import { companyFacts, personFacts } from './derive';
import { finiteNumber, record, text } from '../../shared/values';
import type { ProviderFacts } from './facts';

/** Apollo's `seniority` values (people/match). */
const SENIORITY: Record<string, Seniority> = {
	owner: 'owner',
	founder: 'owner',
	c_suite: 'cLevel',
	partner: 'cLevel',
	vp: 'vp',
	head: 'director',
	director: 'director',
	manager: 'manager',
	senior: 'individualContributor',
	entry: 'individualContributor',
	intern: 'studentIntern',
};

/** Apollo's `departments` values; the first one that maps wins. */
const DEPARTMENT: Record<string, JobFunction> = {
	c_suite: 'executive',
	master_engineering_technical: 'engineering',
	engineering_technical: 'engineering',
	product_management: 'product',
	design: 'design',
	data_science: 'data',
	master_information_technology: 'it',
	information_technology: 'it',
	master_sales: 'sales',
	sales: 'sales',
	master_marketing: 'marketing',
	marketing: 'marketing',
	support: 'support',
	master_finance: 'finance',
	finance: 'finance',
	accounting: 'finance',
	master_operations: 'operations',
	operations: 'operations',
	master_human_resources: 'hr',
	human_resources: 'hr',
	master_legal: 'legal',
	legal: 'legal',
	education: 'education',
	consulting: 'consulting',
};

function departmentFunction(value: unknown): JobFunction | undefined {
	if (!Array.isArray(value)) return undefined;
	return value.map((department) => DEPARTMENT[String(department)]).find((found) => found !== undefined);
}

/** `GET /api/v1/organizations/enrich?domain=` → `{ organization }`; an empty organization is no match. */
export function apolloOrganizationFacts(body: unknown): ProviderFacts | null {
	const organization = record(record(body).organization);
	if (text(organization.name) === undefined && text(organization.primary_domain) === undefined) return null;
	return {
		source: 'apollo',
		company: apolloCompany(organization),
		person: {},
	};
}

function apolloCompany(organization: Record<string, unknown>) {
	return companyFacts({
		domain: organization.primary_domain,
		website: organization.website_url,
		name: organization.name,
		industry: organization.industry,
		employees: organization.estimated_num_employees,
		country: organization.country,
		city: organization.city,
		description: organization.short_description,
		linkedinUrl: organization.linkedin_url,
		foundedYear: finiteNumber(organization.founded_year),
		annualRevenue: finiteNumber(organization.annual_revenue),
	});
}

/** `POST /api/v1/people/match?email=` → `{ person }`; `person: null` is no match. */
export function apolloPersonFacts(body: unknown): ProviderFacts | null {
	const person = record(record(body).person);
	if (Object.keys(person).length === 0) return null;
	const organization = record(person.organization);
	return {
		source: 'apollo',
		company: Object.keys(organization).length === 0 ? {} : apolloCompany(organization),
		person: personFacts({
			email: person.email,
			firstName: person.first_name,
			lastName: person.last_name,
			fullName: person.name,
			title: person.title,
			seniority: SENIORITY[String(person.seniority)],
			function: departmentFunction(person.departments),
			country: person.country,
			city: person.city,
			linkedinUrl: person.linkedin_url,
		}),
	};
}

import type { JobFunction, Seniority } from '../../contract/enrichment';
import { companyFacts, personFacts } from './derive';
import { finiteNumber, record, text } from '../../shared/values';
import type { ProviderFacts } from './facts';

/** PDL's `job_title_levels`, highest first: a person with several levels gets the highest. */
const LEVELS: ReadonlyArray<[string, Seniority]> = [
	['owner', 'owner'],
	['cxo', 'cLevel'],
	['partner', 'cLevel'],
	['vp', 'vp'],
	['director', 'director'],
	['manager', 'manager'],
	['senior', 'individualContributor'],
	['entry', 'individualContributor'],
	['training', 'studentIntern'],
	['unpaid', 'studentIntern'],
];

/** PDL's `job_title_role` values that have a counterpart here. */
const ROLE: Record<string, JobFunction> = {
	engineering: 'engineering',
	sales_engineering: 'engineering',
	product: 'product',
	design: 'design',
	creative: 'design',
	analyst: 'data',
	research: 'research',
	sales: 'sales',
	partnerships: 'sales',
	marketing: 'marketing',
	public_relations: 'marketing',
	media: 'marketing',
	customer_service: 'support',
	support: 'support',
	finance: 'finance',
	operations: 'operations',
	fulfillment: 'operations',
	human_resources: 'hr',
	legal: 'legal',
	education: 'education',
	advisory: 'consulting',
	professional_service: 'consulting',
};

/** PDL writes names in lower case. */
function capitalised(value: unknown): string | undefined {
	return text(value)?.replace(/(^|[\s'-])\p{Ll}/gu, (letter) => letter.toUpperCase());
}

function seniority(levels: unknown): Seniority | undefined {
	if (!Array.isArray(levels)) return undefined;
	const given = new Set(levels.map(String));
	return LEVELS.find(([level]) => given.has(level))?.[1];
}

/** `GET /v5/company/enrich?website=` → the company at the top level (`status: 200`); 404 is no match. */
export function pdlCompanyFacts(body: unknown): ProviderFacts | null {
	const company = record(body);
	if (text(company.name) === undefined && text(company.website) === undefined) return null;
	const location = record(company.location);
	return {
		source: 'peopleDataLabs',
		company: companyFacts({
			website: company.website,
			name: text(company.display_name) ?? capitalised(company.name),
			industry: company.industry,
			employees: finiteNumber(company.employee_count) ?? company.size,
			country: location.country,
			city: capitalised(location.locality),
			description: company.summary,
			linkedinUrl: company.linkedin_url,
			foundedYear: finiteNumber(company.founded),
		}),
		person: {},
	};
}

/** `GET /v5/person/enrich?email=` → `{ status: 200, likelihood, data }`; 404 is no match. */
export function pdlPersonFacts(body: unknown): ProviderFacts | null {
	const data = record(record(body).data);
	if (Object.keys(data).length === 0) return null;
	const hasCompany = text(data.job_company_website) !== undefined || text(data.job_company_name) !== undefined;
	return {
		source: 'peopleDataLabs',
		company: hasCompany
			? companyFacts({
					website: data.job_company_website,
					name: capitalised(data.job_company_name),
					industry: data.job_company_industry,
					employees: data.job_company_size,
				})
			: {},
		person: personFacts({
			email: data.work_email,
			firstName: capitalised(data.first_name),
			lastName: capitalised(data.last_name),
			fullName: capitalised(data.full_name),
			title: data.job_title,
			seniority: seniority(data.job_title_levels),
			function: ROLE[String(data.job_title_role)],
			country: data.location_country,
			city: capitalised(data.location_locality),
			linkedinUrl: data.linkedin_url,
		}),
	};
}

import type { JsonObject } from '../../contract/event';
import { companyFacts, personFacts } from './derive';
import { record, text } from '../../shared/values';
import type { ProviderFacts } from './facts';

function first(properties: JsonObject, keys: readonly string[]): unknown {
	return keys.map((key) => properties[key]).find((value) => value !== undefined && value !== null && value !== '');
}

/** PostHog person properties (what `identify` set) onto a person; all properties kept under `properties`. */
export function postHogPersonFacts(properties: JsonObject): ProviderFacts {
	return {
		source: 'posthog',
		company: {},
		person: personFacts({
			email: first(properties, ['email', '$email']),
			firstName: first(properties, ['first_name', 'firstName']),
			lastName: first(properties, ['last_name', 'lastName']),
			fullName: first(properties, ['name', 'full_name']),
			title: first(properties, ['title', 'job_title', 'jobTitle']),
			country: first(properties, ['country', '$geoip_country_code', '$initial_geoip_country_code']),
			city: first(properties, ['city', '$geoip_city_name', '$initial_geoip_city_name']),
			linkedinUrl: first(properties, ['linkedin_url', 'linkedin']),
			properties,
		}),
	};
}

/** PostHog group properties (what `groupIdentify` set) onto a company; all properties kept under `properties`. */
export function postHogGroupFacts(properties: JsonObject): ProviderFacts {
	return {
		source: 'posthog',
		company: companyFacts({
			domain: first(properties, ['domain', 'company_domain']),
			website: first(properties, ['website', 'url']),
			name: first(properties, ['name', 'company_name']),
			industry: first(properties, ['industry']),
			employees: first(properties, ['employee_count', 'employees', 'employeeCount', 'company_size', 'size']),
			country: first(properties, ['country', 'country_code']),
			city: first(properties, ['city']),
			properties,
		}),
		person: {},
	};
}

/** HogQL returns JSON columns as text. */
export function propertiesValue(value: unknown): JsonObject {
	if (typeof value !== 'string') return record(value);
	try {
		return record(JSON.parse(value));
	} catch {
		return {};
	}
}

/** Rows `[key, properties]` of a persons or groups query, by key. */
export function propertiesByKey(rows: unknown[][]): Map<string, JsonObject> {
	const found = new Map<string, JsonObject>();
	for (const [key, properties] of rows) {
		const id = text(typeof key === 'number' ? String(key) : key);
		if (id !== undefined) found.set(id, propertiesValue(properties));
	}
	return found;
}

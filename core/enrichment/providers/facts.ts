import type { Company, EnrichmentSource, Person } from '../../contract/enrichment';
import { text } from '../../shared/values';

export type ProviderName = Extract<EnrichmentSource, 'apollo' | 'peopleDataLabs' | 'posthog'>;

export type CompanyFacts = Partial<Omit<Company, 'sources'>>;
export type PersonFacts = Partial<Omit<Person, 'sources'>>;

/** What one provider answered about one item, already in the package's shape. */
export interface ProviderFacts {
	source: ProviderName;
	company: CompanyFacts;
	person: PersonFacts;
}

/** An absolute https URL; providers write LinkedIn URLs without a scheme. */
export function url(value: unknown): string | undefined {
	const found = text(value);
	if (found === undefined) return undefined;
	return /^[a-z][a-z0-9+.-]*:\/\//i.test(found) ? found : `https://${found}`;
}

/** Drops undefined values, so that a fact a provider did not give never hides another's. */
export function defined<T extends object>(facts: T): Partial<T> {
	return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined)) as Partial<T>;
}

import type { Company, EnrichmentSource, Person } from '../../contract/enrichment';

export type ProviderName = Extract<EnrichmentSource, 'apollo' | 'peopleDataLabs' | 'posthog'>;

export type CompanyFacts = Partial<Omit<Company, 'sources'>>;
export type PersonFacts = Partial<Omit<Person, 'sources'>>;

/** What one provider answered about one item, already in the package's shape. */
export interface ProviderFacts {
	source: ProviderName;
	company: CompanyFacts;
	person: PersonFacts;
}

/** Text that is not blank, trimmed; anything else is undefined. */
export function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A finite number, or a numeric string; anything else is undefined. */
export function number(value: unknown): number | undefined {
	const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : undefined;
}

export function record(value: unknown): Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
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

import type { Company, CompanyField, EnrichmentSource, Person, PersonField } from '../../contract/enrichment';
import { record } from '../../shared/values';

/** Facts from one source, with the source of each (offline facts mix `offline` and `guess`). */
export interface FactLayer<F extends string> {
	facts: Partial<Record<F, unknown>>;
	sources: Partial<Record<F, EnrichmentSource>>;
}

export function layer<F extends string>(facts: Partial<Record<F, unknown>>, source: EnrichmentSource): FactLayer<F> {
	const sources: Partial<Record<F, EnrichmentSource>> = {};
	for (const field of Object.keys(facts) as F[]) sources[field] = source;
	return { facts, sources };
}

function present(value: unknown): boolean {
	if (value === undefined || value === null || value === '') return false;
	return typeof value !== 'object' || Array.isArray(value) || Object.keys(value).length > 0;
}

/**
 * Merges layers (highest priority first) onto what the item already holds. A field the item
 * already had stays, with its source (`item` when it had none), unless `overwrite` is set; then the
 * first layer that has the field wins, and a field no layer has stays as it was.
 */
export function mergeLayers<F extends string>(
	existing: unknown,
	layers: ReadonlyArray<FactLayer<F>>,
	overwrite: boolean,
): Partial<Record<F, unknown>> & { sources: Partial<Record<F, EnrichmentSource>> } {
	const had = record(existing);
	const hadSources = record(had.sources) as Partial<Record<F, EnrichmentSource>>;
	const merged: Record<string, unknown> = {};
	const sources: Partial<Record<F, EnrichmentSource>> = {};
	for (const [field, value] of Object.entries(had)) {
		if (field === 'sources' || !present(value)) continue;
		merged[field] = value;
		sources[field as F] = hadSources[field as F] ?? 'item';
	}
	const decided = new Set<string>(overwrite ? [] : Object.keys(merged));
	for (const { facts, sources: layerSources } of layers) {
		for (const [field, value] of Object.entries(facts) as Array<[F, unknown]>) {
			if (decided.has(field) || !present(value)) continue;
			decided.add(field);
			merged[field] = value;
			sources[field] = layerSources[field];
		}
	}
	return { ...(merged as Partial<Record<F, unknown>>), sources };
}

export type MergedCompany = Partial<Company>;
export type MergedPerson = Partial<Person>;

export function mergeCompany(existing: unknown, layers: ReadonlyArray<FactLayer<CompanyField>>, overwrite: boolean): MergedCompany {
	return mergeLayers(existing, layers, overwrite) as MergedCompany;
}

export function mergePerson(existing: unknown, layers: ReadonlyArray<FactLayer<PersonField>>, overwrite: boolean): MergedPerson {
	return mergeLayers(existing, layers, overwrite) as MergedPerson;
}

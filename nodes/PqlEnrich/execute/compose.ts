import type { IDataObject, INodeExecutionData, NodeApiError } from 'n8n-workflow';
import {
	type CompanyField,
	type FactLayer,
	type PersonField,
	type ProviderFacts,
	type ProviderName,
	layer,
	mergeCompany,
	mergePerson,
} from '../../../core/enrichment';
import type { LookupKind, Lookups } from './lookups';
import type { EnrichSettings } from './settings';
import type { ItemTarget } from './targets';

/**
 * Which answers feed an item, highest priority first: company look-ups before what a person
 * look-up says about the employer; Apollo.io, then People Data Labs, then PostHog.
 */
function answersFor(target: ItemTarget, settings: EnrichSettings): Array<[ProviderName, LookupKind, string | null]> {
	return [
		['apollo', 'company', target.domain],
		['peopleDataLabs', 'company', target.domain],
		['apollo', 'person', target.email],
		['peopleDataLabs', 'person', target.email],
		['posthog', 'group', target.groupKey],
		['posthog', 'person', target.distinctId],
		['posthog', 'usage', usageKey(target, settings)],
	];
}

function usageKey(target: ItemTarget, settings: EnrichSettings): string | null {
	return settings.posthog.usage?.entity.type === 'account' ? target.groupKey : target.distinctId;
}

export interface ItemEnrichment {
	/** What the item gets added: `company`, `person` and, when asked for, `usage` and `enrichmentErrors`. */
	json: IDataObject;
	/** Provider failures this item met, one per provider, first one first. */
	failures: NodeApiError[];
}

function withoutSources(facts: object): Record<string, unknown> {
	return Object.fromEntries(Object.entries(facts).filter(([field]) => field !== 'sources'));
}

/** The facts to add to the item, merged over what it already holds. */
export function composeItem(item: INodeExecutionData, target: ItemTarget, lookups: Lookups, settings: EnrichSettings): ItemEnrichment {
	const found: ProviderFacts[] = [];
	const failed = new Map<ProviderName, NodeApiError>();
	for (const [provider, kind, key] of answersFor(target, settings)) {
		const outcome = lookups.get(provider, kind, key);
		if (outcome === undefined) continue;
		if ('error' in outcome && !failed.has(provider)) failed.set(provider, outcome.error);
		if ('facts' in outcome && outcome.facts !== null) found.push(outcome.facts);
	}
	const { company: offlineCompany, person: offlinePerson } = target.offline;
	const companyLayers: Array<FactLayer<CompanyField>> = [
		...found.map((facts) => layer<CompanyField>(facts.company, facts.source)),
		{ facts: withoutSources(offlineCompany), sources: offlineCompany.sources ?? {} },
	];
	const personLayers: Array<FactLayer<PersonField>> = [
		...found.map((facts) => layer<PersonField>(facts.person, facts.source)),
		{ facts: withoutSources(offlinePerson), sources: offlinePerson.sources ?? {} },
	];
	const json: IDataObject = {
		company: mergeCompany(item.json.company, companyLayers, settings.overwrite) as IDataObject,
		person: mergePerson(item.json.person, personLayers, settings.overwrite) as IDataObject,
	};
	const usage = lookups.get('posthog', 'usage', usageKey(target, settings));
	if (usage !== undefined && 'usage' in usage) json.usage = { ...usage.usage };
	const failures = [...failed.values()];
	if (failures.length > 0 && settings.continueWithoutEnrichment) {
		json.enrichmentErrors = [...failed].map(([provider, error]) => ({ provider, message: error.message, description: error.description ?? null }));
	}
	return { json, failures };
}

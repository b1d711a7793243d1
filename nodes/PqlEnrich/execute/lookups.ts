import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import {
	HOGQL_BATCH_SIZE,
	type HogQLQueryBody,
	type ProviderFacts,
	type ProviderName,
	type UsageAggregates,
	apolloOrganizationFacts,
	apolloPersonFacts,
	emptyUsage,
	groupPropertiesQuery,
	pdlCompanyFacts,
	pdlPersonFacts,
	personPropertiesQuery,
	postHogGroupFacts,
	postHogPersonFacts,
	propertiesByKey,
	usageByEntity,
	usageQuery,
} from '../../../core/enrichment';
import { type PostHogProject, postHogProject } from '../../shared/vendors/posthog';
import { type Answer, stopsVendor } from '../../shared/vendors/request';
import { apolloClient } from '../transport/apollo';
import { continueWithoutEnrichment } from '../transport/otherwise';
import { pdlClient } from '../transport/peopleDataLabs';
import type { EnrichSettings } from './settings';
import type { ItemTarget } from './targets';

export type LookupKind = 'company' | 'person' | 'group' | 'usage';

/** Facts (null: no match), usage aggregates, or why the provider could not answer. */
export type Outcome = { facts: ProviderFacts | null } | { usage: UsageAggregates } | { error: NodeApiError };

/** Concurrent requests per provider: PostHog allows 3 concurrent queries, the others more. */
const CONCURRENCY = 3;

/** Every answer of one execution, by provider, kind and key. */
export class Lookups {
	private readonly outcomes = new Map<string, Outcome>();

	/** A provider that failed is not asked again in this execution. */
	private readonly broken = new Map<ProviderName, NodeApiError>();

	private static id(provider: ProviderName, kind: LookupKind, key: string): string {
		return `${provider}\u0000${kind}\u0000${key}`;
	}

	get(provider: ProviderName, kind: LookupKind, key: string | null): Outcome | undefined {
		return key === null ? undefined : this.outcomes.get(Lookups.id(provider, kind, key));
	}

	set(provider: ProviderName, kind: LookupKind, key: string, outcome: Outcome): void {
		this.outcomes.set(Lookups.id(provider, kind, key), outcome);
		if ('error' in outcome && stopsVendor(outcome.error)) this.broken.set(provider, outcome.error);
	}

	brokenBy(provider: ProviderName): NodeApiError | undefined {
		return this.broken.get(provider);
	}
}

/** Distinct keys in order of first appearance, each with the first item that needs it (for errors). */
function distinct(targets: readonly ItemTarget[], pick: (target: ItemTarget) => string | null): Map<string, number> {
	const keys = new Map<string, number>();
	for (const target of targets) {
		const key = pick(target);
		if (key !== null && !keys.has(key)) keys.set(key, target.index);
	}
	return keys;
}

function asVendorError(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError {
	if (error instanceof NodeApiError) return error;
	return new NodeApiError(context.getNode(), { message: error instanceof Error ? error.message : String(error) }, { itemIndex });
}

/** One request per key, a few at a time; after a failure the provider's remaining keys fail without a call. */
async function perKey(
	context: IExecuteFunctions,
	lookups: Lookups,
	provider: ProviderName,
	kind: LookupKind,
	keys: Map<string, number>,
	request: (key: string, itemIndex: number) => Promise<Answer>,
	read: (body: unknown) => ProviderFacts | null,
): Promise<void> {
	const queue = [...keys];
	const worker = async (): Promise<void> => {
		for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
			const [key, itemIndex] = next;
			const broken = lookups.brokenBy(provider);
			if (broken !== undefined) {
				lookups.set(provider, kind, key, { error: broken });
				continue;
			}
			try {
				const answer = await request(key, itemIndex);
				lookups.set(provider, kind, key, { facts: answer.found ? read(answer.body) : null });
			} catch (error) {
				lookups.set(provider, kind, key, { error: asVendorError(context, error, itemIndex) });
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(CONCURRENCY, keys.size) }, worker));
}

function chunks<T>(values: readonly T[], size: number): T[][] {
	const out: T[][] = [];
	for (let start = 0; start < values.length; start += size) out.push(values.slice(start, start + size));
	return out;
}

/** HogQL look-ups go in batches: one query answers up to HOGQL_BATCH_SIZE keys. */
async function perBatch(
	context: IExecuteFunctions,
	posthog: PostHogProject,
	lookups: Lookups,
	kind: LookupKind,
	keys: Map<string, number>,
	query: (batch: string[]) => HogQLQueryBody,
	read: (rows: unknown[][], batch: string[]) => Map<string, Outcome>,
): Promise<void> {
	for (const batch of chunks([...keys.keys()], HOGQL_BATCH_SIZE)) {
		const itemIndex = keys.get(batch[0]) ?? 0;
		const broken = lookups.brokenBy('posthog');
		if (broken !== undefined) {
			for (const key of batch) lookups.set('posthog', kind, key, { error: broken });
			continue;
		}
		try {
			const { results } = await posthog.query(query(batch), itemIndex);
			const outcomes = read(results, batch);
			for (const key of batch) lookups.set('posthog', kind, key, outcomes.get(key) ?? { facts: null });
		} catch (error) {
			const failure = asVendorError(context, error, itemIndex);
			for (const key of batch) lookups.set('posthog', kind, key, { error: failure });
		}
	}
}

function propertyOutcomes(facts: (properties: Record<string, unknown>) => ProviderFacts) {
	return (rows: unknown[][]): Map<string, Outcome> =>
		new Map([...propertiesByKey(rows)].map(([key, properties]) => [key, { facts: facts(properties) }]));
}

/**
 * Asks every chosen provider once per distinct domain, e-mail, distinct ID or group key across all
 * items of the execution.
 */
export async function lookUp(
	context: IExecuteFunctions,
	settings: EnrichSettings,
	targets: readonly ItemTarget[],
): Promise<Lookups> {
	const lookups = new Lookups();
	const domains = settings.lookups.company ? distinct(targets, (target) => target.domain) : new Map<string, number>();
	const emails = settings.lookups.person ? distinct(targets, (target) => target.email) : new Map<string, number>();

	if (settings.providers.has('apollo')) {
		const apollo = await apolloClient(context);
		await perKey(context, lookups, 'apollo', 'company', domains, apollo.organization, apolloOrganizationFacts);
		await perKey(context, lookups, 'apollo', 'person', emails, apollo.person, apolloPersonFacts);
	}
	if (settings.providers.has('peopleDataLabs')) {
		const pdl = await pdlClient(context);
		await perKey(context, lookups, 'peopleDataLabs', 'company', domains, pdl.company, pdlCompanyFacts);
		await perKey(context, lookups, 'peopleDataLabs', 'person', emails, pdl.person, pdlPersonFacts);
	}
	if (settings.providers.has('posthog')) {
		const { posthog } = settings;
		const project = await postHogProject(context, continueWithoutEnrichment('PostHog'));
		const distinctIds = distinct(targets, (target) => target.distinctId);
		const groupKeys = distinct(targets, (target) => target.groupKey);
		if (posthog.person) {
			await perBatch(context, project, lookups, 'person', distinctIds, personPropertiesQuery, propertyOutcomes(postHogPersonFacts));
		}
		if (posthog.group) {
			await perBatch(context, project, lookups, 'group', groupKeys, (batch) => groupPropertiesQuery(posthog.groupTypeIndex, batch), propertyOutcomes(postHogGroupFacts));
		}
		const usage = posthog.usage;
		if (usage !== undefined) {
			const ids = usage.entity.type === 'user' ? distinctIds : groupKeys;
			await perBatch(context, project, lookups, 'usage', ids, (batch) => usageQuery(usage.entity, batch, usage.spec), (rows, batch) => {
				// Measured when the answer arrives, so `days_since_last_seen` is never ahead of PostHog's clock.
				const found = usageByEntity(rows, usage.spec, new Date());
				return new Map(batch.map((key) => [key, { usage: found.get(key) ?? emptyUsage(usage.spec) }]));
			});
		}
	}
	return lookups;
}

import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ProviderName } from '../../../core/enrichment/providers/facts';
import { type GroupTypeIndex, isGroupTypeIndex } from '../../../core/enrichment/providers/hogql';
import { type UsageEntity, type UsageSpec, collidingUsageFields } from '../../../core/enrichment/providers/usage';

export interface EnrichSettings {
	providers: ReadonlySet<ProviderName>;
	/** What Apollo.io and People Data Labs are asked for. */
	lookups: { company: boolean; person: boolean };
	posthog: {
		person: boolean;
		group: boolean;
		groupTypeIndex: GroupTypeIndex;
		/** Absent when usage is not asked for. */
		usage?: { entity: UsageEntity; spec: UsageSpec };
	};
	overwrite: boolean;
	continueWithoutEnrichment: boolean;
}

const PROVIDERS: readonly ProviderName[] = ['apollo', 'peopleDataLabs', 'posthog'];

function list(value: unknown): string[] {
	return Array.isArray(value) ? value.map(String) : [];
}

/** `"7, 30"` → [7, 30]; fails naming the field on anything but positive whole numbers. */
function dayList(context: IExecuteFunctions, value: unknown, field: string): number[] {
	const parts = String(value ?? '')
		.split(/[,;\s]+/)
		.filter((part) => part !== '');
	const days = parts.map(Number);
	if (days.some((day) => !Number.isInteger(day) || day < 1)) {
		throw new NodeOperationError(context.getNode(), `"${field}" must list whole numbers of days, e.g. 7, 30`, {
			description: `Got "${String(value)}".`,
		});
	}
	return [...new Set(days)];
}

/** A whole number from `min` up (to `max` when given); fails naming the field, and the item when given. */
export function wholeNumber(
	context: IExecuteFunctions,
	value: unknown,
	field: string,
	{ min, max, unit, itemIndex }: { min: number; max?: number; unit?: string; itemIndex?: number },
): number {
	const number = Number(value);
	if (!Number.isInteger(number) || number < min || number > (max ?? Infinity)) {
		const range = max === undefined ? `${min} or more` : `from ${min} to ${max}`;
		throw new NodeOperationError(context.getNode(), `"${field}" must be a whole number${unit ? ` of ${unit}` : ''}, ${range}`, {
			description: `Got "${String(value)}".`,
			itemIndex,
		});
	}
	return number;
}

function wholeDays(context: IExecuteFunctions, value: unknown, field: string): number {
	return wholeNumber(context, value, field, { min: 1, unit: 'days' });
}

function readUsage(context: IExecuteFunctions, groupTypeIndex: GroupTypeIndex): { entity: UsageEntity; spec: UsageSpec } {
	const rows = (context.getNodeParameter('usageCounts.count', 0, []) as Array<{ event?: unknown; windowDays?: unknown }>) ?? [];
	const counts = rows.map((row) => ({
		event: String(row.event ?? '').trim(),
		windowDays: wholeDays(context, row.windowDays, 'Event Counts → Within the Last (Days)'),
	}));
	if (counts.some(({ event }) => event === '')) {
		throw new NodeOperationError(context.getNode(), 'An Event Counts row has no event name', {
			description: 'Fill in "Event Name" with the event exactly as PostHog stores it, or remove the row.',
		});
	}
	const spec: UsageSpec = {
		counts,
		activeDaysWindows: dayList(context, context.getNodeParameter('activeDaysWindows', 0, ''), 'Active Days Windows'),
		lookbackDays: wholeDays(context, context.getNodeParameter('lookbackDays', 0, 90), 'Look Back (Days)'),
	};
	const collisions = collidingUsageFields(spec);
	if (collisions.length > 0) {
		throw new NodeOperationError(context.getNode(), `Two Event Counts rows would both write usage.${collisions[0]}`, {
			description: 'Event names that differ only in case or punctuation share a field name: count one of them over another window, or remove one.',
		});
	}
	const entity: UsageEntity =
		context.getNodeParameter('usageFor', 0, 'user') === 'account' ? { type: 'account', groupTypeIndex } : { type: 'user' };
	return { entity, spec };
}

/** Node-wide settings, read once (they cannot differ per item). */
export function readSettings(context: IExecuteFunctions): EnrichSettings {
	const chosen = new Set(list(context.getNodeParameter('providers', 0, [])));
	const providers = new Set(PROVIDERS.filter((provider) => chosen.has(provider)));
	const lookups = new Set(list(context.getNodeParameter('lookups', 0, ['company', 'person'])));
	const postHogData = providers.has('posthog') ? new Set(list(context.getNodeParameter('postHogData', 0, []))) : new Set<string>();
	const index = Number(context.getNodeParameter('groupTypeIndex', 0, 0));
	const groupTypeIndex: GroupTypeIndex = isGroupTypeIndex(index) ? index : 0;
	const options = context.getNodeParameter('options', 0, {}) as { overwrite?: boolean; continueWithoutEnrichment?: boolean };
	return {
		providers,
		lookups: { company: lookups.has('company'), person: lookups.has('person') },
		posthog: {
			person: postHogData.has('person'),
			group: postHogData.has('group'),
			groupTypeIndex,
			usage: postHogData.has('usage') ? readUsage(context, groupTypeIndex) : undefined,
		},
		overwrite: options.overwrite === true,
		continueWithoutEnrichment: options.continueWithoutEnrichment === true,
	};
}

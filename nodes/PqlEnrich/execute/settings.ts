import type { IExecuteFunctions } from 'n8n-workflow';
import {
	type GroupTypeIndex,
	type ProviderName,
	type UsageEntity,
	type UsageSpec,
	collidingUsageFields,
	isGroupTypeIndex,
} from '../../../core/enrichment';
import { FieldError } from '../../../core/shared';
import { chosenOptions } from '../../shared/parameters';

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

/** Node-wide settings are the same for every item; a parameter read per item is that item's. */
type Scope = { setting: boolean };
const NODE_WIDE: Scope = { setting: true };

/** `"7, 30"` → [7, 30]; fails naming the field on anything but positive whole numbers. */
function dayList(value: unknown, field: string): number[] {
	const parts = String(value ?? '')
		.split(/[,;\s]+/)
		.filter((part) => part !== '');
	const days = parts.map(Number);
	if (days.some((day) => !Number.isInteger(day) || day < 1)) {
		throw new FieldError(`"${field}" must list whole numbers of days, e.g. 7, 30`, field, `List whole numbers of days, separated by commas (got "${String(value)}").`, NODE_WIDE);
	}
	return [...new Set(days)];
}

/** A whole number from `min` up (to `max` when given); fails naming the field. */
export function wholeNumber(value: unknown, field: string, { min, max, unit, setting }: { min: number; max?: number; unit?: string } & Scope): number {
	const number = Number(value);
	if (!Number.isInteger(number) || number < min || number > (max ?? Infinity)) {
		const range = max === undefined ? `${min} or more` : `from ${min} to ${max}`;
		const whole = `a whole number${unit ? ` of ${unit}` : ''}, ${range}`;
		throw new FieldError(`"${field}" must be ${whole}`, field, `Enter ${whole} (got "${String(value)}").`, { setting });
	}
	return number;
}

function wholeDays(value: unknown, field: string): number {
	return wholeNumber(value, field, { min: 1, unit: 'days', ...NODE_WIDE });
}

function readUsage(context: IExecuteFunctions, groupTypeIndex: GroupTypeIndex): { entity: UsageEntity; spec: UsageSpec } {
	const rows = (context.getNodeParameter('usageCounts.count', 0, []) as Array<{ event?: unknown; windowDays?: unknown }>) ?? [];
	const counts = rows.map((row) => ({
		event: String(row.event ?? '').trim(),
		windowDays: wholeDays(row.windowDays, 'Event Counts → Within the Last (Days)'),
	}));
	if (counts.some(({ event }) => event === '')) {
		throw new FieldError(
			'An Event Counts row has no event name',
			'Event Counts → Event Name',
			'Fill in "Event Name" with the event exactly as PostHog stores it, or remove the row.',
			NODE_WIDE,
		);
	}
	const spec: UsageSpec = {
		counts,
		activeDaysWindows: dayList(context.getNodeParameter('activeDaysWindows', 0, ''), 'Active Days Windows'),
		lookbackDays: wholeDays(context.getNodeParameter('lookbackDays', 0, 90), 'Look Back (Days)'),
	};
	const collisions = collidingUsageFields(spec);
	if (collisions.length > 0) {
		throw new FieldError(
			`Two Event Counts rows would both write usage.${collisions[0]}`,
			'Event Counts',
			'Event names that differ only in case or punctuation share a field name: count one of them over another window, or remove one.',
			NODE_WIDE,
		);
	}
	const entity: UsageEntity =
		context.getNodeParameter('usageFor', 0, 'user') === 'account' ? { type: 'account', groupTypeIndex } : { type: 'user' };
	return { entity, spec };
}

/** Node-wide settings, read once (they cannot differ per item). */
export function readSettings(context: IExecuteFunctions): EnrichSettings {
	const chosen = new Set(chosenOptions(context.getNodeParameter('providers', 0, [])));
	const providers = new Set(PROVIDERS.filter((provider) => chosen.has(provider)));
	const lookups = new Set(chosenOptions(context.getNodeParameter('lookups', 0, ['company', 'person'])));
	const postHogData = providers.has('posthog') ? new Set(chosenOptions(context.getNodeParameter('postHogData', 0, []))) : new Set<string>();
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

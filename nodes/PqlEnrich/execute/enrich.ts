import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { type ItemOutcome, runBatch } from '../../shared/run';
import { composeItem } from './compose';
import { lookUp } from './lookups';
import { type EnrichSettings, readSettings } from './settings';
import { type ItemTarget, readTarget } from './targets';

/** One item's look-up keys, or why they cannot be read. */
type Read = { target: ItemTarget } | { failed: unknown };

function readTargets(context: IExecuteFunctions, settings: EnrichSettings): Read[] {
	return context.getInputData().map((item, index) => {
		try {
			return { target: readTarget(context, item, index, settings.providers.has('posthog')) };
		} catch (error) {
			return { failed: error };
		}
	});
}

/** Every item enriched, each provider asked once per distinct key across the items. */
async function enrich(context: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	let settings: EnrichSettings;
	try {
		settings = readSettings(context);
	} catch (error) {
		// Settings apply to every item, so a settings error fails each of them.
		return items.map(() => ({ failed: error }));
	}
	const reads = readTargets(context, settings);
	// An item that cannot be read fails the node before any provider is paid, unless failures are let through.
	if (reads.some((read) => 'failed' in read) && !context.continueOnFail()) return reads.map((read) => ('failed' in read ? read : { add: {} }));

	const targets = reads.flatMap((read) => ('target' in read ? [read.target] : []));
	const lookups = await lookUp(context, settings, targets);
	return reads.map((read, index): ItemOutcome => {
		if ('failed' in read) return read;
		const { json, failures } = composeItem(items[index], read.target, lookups, settings);
		if (failures.length > 0 && !settings.continueWithoutEnrichment) return { failed: failures[0] };
		return { add: json };
	});
}

export async function enrichItems(context: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return [await runBatch(context, async (items) => await enrich(context, items))];
}

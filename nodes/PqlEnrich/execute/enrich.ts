import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { composeItem } from './compose';
import { lookUp } from './lookups';
import { toNodeError } from './nodeError';
import { type EnrichSettings, readSettings } from './settings';
import { type ItemTarget, readTarget } from './targets';

/** Every item enriched, each provider asked once per distinct key across the items. */
export async function enrichItems(context: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	let settings: EnrichSettings;
	try {
		settings = readSettings(context);
	} catch (error) {
		// Settings apply to every item, so a settings error fails each of them.
		const nodeError = toNodeError(context.getNode(), error, 0);
		if (!context.continueOnFail()) throw nodeError;
		return [items.map((_, index) => ({ json: { error: nodeError.message }, pairedItem: { item: index } }))];
	}

	const targets: ItemTarget[] = [];
	const failed = new Map<number, string>();
	items.forEach((item, index) => {
		try {
			targets.push(readTarget(context, item, index, settings.providers.has('posthog')));
		} catch (error) {
			const nodeError = toNodeError(context.getNode(), error, index);
			if (!context.continueOnFail()) throw nodeError;
			failed.set(index, nodeError.message);
		}
	});

	const lookups = await lookUp(context, settings, targets);
	const byIndex = new Map(targets.map((target) => [target.index, target]));
	const output: INodeExecutionData[] = [];
	items.forEach((item, index) => {
		const target = byIndex.get(index);
		if (target === undefined) {
			output.push({ json: { error: failed.get(index) ?? 'Not enriched' }, pairedItem: { item: index } });
			return;
		}
		const { json, failures } = composeItem(item, target, lookups, settings);
		if (failures.length > 0 && !settings.continueWithoutEnrichment) {
			if (!context.continueOnFail()) throw failures[0];
			output.push({ json: { error: failures[0].message }, pairedItem: { item: index } });
			return;
		}
		output.push({ json, pairedItem: { item: index } });
	});
	return [output];
}

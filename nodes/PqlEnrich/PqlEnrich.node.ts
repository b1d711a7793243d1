import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { composeItem } from './execute/compose';
import { lookUp } from './execute/lookups';
import { toNodeError } from './execute/nodeError';
import { type EnrichSettings, readSettings } from './execute/settings';
import { type ItemTarget, readTarget } from './execute/targets';
import { inputProperties } from './description/input';
import { optionProperties } from './description/options';
import { postHogProperties } from './description/posthog';
import { providerProperties } from './description/providers';

export class PqlEnrich implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PQL Enrich',
		name: 'pqlEnrich',
		icon: { light: 'file:pqlEnrich.svg', dark: 'file:pqlEnrich.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ ["offline"].concat($parameter["providers"]).join(" + ") }}',
		description: 'Add company and person facts for fit scoring and routing: offline from e-mail, title and country, and from Apollo.io, People Data Labs and PostHog',
		defaults: { name: 'PQL Enrich' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'apolloApi', required: true, displayOptions: { show: { providers: ['apollo'] } } },
			{ name: 'peopleDataLabsApi', required: true, displayOptions: { show: { providers: ['peopleDataLabs'] } } },
			{ name: 'postHogApi', required: true, displayOptions: { show: { providers: ['posthog'] } } },
		],
		properties: [...providerProperties, ...inputProperties, ...postHogProperties, ...optionProperties],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		let settings: EnrichSettings;
		try {
			settings = readSettings(this);
		} catch (error) {
			// Settings apply to every item, so a settings error fails each of them.
			const nodeError = toNodeError(this.getNode(), error, 0);
			if (!this.continueOnFail()) throw nodeError;
			return [items.map((_, index) => ({ json: { error: nodeError.message }, pairedItem: { item: index } }))];
		}

		const targets: ItemTarget[] = [];
		const failed = new Map<number, string>();
		items.forEach((item, index) => {
			try {
				targets.push(readTarget(this, item, index, settings.providers.has('posthog')));
			} catch (error) {
				const nodeError = toNodeError(this.getNode(), error, index);
				if (!this.continueOnFail()) throw nodeError;
				failed.set(index, nodeError.message);
			}
		});

		const lookups = await lookUp(this, settings, targets);
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
				if (!this.continueOnFail()) throw failures[0];
				output.push({ json: { error: failures[0].message }, pairedItem: { item: index } });
				return;
			}
			output.push({ json, pairedItem: { item: index } });
		});
		return [output];
	}
}

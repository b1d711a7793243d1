import { DateTime } from 'luxon';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { createRouter } from '../../core/routing';
import { repProperties } from './description/reps';
import { ruleProperties } from './description/rules';
import { slaProperties } from './description/sla';
import { toNodeError } from './execute/nodeError';
import { readConfig, readRoutingKey } from './execute/readConfig';

export class PqlRoute implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PQL Route',
		name: 'pqlRoute',
		icon: { light: 'file:pqlRoute.svg', dark: 'file:pqlRoute.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["keepExistingOwner"] ? "Existing owner, then rules" : "Rules" }}',
		description: 'Pick the owner of a product-qualified lead: existing owner, territory rules, weighted pools, fallback queue, response SLA',
		defaults: { name: 'PQL Route' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [...repProperties, ...ruleProperties, ...slaProperties],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		let route;
		try {
			route = createRouter(readConfig(this), { routingKeyPath: readRoutingKey(this) });
		} catch (error) {
			// Settings apply to every item, so a settings error fails each of them.
			const nodeError = toNodeError(this.getNode(), error, 0, false);
			if (!this.continueOnFail()) throw nodeError;
			return [items.map((item, index) => ({ json: { ...item.json, error: nodeError.message }, pairedItem: { item: index } }))];
		}
		const now = DateTime.now();
		const output: INodeExecutionData[] = [];
		for (const [index, item] of items.entries()) {
			try {
				output.push({ json: { ...item.json, routing: { ...route(item.json, now) } }, pairedItem: { item: index } });
			} catch (error) {
				const nodeError = toNodeError(this.getNode(), error, index, true);
				if (!this.continueOnFail()) throw nodeError;
				output.push({ json: { ...item.json, error: nodeError.message }, pairedItem: { item: index } });
			}
		}
		return [output];
	}
}

import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { createRouter } from '../../core/routing';
import { runPerItem } from '../shared/run';
import { repProperties } from './description/reps';
import { ruleProperties } from './description/rules';
import { slaProperties } from './description/sla';
import { readConfig, readRoutingKey } from './execute/readConfig';

type Router = ReturnType<typeof createRouter>;

/** The router for the node's settings, or why they cannot route. */
function routerOf(context: IExecuteFunctions): { route: Router } | { failed: unknown } {
	try {
		return { route: createRouter(readConfig(context), { routingKeyPath: readRoutingKey(context) }) };
	} catch (error) {
		return { failed: error };
	}
}

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
		const router = routerOf(this);
		const now = DateTime.now();
		return [
			await runPerItem(this, async (index) => {
				// Settings apply to every item, so a settings error fails each of them.
				if ('failed' in router) throw router.failed;
				return { routing: { ...router.route(items[index].json, now) } as IDataObject };
			}),
		];
	}
}

import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, updateDisplayOptions } from 'n8n-workflow';
import { GROUP_TYPE_INDEXES } from '../../core/enrichment';
import { enrichItems } from './execute/enrich';
import { listActiveAccounts } from './execute/listActiveAccounts';
import { inputProperties } from './description/input';
import { listActiveAccountsProperties } from './description/listActiveAccounts';
import { operationProperty } from './description/operation';
import { optionProperties } from './description/options';
import { postHogProperties } from './description/posthog';
import { providerProperties } from './description/providers';
import { ENRICH_ITEMS } from './description/shared';

export class PqlEnrich implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PQL Enrich',
		name: 'pqlEnrich',
		icon: { light: 'file:pqlEnrich.svg', dark: 'file:pqlEnrich.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ $parameter["operation"] === "listActiveAccounts" ? "accounts active in " + $parameter["activeWithinDays"] + " days" : ["offline"].concat($parameter["providers"]).join(" + ") }}',
		description: 'Add company and person facts for fit scoring and routing: offline from e-mail, title and country, and from Apollo.io, People Data Labs and PostHog',
		defaults: { name: 'PQL Enrich' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'apolloApi', required: true, displayOptions: { show: { providers: ['apollo'] } } },
			{ name: 'peopleDataLabsApi', required: true, displayOptions: { show: { providers: ['peopleDataLabs'] } } },
			// Needed when enriching with PostHog or listing its accounts. Display options cannot say
			// "either", and n8n checks only one entry per credential, so this keys on the parameter
			// both of them show and nothing else does.
			{ name: 'postHogApi', required: true, displayOptions: { show: { groupTypeIndex: [...GROUP_TYPE_INDEXES] } } },
		],
		properties: [
			operationProperty,
			...updateDisplayOptions(ENRICH_ITEMS, [...providerProperties, ...inputProperties, ...postHogProperties, ...optionProperties]),
			...listActiveAccountsProperties,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return this.getNodeParameter('operation', 0, 'enrich') === 'listActiveAccounts' ? await listActiveAccounts(this) : await enrichItems(this);
	}
}

import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { hubspotProperties } from './hubspot/description';
import { searchHubSpotOwners, searchHubSpotPipelines, searchHubSpotStages } from './hubspot/methods/listSearch';
import { getDealPipelines, getDealStages } from './hubspot/methods/loadOptions';
import { routeHubSpot } from './hubspot/router';
import { salesforceProperties } from './salesforce/description';
import { searchSalesforceRecordTypes, searchSalesforceStages, searchSalesforceUsers } from './salesforce/methods/listSearch';
import { routeSalesforce } from './salesforce/router';

export class PqlCrm implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PQL CRM',
		name: 'pqlCrm',
		icon: { light: 'file:pqlCrm.svg', dark: 'file:pqlCrm.dark.svg' },
		group: ['output'],
		// 1.1: pipeline, stage, owner and record type are pickers (From List / By ID) instead of text and options.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{ $parameter["system"] + ": " + $parameter["operation"] }}',
		description: 'Write a product-qualified account to the CRM: company, contact and exactly one deal with the usage story',
		defaults: { name: 'PQL CRM' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'pqlHubSpotPrivateAppApi',
				required: true,
				displayOptions: { show: { system: ['hubspot'], authentication: ['privateApp'] } },
			},
			{
				name: 'pqlHubSpotOAuth2Api',
				required: true,
				displayOptions: { show: { system: ['hubspot'], authentication: ['oAuth2'] } },
			},
			{
				name: 'pqlSalesforceClientCredentialsApi',
				required: true,
				displayOptions: { show: { system: ['salesforce'], authentication: ['clientCredentials'] } },
			},
			{
				name: 'pqlSalesforceJwtApi',
				required: true,
				displayOptions: { show: { system: ['salesforce'], authentication: ['jwtBearer'] } },
			},
		],
		properties: [
			{
				displayName: 'CRM',
				name: 'system',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'HubSpot', value: 'hubspot' },
					{ name: 'Salesforce', value: 'salesforce' },
				],
				default: 'hubspot',
			},
			...hubspotProperties,
			...salesforceProperties,
		],
	};

	methods = {
		// Version 1's pipeline and stage options.
		loadOptions: { getDealPipelines, getDealStages },
		listSearch: { searchHubSpotPipelines, searchHubSpotStages, searchHubSpotOwners, searchSalesforceStages, searchSalesforceRecordTypes, searchSalesforceUsers },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const system = this.getNodeParameter('system', 0) as 'hubspot' | 'salesforce';
		return [system === 'salesforce' ? await routeSalesforce(this) : await routeHubSpot(this)];
	}
}

import type { INodeExecutionData } from 'n8n-workflow';
import type { SalesforceCrmResult } from '../../../core/contract/crmSalesforce';
import { PqlCrm } from '../../../nodes/PqlCrm/PqlCrm.node';
import { PqlSalesforceClientCredentialsApi } from '../../../credentials/PqlSalesforceClientCredentialsApi.credentials';
import { PqlSalesforceJwtApi } from '../../../credentials/PqlSalesforceJwtApi.credentials';
import { createNodeTypes, runWorkflow, type WorkflowJson, type WorkflowRunResult } from '../harness';
import { startSalesforceMock } from '../../support/salesforce-mock';

export type SalesforceMock = Awaited<ReturnType<typeof startSalesforceMock>>;

export const nodeTypes = createNodeTypes({ nodes: [PqlCrm], credentials: [PqlSalesforceClientCredentialsApi, PqlSalesforceJwtApi] });

/** A Salesforce user id of the rep PQL Route names. */
export const REP = { id: '005000000000REPAAA', email: 'rep@vendor.test' };

export function salesforceWorkflow(parameters: object = {}, extra: object = {}): WorkflowJson {
	return {
		nodes: [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
			{
				name: 'PQL CRM',
				type: 'n8n-nodes-pql.pqlCrm',
				typeVersion: 1,
				parameters: { system: 'salesforce', authentication: 'clientCredentials', operation: 'upsertOpportunity', ...parameters },
				...extra,
			},
		],
		connections: { Start: { main: [[{ node: 'PQL CRM', type: 'main', index: 0 }]] } },
	};
}

export interface RunOptions {
	parameters?: object;
	extra?: object;
	/** Credential data instead of the mock's client credentials. */
	credentials?: Record<string, Record<string, string>>;
}

export async function runSalesforce(mock: SalesforceMock, input: INodeExecutionData[], options: RunOptions = {}): Promise<WorkflowRunResult> {
	return await runWorkflow(salesforceWorkflow(options.parameters, options.extra), {
		nodeTypes,
		credentials: options.credentials ?? {
			pqlSalesforceClientCredentialsApi: { myDomainUrl: mock.url, clientId: mock.clientId, clientSecret: mock.clientSecret },
		},
		input,
	});
}

export const crmOf = (result: WorkflowRunResult, index = 0): SalesforceCrmResult => result.json('PQL CRM')[index]?.crm as unknown as SalesforceCrmResult;

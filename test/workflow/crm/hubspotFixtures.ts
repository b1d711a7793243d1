import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import type { QualifiedAccount } from '../../support/qualified-account';
import { REP, qualifiedAccount } from '../../support/qualified-account';
import type { CrmFollowUp, CrmResult } from '../../../core/contract/crm';
import { PqlCrm } from '../../../nodes/PqlCrm/PqlCrm.node';
import { PqlHubSpotOAuth2Api } from '../../../credentials/PqlHubSpotOAuth2Api.credentials';
import { PqlHubSpotPrivateAppApi } from '../../../credentials/PqlHubSpotPrivateAppApi.credentials';
import { createNodeTypes, runWorkflow, type WorkflowJson, type WorkflowRunResult } from '../harness';
import type { startHubSpotMock } from '../../support/hubspot-mock';

export const nodeTypes = createNodeTypes({ nodes: [PqlCrm], credentials: [PqlHubSpotPrivateAppApi, PqlHubSpotOAuth2Api] });

export { REP };

export function crmWorkflow(parameters: object = {}, extra: object = {}): WorkflowJson {
	return {
		nodes: [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
			{
				name: 'PQL CRM',
				type: 'n8n-nodes-pql.pqlCrm',
				typeVersion: 1,
				parameters: { system: 'hubspot', operation: 'upsertDeal', ...parameters },
				...extra,
			},
		],
		connections: { Start: { main: [[{ node: 'PQL CRM', type: 'main', index: 0 }]] } },
	};
}

export type QualifiedItem = QualifiedAccount;

export const qualified = (options: QualifiedItem = {}): INodeExecutionData => ({ json: qualifiedAccount(options) as unknown as IDataObject });

/** A qualified account whose people all use free mail: no work domain, no company name from enrichment. */
export function freeMailAccount(accountId: string, email: string, companyName: string | null = null): INodeExecutionData {
	const item = qualified({ accountId, email });
	item.json.company = { domain: null, name: companyName };
	return item;
}

export interface MockHandle {
	url: string;
	token: string;
}

export async function runCrm(
	mock: MockHandle,
	input: INodeExecutionData[],
	parameters: object = {},
	extra: object = {},
): Promise<WorkflowRunResult> {
	return await runWorkflow(crmWorkflow(parameters, extra), {
		nodeTypes,
		credentials: { pqlHubSpotPrivateAppApi: { accessToken: mock.token, baseUrl: mock.url, hubId: '4242' } },
		input,
	});
}

/** PQL CRM's `crm` of one output item, with the ids a HubSpot write always has. */
export const crmOf = (result: WorkflowRunResult, index = 0) =>
	result.json('PQL CRM')[index]?.crm as unknown as Omit<CrmResult, 'ids' | 'cycle' | 'followUp'> & { ids: Record<string, string>; cycle: number; followUp: CrmFollowUp };

export type HubSpotMock = Awaited<ReturnType<typeof startHubSpotMock>>;

/** After a test: the mock closed, every request the node sent valid against HubSpot's specs, and every answer too. */
export async function closeAndCheck(mock: HubSpotMock): Promise<void> {
	await mock.close();
	expect(mock.violations).toEqual([]);
	expect(mock.responseViolations).toEqual([]);
}

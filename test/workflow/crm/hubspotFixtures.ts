import type { INodeExecutionData } from 'n8n-workflow';
import type { CrmFollowUp, CrmResult } from '../../../core/contract/crm';
import { PqlCrm } from '../../../nodes/PqlCrm/PqlCrm.node';
import { PqlHubSpotOAuth2Api } from '../../../credentials/PqlHubSpotOAuth2Api.credentials';
import { PqlHubSpotPrivateAppApi } from '../../../credentials/PqlHubSpotPrivateAppApi.credentials';
import { createNodeTypes, runWorkflow, type WorkflowJson, type WorkflowRunResult } from '../harness';
import type { startHubSpotMock } from '../../support/hubspot-mock';

export const nodeTypes = createNodeTypes({ nodes: [PqlCrm], credentials: [PqlHubSpotPrivateAppApi, PqlHubSpotOAuth2Api] });

export const REP = { id: '501', email: 'rep@vendor.test', firstName: 'Rita', lastName: 'Rep' };

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

export interface QualifiedItem {
	accountId?: string;
	email?: string;
	domain?: string;
	qualifiedSince?: string;
	score?: number;
	ownerEmail?: string | null;
	crmOwnerId?: string | null;
}

export function qualified(options: QualifiedItem = {}): INodeExecutionData {
	const account = options.accountId ?? 'acct-1';
	return {
		json: {
			accountId: account,
			email: options.email ?? `ana@${options.domain ?? 'acme.test'}`,
			company: { domain: options.domain ?? 'acme.test', name: 'Acme Test' },
			pql: {
				entity: { type: 'account', id: account },
				score: options.score ?? 82,
				grade: 'A',
				qualified: true,
				disqualified: false,
				disqualifiedBy: [],
				components: { usage: 45, intent: 25, fit: 12 },
				model: { kind: 'weighted', version: 'test-1' },
				qualifiedSince: options.qualifiedSince ?? '2026-11-20T10:15:00.000Z',
				scoredAt: '2026-11-20T10:16:00.000Z',
				reasons: [
					{ signal: 'pricing', label: 'Pricing viewed', category: 'intent', points: 25, detail: 'viewed pricing 3 times' },
					{ signal: 'invite', label: 'Teammate invited', category: 'usage', points: 30, detail: '2 invites' },
				],
				metrics: { events: 41, activeUsers: 3, teammatesInvited: 2, daysSinceLastSeen: 0 },
			},
			routing: {
				owner: { name: 'Rita Rep', email: options.ownerEmail === undefined ? REP.email : options.ownerEmail, crmOwnerId: options.crmOwnerId ?? null, slackId: 'U1' },
				rule: 'pool',
				slaDueAt: '2026-11-20T11:16:00.000Z',
			},
		},
	};
}

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

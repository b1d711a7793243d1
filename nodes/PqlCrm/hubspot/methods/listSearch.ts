import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { paginate } from '../../../shared/http/paginate';
import { searchResults } from '../../../shared/picker';
import { nextAfter } from '../api/paging';
import type { HubSpotAuthentication } from '../transport';
import { DEFAULT_MAX_RETRIES, createHubSpotClient } from '../transport';
import { dealPipelines } from './loadOptions';

export async function searchHubSpotPipelines(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return searchResults((await dealPipelines(this)).map((p) => ({ name: p.label, value: p.id })), filter);
}

/** Stages of the chosen pipeline; closed stages are marked, since a PQL deal rarely starts there. */
export async function searchHubSpotStages(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const pipelineId = String(this.getCurrentNodeParameter('pipeline', { extractValue: true }) ?? '');
	const pipeline = (await dealPipelines(this)).find((p) => p.id === pipelineId);
	const stages = [...(pipeline?.stages ?? [])].sort((a, b) => a.displayOrder - b.displayOrder);
	return searchResults(stages.map((s) => ({ name: s.metadata?.isClosed === 'true' ? `${s.label} (closed)` : s.label, value: s.id })), filter);
}

const OWNERS_PAGE = 100;

/** Every active owner of the account, page by page (`after`), as "First Last (e-mail)". */
export async function searchHubSpotOwners(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const client = createHubSpotClient(this, this.getNodeParameter('authentication', 'privateApp') as HubSpotAuthentication, DEFAULT_MAX_RETRIES);
	const owners = await paginate<IDataObject, string>('', async (after) => {
		const qs: IDataObject = { limit: OWNERS_PAGE, archived: false, ...(after === '' ? {} : { after }) };
		const { body } = await client.request({ method: 'GET', path: '/crm/v3/owners', qs, idempotent: true });
		return { items: Array.isArray(body.results) ? (body.results as IDataObject[]) : [], next: nextAfter(body) };
	});
	const choices = owners.map((o) => {
		const name = [o.firstName, o.lastName].filter((part) => typeof part === 'string' && part !== '').join(' ');
		const email = typeof o.email === 'string' ? o.email : '';
		return { name: name === '' ? email || String(o.id) : `${name}${email ? ` (${email})` : ''}`, value: String(o.id) };
	});
	return searchResults(choices.sort((a, b) => a.name.localeCompare(b.name)), filter);
}

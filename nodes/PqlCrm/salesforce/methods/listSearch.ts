import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { PICKER_QUERIES } from '../../../../core/crm/salesforce';
import { searchResults } from '../../../shared/picker';
import { queryAll } from '../api/query';
import type { SalesforceAuthentication } from '../transport';
import { DEFAULT_MAX_RETRIES, createSalesforceClient } from '../transport';

/** Every record of a picker's query (past Salesforce's batch, through the shared paginator). */
async function records(context: ILoadOptionsFunctions, soql: string): Promise<IDataObject[]> {
	const client = createSalesforceClient(context, context.getNodeParameter('authentication', 'clientCredentials') as SalesforceAuthentication, DEFAULT_MAX_RETRIES);
	return await queryAll(client, soql, 0);
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const byName = (a: INodeListSearchItems, b: INodeListSearchItems): number => a.name.localeCompare(b.name);

/** Active stages in the picklist's order; closed ones are marked, since a PQL opportunity rarely starts there. */
export async function searchSalesforceStages(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const stages = (await records(this, PICKER_QUERIES.stages)).sort((a, b) => Number(a.SortOrder ?? 0) - Number(b.SortOrder ?? 0));
	return searchResults(stages.map((s) => ({ name: `${text(s.MasterLabel) || text(s.ApiName)}${s.IsClosed === true ? ' (closed)' : ''}`, value: text(s.ApiName) })), filter);
}

export async function searchSalesforceRecordTypes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const types = await records(this, PICKER_QUERIES.recordTypes);
	return searchResults(types.map((t) => ({ name: text(t.Name), value: text(t.Id) })).sort(byName), filter);
}

/** Active users as "Name (e-mail)". */
export async function searchSalesforceUsers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const users = await records(this, PICKER_QUERIES.users);
	return searchResults(users.map((u) => ({ name: `${text(u.Name) || text(u.Email)}${text(u.Name) && text(u.Email) ? ` (${text(u.Email)})` : ''}`, value: text(u.Id) })).sort(byName), filter);
}

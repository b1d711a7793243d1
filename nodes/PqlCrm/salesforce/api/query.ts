import type { IDataObject } from 'n8n-workflow';
import type { Page } from '../../../shared/http/paginate';
import { paginate } from '../../../shared/http/paginate';
import type { SalesforceClient } from '../transport';

export const queryPath = (soql: string): string => `/query?q=${encodeURIComponent(soql)}`;

function pageOf(body: unknown): Page<IDataObject, string> {
	const answer = (typeof body === 'object' && body !== null ? body : {}) as IDataObject;
	const records = Array.isArray(answer.records) ? (answer.records as IDataObject[]) : [];
	const next = answer.done === false && typeof answer.nextRecordsUrl === 'string' ? answer.nextRecordsUrl : null;
	return { items: records, next };
}

/** Every record of a query answer (also a composite subrequest's), following `nextRecordsUrl` past Salesforce's batch. */
export async function allRecords(client: SalesforceClient, answer: unknown, itemIndex: number): Promise<IDataObject[]> {
	const first = pageOf(answer);
	if (first.next === null) return first.items;
	const rest = await paginate(first.next, async (url) => {
		const response = await client.request({ method: 'GET', path: url.replace(/^\/services\/data\/v\d+\.\d+/, ''), idempotent: true }, itemIndex);
		return pageOf(response.body);
	});
	return [...first.items, ...rest];
}

/** Every record a SOQL query finds. */
export async function queryAll(client: SalesforceClient, soql: string, itemIndex: number): Promise<IDataObject[]> {
	const response = await client.request({ method: 'GET', path: queryPath(soql), idempotent: true }, itemIndex);
	return await allRecords(client, response.body, itemIndex);
}

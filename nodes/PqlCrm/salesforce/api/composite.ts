import type { IDataObject } from 'n8n-workflow';
import type { SalesforceClient } from '../transport';
import { API_ROOT, errorsOf } from '../transport';

/** Salesforce runs at most 25 subrequests in one composite call. */
const MAX_SUBREQUESTS = 25;

export interface Subrequest {
	referenceId: string;
	method: 'GET' | 'POST' | 'PATCH';
	/** Below the versioned root; may hold `@{referenceId.field}` references to earlier answers. */
	path: string;
	body?: IDataObject;
}

export interface SubResult {
	status: number;
	body: unknown;
}

/**
 * Several requests in one API call (`/composite`). With allOrNone every write is rolled back when
 * one fails. A failed subrequest fails the item with its own error, not the "processing halted"
 * that Salesforce reports for the ones after it.
 */
export async function composite(client: SalesforceClient, allOrNone: boolean, subrequests: Subrequest[], itemIndex: number): Promise<Map<string, SubResult>> {
	if (subrequests.length > MAX_SUBREQUESTS) throw new RangeError(`A composite request takes at most ${MAX_SUBREQUESTS} subrequests`);
	const response = await client.request(
		{
			method: 'POST',
			path: '/composite',
			body: {
				allOrNone,
				compositeRequest: subrequests.map((s) => ({ method: s.method, url: `${API_ROOT}${s.path}`, referenceId: s.referenceId, ...(s.body ? { body: s.body } : {}) })),
			},
			// Reads and upserts by External ID give the same result when repeated; creates do not.
			idempotent: subrequests.every((s) => s.method !== 'POST'),
		},
		itemIndex,
	);
	const answers = ((response.body as IDataObject).compositeResponse ?? []) as IDataObject[];
	const results = new Map<string, SubResult>();
	for (const answer of answers) results.set(String(answer.referenceId), { status: Number(answer.httpStatusCode), body: answer.body });
	const failed = [...results.values()].filter((r) => r.status >= 300);
	if (failed.length > 0) {
		const cause = failed.find((r) => !errorsOf(r.body).some((e) => e.errorCode === 'PROCESSING_HALTED')) ?? failed[0];
		throw client.error(cause.status, cause.body, itemIndex);
	}
	return results;
}

/** The records of a query subrequest's answer. */
export function recordsOf(result: SubResult | undefined): IDataObject[] {
	const records = (result?.body as IDataObject | undefined)?.records;
	return Array.isArray(records) ? (records as IDataObject[]) : [];
}

import type { IDataObject } from 'n8n-workflow';
import type { HubSpotObjectType, HubSpotProperties } from '../../../../core/crm';
import { paginate } from '../../../shared/http/paginate';
import type { HubSpotClient, HubSpotRequest, HubSpotResponse } from '../transport';
import { nextAfter } from './paging';

export interface HubSpotRecord {
	id: string;
	properties: Record<string, string | null>;
	createdAt: string;
}

export interface UpsertedRecord extends HubSpotRecord {
	/** HubSpot's own answer: true when this upsert created the record. */
	new: boolean;
}

export interface SearchFilter {
	propertyName: string;
	operator: 'EQ' | 'NEQ' | 'IN' | 'HAS_PROPERTY' | 'NOT_HAS_PROPERTY';
	value?: string;
}

const asRecord = (value: unknown): HubSpotRecord => {
	const data = (value ?? {}) as IDataObject;
	return {
		id: String(data.id),
		properties: (data.properties ?? {}) as HubSpotRecord['properties'],
		createdAt: String(data.createdAt ?? ''),
	};
};

/**
 * Creates or updates one record addressed by a unique-value property. HubSpot resolves the race
 * itself: of any number of concurrent upserts with the same value, one creates and the rest update.
 */
export async function upsertRecord(
	client: HubSpotClient,
	objectType: HubSpotObjectType,
	idProperty: string,
	id: string,
	properties: HubSpotProperties,
	itemIndex: number,
): Promise<UpsertedRecord> {
	const response = await client.request(
		{
			method: 'POST',
			path: `/crm/v3/objects/${objectType}/batch/upsert`,
			body: { inputs: [{ idProperty, id, properties }] },
			idempotent: true,
		},
		itemIndex,
	);
	const results = Array.isArray(response.body.results) ? response.body.results : [];
	if (results.length === 0) {
		const errors = Array.isArray(response.body.errors) ? (response.body.errors as IDataObject[]) : [];
		throw client.error({ status: response.status, body: { ...(errors[0] ?? {}), ...response.body, message: errors[0]?.message ?? 'HubSpot upserted nothing' } }, itemIndex);
	}
	const first = results[0] as IDataObject;
	return { ...asRecord(first), new: first.new === true };
}

/** Reads a record by a unique-value property; reads are consistent, unlike search. */
export async function getByUniqueValue(
	client: HubSpotClient,
	objectType: HubSpotObjectType,
	idProperty: string,
	value: string,
	properties: string[],
	itemIndex: number,
): Promise<HubSpotRecord | null> {
	const response = await client.request(
		{
			method: 'GET',
			path: `/crm/v3/objects/${objectType}/${encodeURIComponent(value)}`,
			qs: { idProperty, properties: properties.join(',') },
			idempotent: true,
			expect: [404],
		},
		itemIndex,
	);
	return response.status === 404 ? null : asRecord(response.body);
}

/** HubSpot's largest search page. */
const SEARCH_PAGE = 200;

/** Every search result, page by page, oldest first. Search lags writes by seconds: never the only guard. */
export async function searchRecords(
	client: HubSpotClient,
	objectType: HubSpotObjectType,
	filterGroups: SearchFilter[][],
	properties: string[],
	itemIndex: number,
): Promise<HubSpotRecord[]> {
	const results = await paginate<HubSpotRecord, string>('0', async (after) => {
		const response = await client.request(
			{
				method: 'POST',
				path: `/crm/v3/objects/${objectType}/search`,
				body: { filterGroups: filterGroups.map((filters) => ({ filters })), properties, sorts: [], limit: SEARCH_PAGE, after } as IDataObject,
				idempotent: true,
			},
			itemIndex,
		);
		return { items: Array.isArray(response.body.results) ? response.body.results.map(asRecord) : [], next: nextAfter(response.body) };
	});
	return results.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || Number(a.id) - Number(b.id));
}

/** An association made in the create call itself. */
export interface InlineAssociation {
	id: string;
	associationTypeId: number;
}

async function postRecord(
	client: HubSpotClient,
	objectType: HubSpotObjectType,
	record: { properties: HubSpotProperties; associations: InlineAssociation[] },
	itemIndex: number,
	handling: Pick<HubSpotRequest, 'idempotent' | 'expect' | 'recover'>,
): Promise<HubSpotResponse> {
	const associations = record.associations.map((a) => ({ to: { id: a.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: a.associationTypeId }] }));
	return await client.request({ method: 'POST', path: `/crm/v3/objects/${objectType}`, body: { properties: record.properties, associations }, ...handling }, itemIndex);
}

/**
 * Creates a record whose unique-value property (in `properties`) is new, or answers 'exists' when
 * HubSpot refuses it as a duplicate (409): of any number of racing creates exactly one succeeds,
 * and repeating one after a lost answer is safe.
 */
export async function createUnique(
	client: HubSpotClient,
	objectType: HubSpotObjectType,
	record: { properties: HubSpotProperties; associations: InlineAssociation[] },
	itemIndex: number,
): Promise<HubSpotRecord | 'exists'> {
	const response = await postRecord(client, objectType, record, itemIndex, { idempotent: true, expect: [409] });
	return response.status === 409 ? 'exists' : asRecord(response.body);
}

/**
 * Creates a record with nothing unique about it (a note): after a 5xx or a lost answer `recover`
 * looks for what the create may have made before it is repeated.
 */
export async function createRecovering(
	client: HubSpotClient,
	objectType: HubSpotObjectType,
	record: { properties: HubSpotProperties; associations: InlineAssociation[] },
	itemIndex: number,
	recover: () => Promise<HubSpotResponse | undefined>,
): Promise<HubSpotRecord> {
	return asRecord((await postRecord(client, objectType, record, itemIndex, { idempotent: false, recover })).body);
}

export async function updateRecord(
	client: HubSpotClient,
	objectType: HubSpotObjectType,
	id: string,
	properties: HubSpotProperties,
	itemIndex: number,
): Promise<HubSpotRecord> {
	const response = await client.request(
		{ method: 'PATCH', path: `/crm/v3/objects/${objectType}/${encodeURIComponent(id)}`, body: { properties }, idempotent: true },
		itemIndex,
	);
	return asRecord(response.body);
}

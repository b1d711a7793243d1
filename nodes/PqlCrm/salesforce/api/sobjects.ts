import type { IDataObject } from 'n8n-workflow';
import type { SObjectFields } from '../../../../core/crm/salesforce';
import type { SalesforceClient } from '../transport';

export interface Upserted {
	id: string;
	/** Salesforce's answer: 201 created, 200 updated an existing record. */
	created: boolean;
}

export const externalIdPath = (object: string, field: string, value: string): string =>
	`/sobjects/${object}/${field}/${encodeURIComponent(value)}`;

/**
 * Creates or updates the one record whose External ID field holds `value`. Salesforce makes this
 * atomic: of concurrent upserts with one value, exactly one creates. 300 means several records
 * already share the value, which only happens when the field is not marked Unique.
 */
export async function upsertByExternalId(
	client: SalesforceClient,
	object: string,
	field: string,
	value: string,
	fields: SObjectFields,
	itemIndex: number,
): Promise<Upserted> {
	const response = await client.request({ method: 'PATCH', path: externalIdPath(object, field, value), body: fields, idempotent: true, expect: [300] }, itemIndex);
	if (response.status === 300) {
		throw client.error(
			300,
			[{ errorCode: 'MULTIPLE_RECORDS', message: `Several ${object} records have ${field} = ${value}: mark ${field} as Unique and merge the duplicates`, fields: [field] }],
			itemIndex,
		);
	}
	return { id: String((response.body as IDataObject).id), created: response.status === 201 };
}

export async function createRecord(client: SalesforceClient, object: string, fields: SObjectFields, itemIndex: number): Promise<string> {
	const response = await client.request({ method: 'POST', path: `/sobjects/${object}`, body: fields, idempotent: false }, itemIndex);
	return String((response.body as IDataObject).id);
}

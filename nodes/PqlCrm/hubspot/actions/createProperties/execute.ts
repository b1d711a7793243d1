import { FieldError } from '../../../../../core/shared';
import type { IDataObject } from 'n8n-workflow';
import type { PropertyDefinition } from '../../../../../core/crm';
import { PQL_PROPERTY_DEFINITIONS } from '../../../../../core/crm';
import type { HubSpotClient } from '../../transport';

export interface PropertyOutcome {
	objectType: string;
	name: string;
	status: 'created' | 'exists';
	hasUniqueValue: boolean;
}

async function ensureProperty(client: HubSpotClient, definition: PropertyDefinition, itemIndex: number): Promise<PropertyOutcome> {
	const { objectType, ...body } = definition;
	// A repeated create answers 409, so retrying it after a lost answer is harmless.
	const created = await client.request(
		{ method: 'POST', path: `/crm/v3/properties/${objectType}`, body: body as IDataObject, idempotent: true, expect: [409] },
		itemIndex,
	);
	if (created.status !== 409) return { objectType, name: definition.name, status: 'created', hasUniqueValue: created.body.hasUniqueValue === true };
	const existing = await client.request(
		{ method: 'GET', path: `/crm/v3/properties/${objectType}/${definition.name}`, idempotent: true },
		itemIndex,
	);
	const unique = existing.body.hasUniqueValue === true;
	if (definition.hasUniqueValue === true && !unique) {
		throw new FieldError(
			`The ${objectType} property ${definition.name} exists without unique values`,
			definition.name,
			'HubSpot cannot turn unique values on later: delete the property in HubSpot (Settings › Properties) and run this operation again.',
		);
	}
	return { objectType, name: definition.name, status: 'exists', hasUniqueValue: unique };
}

/** Creates every missing PQL property; safe to run any number of times. */
export async function createPqlProperties(client: HubSpotClient, itemIndex: number): Promise<PropertyOutcome[]> {
	const outcomes: PropertyOutcome[] = [];
	for (const definition of PQL_PROPERTY_DEFINITIONS) outcomes.push(await ensureProperty(client, definition, itemIndex));
	return outcomes;
}

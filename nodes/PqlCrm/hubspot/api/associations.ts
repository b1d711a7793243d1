import type { HubSpotObjectType } from '../../../../core/crm';
import type { HubSpotClient } from '../transport';

/** HubSpot-defined association type ids (v4), from the object on the left to the one on the right. */
export const ASSOCIATION_TYPE = {
	dealToContact: 3,
	/** Primary company of the deal. */
	dealToCompany: 5,
	contactToCompany: 279,
	noteToContact: 202,
	noteToCompany: 190,
	noteToDeal: 214,
} as const;

/** PUT is idempotent: associating twice leaves one association, so retries and repeats are safe. */
export async function associate(
	client: HubSpotClient,
	from: { type: HubSpotObjectType; id: string },
	to: { type: HubSpotObjectType; id: string },
	associationTypeId: number,
	itemIndex: number,
): Promise<void> {
	await client.request(
		{
			method: 'PUT',
			path: `/crm/v4/objects/${from.type}/${encodeURIComponent(from.id)}/associations/${to.type}/${encodeURIComponent(to.id)}`,
			body: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId }],
			idempotent: true,
		},
		itemIndex,
	);
}

/** Ids of the records of `toType` associated with one record (first 500). */
export async function associatedIds(
	client: HubSpotClient,
	from: { type: HubSpotObjectType; id: string },
	toType: HubSpotObjectType,
	itemIndex: number,
): Promise<string[]> {
	const response = await client.request(
		{
			method: 'GET',
			path: `/crm/v4/objects/${from.type}/${encodeURIComponent(from.id)}/associations/${toType}`,
			qs: { limit: 500 },
			idempotent: true,
		},
		itemIndex,
	);
	const results = Array.isArray(response.body.results) ? (response.body.results as Array<{ toObjectId?: unknown }>) : [];
	return results.map((r) => String(r.toObjectId));
}

import type { HubSpotObjectType } from '../../../../core/crm';
import { paginate } from '../../../shared/http/paginate';
import type { HubSpotClient } from '../transport';
import { nextAfter } from './paging';

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

/** Ids of every record of `toType` associated with one record, page by page. */
export async function associatedIds(
	client: HubSpotClient,
	from: { type: HubSpotObjectType; id: string },
	toType: HubSpotObjectType,
	itemIndex: number,
): Promise<string[]> {
	return await paginate<string, string | undefined>(undefined, async (after) => {
		const response = await client.request(
			{
				method: 'GET',
				path: `/crm/v4/objects/${from.type}/${encodeURIComponent(from.id)}/associations/${toType}`,
				qs: after === undefined ? { limit: 500 } : { limit: 500, after },
				idempotent: true,
			},
			itemIndex,
		);
		const results = Array.isArray(response.body.results) ? (response.body.results as Array<{ toObjectId?: unknown }>) : [];
		return { items: results.map((r) => String(r.toObjectId)), next: nextAfter(response.body) };
	});
}

import { sleep } from 'n8n-workflow';
import type { HubSpotProperties } from '../../../../../core/crm';
import { PQL_PROPERTY, closeDateAfter, dealNameValues, newDealProperties, renderDealName, scoreProperties, usageStoryHtml } from '../../../../../core/crm';
import type { CycleRecord, FollowUpPorts } from '../../../../../core/crm/followUp';
import { ASSOCIATION_TYPE, associate } from '../../api/associations';
import { createStoryNote, findStoryNote } from '../../api/notes';
import { DEAL_READ, dealRecords } from '../../api/deals';
import { createUnique, searchRecords, updateRecord } from '../../api/records';
import type { HubSpotClient } from '../../transport';
import type { DealInput } from './readInput';

/** The records every deal of the item hangs on, found or made before the deal. */
export interface DealRelations {
	companyId: string;
	contactId: string | null;
	ownerId: string | null;
}

export interface DealPorts {
	ports: FollowUpPorts;
	/** The deal's owner after this execution: the rep's, or the one this execution set. */
	ownerOf(record: CycleRecord): string | null;
}

/** The follow-up's ports over HubSpot's deals and notes, for one item. */
export function dealPorts(client: HubSpotClient, input: DealInput, relations: DealRelations, itemIndex: number): DealPorts {
	const deals = dealRecords(client, itemIndex);
	const asCycle = deals.asCycle;
	const companyName = input.companyName || input.accountId;

	const newDeal = (key: string, followUp: string): HubSpotProperties => ({
		...newDealProperties(
			{
				name: renderDealName(input.dealNameTemplate, dealNameValues({ ...input, companyName })),
				pipeline: input.pipeline,
				stage: input.stage,
				ownerId: relations.ownerId,
				amount: input.amount,
				closeDate: closeDateAfter(input.qualifiedSince, input.closeDateDays),
				idempotencyKey: key,
				accountId: input.accountId,
			},
			input.facts,
			input.qualifiedSince,
		),
		[PQL_PROPERTY.followUp]: followUp,
	});
	const dealLinks: Array<{ type: 'companies' | 'contacts'; id: string; associationTypeId: number }> = [
		{ type: 'companies', id: relations.companyId, associationTypeId: ASSOCIATION_TYPE.dealToCompany },
		...(relations.contactId === null ? [] : [{ type: 'contacts' as const, id: relations.contactId, associationTypeId: ASSOCIATION_TYPE.dealToContact }]),
	];

	/** Score fields always; an owner only where the deal has none (a rep's reassignment stands); its company and contact. */
	async function refresh(record: CycleRecord, created: boolean): Promise<void> {
		if (created) return;
		const properties = scoreProperties(input.facts, input.qualifiedSince);
		if ((deals.readOwner(record) ?? null) === null && relations.ownerId !== null) {
			properties.hubspot_owner_id = relations.ownerId;
			deals.setOwner(record, relations.ownerId);
		}
		await updateRecord(client, 'deals', record.id, properties, itemIndex);
		for (const link of dealLinks) await associate(client, { type: 'deals', id: record.id }, link, link.associationTypeId, itemIndex);
	}

	const storyTimestamp = (): string => {
		const scoredAt = Date.parse(input.facts.scoredAt ?? '');
		return new Date(Number.isNaN(scoredAt) ? Date.parse(input.qualifiedSince) : scoredAt).toISOString();
	};

	const ports: FollowUpPorts = {
		listIsCurrent: false,
		listCycles: async () =>
			(await searchRecords(client, 'deals', [[{ propertyName: PQL_PROPERTY.accountId, operator: 'EQ', value: input.accountId }]], DEAL_READ, itemIndex)).map(asCycle),
		getCycle: deals.getCycle,
		createCycle: async (key, followUp) => {
			const deal = await createUnique(client, 'deals', { properties: newDeal(key, followUp), associations: dealLinks }, itemIndex);
			return deal === 'exists' ? 'exists' : asCycle({ ...deal, properties: { ...deal.properties, [PQL_PROPERTY.dealKey]: key, [PQL_PROPERTY.followUp]: followUp } });
		},
		writeFollowUp: deals.writeFollowUp,
		refresh,
		story: input.writeNote
			? (record) => ({
					find: async () => await findStoryNote(client, record.id, record.key, itemIndex),
					create: async () =>
						await createStoryNote(
							client,
							{ dealId: record.id, contactId: relations.contactId, companyId: relations.companyId },
							usageStoryHtml({ facts: input.facts, companyName, email: input.email, idempotencyKey: record.key }),
							storyTimestamp(),
							record.key,
							itemIndex,
						),
				})
			: undefined,
		now: () => Date.now(),
		sleep,
	};
	return { ports, ownerOf: (record) => deals.readOwner(record) ?? relations.ownerId };
}

import { PQL_PROPERTY } from '../../../../core/crm';
import type { CycleRecord, FollowUpPorts } from '../../../../core/crm/followUp';
import type { HubSpotClient } from '../transport';
import type { HubSpotRecord } from './records';
import { getByUniqueValue, updateRecord } from './records';

/** What the follow-up reads of a PQL deal. */
export const DEAL_READ = ['hubspot_owner_id', 'hs_is_closed', PQL_PROPERTY.dealKey, PQL_PROPERTY.followUp];

export interface DealRecords extends Pick<FollowUpPorts, 'getCycle' | 'writeFollowUp'> {
	asCycle(deal: HubSpotRecord): CycleRecord;
	/** The owner a read of the deal showed; undefined when it was not read. */
	readOwner(record: CycleRecord): string | null | undefined;
	setOwner(record: CycleRecord, ownerId: string): void;
}

/** PQL deals as cycle records: read by their unique key, their follow-up property written. */
export function dealRecords(client: HubSpotClient, itemIndex: number): DealRecords {
	const owners = new Map<string, string | null>();
	const asCycle = (deal: HubSpotRecord): CycleRecord => {
		owners.set(deal.id, deal.properties.hubspot_owner_id || null);
		return {
			id: deal.id,
			key: deal.properties[PQL_PROPERTY.dealKey] ?? '',
			open: deal.properties.hs_is_closed !== 'true',
			followUp: deal.properties[PQL_PROPERTY.followUp] || null,
		};
	};
	return {
		asCycle,
		readOwner: (record) => owners.get(record.id),
		setOwner: (record, ownerId) => owners.set(record.id, ownerId),
		getCycle: async (key) => {
			const deal = await getByUniqueValue(client, 'deals', PQL_PROPERTY.dealKey, key, DEAL_READ, itemIndex);
			return deal === null ? null : asCycle(deal);
		},
		writeFollowUp: async (record, followUp) => {
			await updateRecord(client, 'deals', record.id, { [PQL_PROPERTY.followUp]: followUp }, itemIndex);
		},
	};
}

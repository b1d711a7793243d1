import type { IDataObject } from 'n8n-workflow';
import { text } from '../../../../core/shared';
import type { CycleRecord, FollowUpPorts } from '../../../../core/crm/followUp';
import type { OpportunityFieldNames } from '../../../../core/crm/salesforce';
import { opportunityByKeyQuery } from '../../../../core/crm/salesforce';
import type { SalesforceClient } from '../transport';
import { queryAll } from './query';

export interface OpportunityRecords extends Pick<FollowUpPorts, 'getCycle' | 'writeFollowUp'> {
	asCycle(opportunity: IDataObject): CycleRecord;
	/** The Account and owner a read of the Opportunity showed (undefined when it was not read). */
	accountOf(record: CycleRecord): string | null | undefined;
	ownerOf(record: CycleRecord): string | null | undefined;
	setAccount(record: CycleRecord, accountId: string): void;
}

/** PQL Opportunities as cycle records: read by their External ID key, their follow-up field written. */
export function opportunityRecords(client: SalesforceClient, names: OpportunityFieldNames, itemIndex: number): OpportunityRecords {
	const accounts = new Map<string, string | null>();
	const owners = new Map<string, string | null>();
	const asCycle = (opportunity: IDataObject): CycleRecord => {
		const id = String(opportunity.Id);
		accounts.set(id, text(opportunity.AccountId) ?? null);
		owners.set(id, text(opportunity.OwnerId) ?? null);
		return { id, key: String(opportunity[names.key] ?? ''), open: opportunity.IsClosed !== true, followUp: text(opportunity[names.followUp]) ?? null };
	};
	return {
		asCycle,
		accountOf: (record) => accounts.get(record.id),
		ownerOf: (record) => owners.get(record.id),
		setAccount: (record, accountId) => accounts.set(record.id, accountId),
		getCycle: async (key) => {
			const found = await queryAll(client, opportunityByKeyQuery(names, key), itemIndex);
			if (found.length > 1) {
				throw client.error(300, [{ errorCode: 'MULTIPLE_RECORDS', message: `Several Opportunities have ${names.key} = ${key}: mark the field Unique and merge them`, fields: [names.key] }], itemIndex);
			}
			return found.length === 0 ? null : asCycle(found[0]);
		},
		writeFollowUp: async (record, followUp) => {
			await client.request({ method: 'PATCH', path: `/sobjects/Opportunity/${record.id}`, body: { [names.followUp]: followUp }, idempotent: true }, itemIndex);
		},
	};
}

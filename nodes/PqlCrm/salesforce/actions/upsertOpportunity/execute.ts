import type { IDataObject } from 'n8n-workflow';
import type { SalesforceCrmResult } from '../../../../../core/contract/crmSalesforce';
import { companyKey } from '../../../../../core/crm';
import { followUp, followUpResult } from '../../../../../core/crm/followUp';
import { accountFields, accountQuery, activeUserQuery, contactQuery, leadQuery, opportunitiesOfAccountQuery } from '../../../../../core/crm/salesforce';
import { FieldError } from '../../../../../core/shared';
import type { Subrequest, SubResult } from '../../api/composite';
import { composite, recordsOf } from '../../api/composite';
import { allRecords, queryPath } from '../../api/query';
import { createRecord, upsertByExternalId } from '../../api/sobjects';
import type { SalesforceClient } from '../../transport';
import type { OpportunityRelations, Person } from './opportunityPorts';
import { opportunityPorts } from './opportunityPorts';
import type { OpportunityInput } from './readInput';

const idOf = (record: IDataObject | undefined, field = 'Id'): string | null =>
	record !== undefined && typeof record[field] === 'string' && record[field] !== '' ? (record[field] as string) : null;

/** The account's Opportunities, its Account, the person and the owner, in one composite call of reads. */
async function findAll(client: SalesforceClient, input: OpportunityInput, itemIndex: number): Promise<Omit<OpportunityRelations, 'account'> & { accountId: string | null }> {
	const names = input.fields;
	const account = { key: companyKey(input.domain, input.accountId), domain: input.domain, name: input.companyName };
	const reads: Subrequest[] = [
		{ referenceId: 'opportunities', method: 'GET', path: queryPath(opportunitiesOfAccountQuery(names, input.accountId)) },
		{ referenceId: 'account', method: 'GET', path: queryPath(accountQuery(account, input.accountKeyField)) },
	];
	if (input.email !== null) {
		reads.push({ referenceId: 'contact', method: 'GET', path: queryPath(contactQuery(input.email)) });
		reads.push({ referenceId: 'lead', method: 'GET', path: queryPath(leadQuery(input.email)) });
	}
	const lookUpOwner = input.ownerId === null && input.ownerEmail !== null;
	if (lookUpOwner) reads.push({ referenceId: 'owner', method: 'GET', path: queryPath(activeUserQuery(input.ownerEmail ?? '')) });
	const found = await composite(client, false, reads, itemIndex);

	const contact = recordsOf(found.get('contact'))[0];
	const lead = recordsOf(found.get('lead'))[0];
	const person: Person | null =
		idOf(contact) !== null ? { type: 'Contact', id: idOf(contact) as string } : idOf(lead) !== null ? { type: 'Lead', id: idOf(lead) as string } : null;
	return {
		opportunities: await allRecords(client, found.get('opportunities')?.body, itemIndex),
		accountId: pickAccount(found.get('account'), input, account.key) ?? idOf(contact, 'AccountId'),
		person,
		ownerId: lookUpOwner ? ownerFound(found.get('owner'), input) : input.ownerId,
	};
}

/** The Account carrying our key wins over one that merely has the website or the name. */
function pickAccount(result: SubResult | undefined, input: OpportunityInput, key: string): string | null {
	const accounts = recordsOf(result);
	const keyField = input.accountKeyField;
	const keyed = keyField === null ? undefined : accounts.find((a) => String(a[keyField] ?? '').toLowerCase() === key.toLowerCase());
	return idOf(keyed ?? accounts[0]);
}

function ownerFound(result: SubResult | undefined, input: OpportunityInput): string | null {
	const ownerId = idOf(recordsOf(result)[0]);
	if (ownerId === null && input.failIfOwnerNotFound) {
		throw new FieldError(`No active Salesforce user has the e-mail ${input.ownerEmail}`, 'Owner Email', 'Map Owner Email to an active Salesforce user\'s address, or set "If Owner Not Found" to leave the opportunity with the integration user.');
	}
	return ownerId;
}

/**
 * The Account, by its External ID when one is configured (atomic: racing executions get one
 * Account) — the work domain, or the product account for people on free mail — else a plain create
 * after the look-up found none.
 */
async function createAccount(client: SalesforceClient, input: OpportunityInput, ownerId: string | null, itemIndex: number): Promise<string> {
	const fields = accountFields({ name: input.companyName, domain: input.domain, ownerId });
	if (input.accountKeyField === null) return await createRecord(client, 'Account', fields, itemIndex);
	return (await upsertByExternalId(client, 'Account', input.accountKeyField, companyKey(input.domain, input.accountId), fields, itemIndex)).id;
}

/**
 * One composite call of reads; then the follow-up core finds or creates the account's one open
 * Opportunity (on its Account) and, in the one execution that owns its follow-up, ensures the Lead
 * or Contact and the Task with the usage story. The Opportunity records what is done.
 */
export async function upsertPqlOpportunity(client: SalesforceClient, input: OpportunityInput, itemIndex: number): Promise<SalesforceCrmResult> {
	const found = await findAll(client, input, itemIndex);
	let account: Promise<string> | undefined;
	const relations: OpportunityRelations = {
		...found,
		account: async () => await (account ??= found.accountId !== null ? Promise.resolve(found.accountId) : createAccount(client, input, found.ownerId, itemIndex)),
	};
	const opportunities = opportunityPorts(client, input, relations, itemIndex);
	const outcome = await followUp(opportunities.ports, input.followUp);

	const accountId = opportunities.accountOf(outcome.record);
	const person = opportunities.person();
	const noteId = outcome.state.story;
	const instanceUrl = await client.instanceUrl();
	const url = (object: string, id: string | null): string | null => (id === null ? null : `${instanceUrl}/lightning/r/${object}/${id}/view`);
	return {
		system: 'salesforce',
		created: outcome.status === 'created',
		status: outcome.status,
		ids: { company: accountId, contact: person?.id ?? null, opportunity: outcome.record.id, note: noteId },
		urls: { company: url('Account', accountId), contact: url(person?.type ?? 'Contact', person?.id ?? null), opportunity: url('Opportunity', outcome.record.id), note: url('Task', noteId) },
		idempotencyKey: outcome.record.key,
		cycle: outcome.cycle,
		ownerId: opportunities.ownerOf(outcome.record),
		followUp: followUpResult(outcome, input.followUp.token),
		personType: person?.type ?? null,
	};
}

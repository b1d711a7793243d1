import type { CrmResult } from '../../../../../core/contract/crm';
import type { HubSpotProperties } from '../../../../../core/crm';
import { PQL_PROPERTY, companyKey } from '../../../../../core/crm';
import { followUp, followUpResult } from '../../../../../core/crm/followUp';
import { FieldError } from '../../../../../core/shared';
import { ASSOCIATION_TYPE, associate } from '../../api/associations';
import { searchRecords, upsertRecord } from '../../api/records';
import type { HubSpotClient } from '../../transport';
import { dealPorts } from './dealPorts';
import type { DealInput } from './readInput';

export type FindOwner = (email: string, itemIndex: number) => Promise<string | null>;

/**
 * The company: by work domain, else keyed by the product account, so every deal has one. Search
 * finds companies that existed before (made by reps or HubSpot's auto-association, without our
 * key); when it finds none — also while HubSpot's index still lags behind a company made seconds
 * ago — the upsert by the unique `pql_company_key` creates it at most once however many executions
 * race here.
 */
async function findOrCreateCompany(client: HubSpotClient, input: DealInput, itemIndex: number): Promise<string> {
	const key = companyKey(input.domain, input.accountId);
	const byKey = [{ propertyName: PQL_PROPERTY.companyKey, operator: 'EQ' as const, value: key }];
	const filters = input.domain === null ? [byKey] : [[{ propertyName: 'domain', operator: 'EQ' as const, value: input.domain }], byKey];
	const found = await searchRecords(client, 'companies', filters, ['domain', 'name', PQL_PROPERTY.companyKey], itemIndex);
	const keyed = found.find((c) => c.properties[PQL_PROPERTY.companyKey] === key);
	if (keyed !== undefined || found.length > 0) return (keyed ?? found[0]).id;
	const properties: HubSpotProperties = { name: input.companyName || input.accountId, [PQL_PROPERTY.companyKey]: key };
	if (input.domain !== null) properties.domain = input.domain;
	return (await upsertRecord(client, 'companies', PQL_PROPERTY.companyKey, key, properties, itemIndex)).id;
}

/** E-mail is unique for HubSpot contacts, so the upsert by it is the find-or-create. */
async function findOrCreateContact(client: HubSpotClient, input: DealInput, itemIndex: number): Promise<string | null> {
	if (input.email === null) return null;
	const properties: HubSpotProperties = { email: input.email };
	if (input.firstName !== '') properties.firstname = input.firstName;
	if (input.lastName !== '') properties.lastname = input.lastName;
	return (await upsertRecord(client, 'contacts', 'email', input.email, properties, itemIndex)).id;
}

async function resolveOwner(input: DealInput, findOwner: FindOwner, itemIndex: number): Promise<string | null> {
	if (input.ownerId !== null) return input.ownerId;
	if (input.ownerEmail === null) return null;
	const ownerId = await findOwner(input.ownerEmail, itemIndex);
	if (ownerId === null && input.failIfOwnerNotFound) {
		throw new FieldError(`No HubSpot owner has the e-mail ${input.ownerEmail}`, 'Owner Email', 'Map Owner Email to a HubSpot user\'s address, or set "If Owner Not Found" to leave the deal unassigned.');
	}
	return ownerId;
}

/**
 * The company, the contact and their association are found or made by every execution (each step
 * is safe to repeat); then the follow-up core finds or creates the account's one open deal and, in
 * the one execution that owns its follow-up, ensures the usage note. The deal records what is done.
 */
export async function upsertPqlDeal(client: HubSpotClient, input: DealInput, findOwner: FindOwner, itemIndex: number): Promise<CrmResult> {
	const companyId = await findOrCreateCompany(client, input, itemIndex);
	const contactId = await findOrCreateContact(client, input, itemIndex);
	if (contactId !== null) {
		await associate(client, { type: 'contacts', id: contactId }, { type: 'companies', id: companyId }, ASSOCIATION_TYPE.contactToCompany, itemIndex);
	}
	const deals = dealPorts(client, input, { companyId, contactId, ownerId: await resolveOwner(input, findOwner, itemIndex) }, itemIndex);
	const outcome = await followUp(deals.ports, input.followUp);

	const { hubId, appUrl } = await client.account();
	const url = (objectTypeId: string, id: string | null): string | null =>
		hubId === '' || id === null ? null : `${appUrl}/contacts/${hubId}/record/${objectTypeId}/${id}`;
	return {
		system: 'hubspot',
		created: outcome.status === 'created',
		status: outcome.status,
		ids: { company: companyId, contact: contactId, deal: outcome.record.id, note: outcome.state.story },
		urls: { company: url('0-2', companyId), contact: url('0-1', contactId), deal: url('0-3', outcome.record.id) },
		idempotencyKey: outcome.record.key,
		cycle: outcome.cycle,
		ownerId: deals.ownerOf(outcome.record),
		followUp: followUpResult(outcome, input.followUp.token),
	};
}

import { FieldError } from '../../../../../core/shared/fieldError';
import type { CrmResult, CrmWriteStatus } from '../../../../../core/contract/crm';
import type { HubSpotProperties } from '../../../../../core/crm';
import {
	PQL_PROPERTY,
	closeDateAfter,
	newDealProperties,
	renderDealName,
	scoreProperties,
	usageStoryHtml,
} from '../../../../../core/crm';
import { ASSOCIATION_TYPE, associate } from '../../api/associations';
import { createStoryNote } from '../../api/notes';
import type { HubSpotRecord } from '../../api/records';
import { getByUniqueValue, searchRecords, updateRecord, upsertRecord } from '../../api/records';
import type { HubSpotClient } from '../../transport';
import type { DealInput } from './readInput';

export type FindOwner = (email: string, itemIndex: number) => Promise<string | null>;

const DEAL_READ = ['dealname', 'hubspot_owner_id', PQL_PROPERTY.dealKey, PQL_PROPERTY.accountId];

/**
 * The company by domain. Search finds companies that existed before (made by reps or HubSpot's
 * auto-association, without our key); when search finds none — also while HubSpot's index still
 * lags behind a company made seconds ago — the upsert by the unique `pql_company_key` creates it at
 * most once however many executions race here.
 */
async function findOrCreateCompany(client: HubSpotClient, input: DealInput, itemIndex: number): Promise<string | null> {
	const domain = input.domain;
	if (domain === null) return null;
	const found = await searchRecords(
		client,
		'companies',
		[[{ propertyName: 'domain', operator: 'EQ', value: domain }], [{ propertyName: PQL_PROPERTY.companyKey, operator: 'EQ', value: domain }]],
		['domain', 'name', PQL_PROPERTY.companyKey],
		itemIndex,
	);
	const keyed = found.find((c) => c.properties[PQL_PROPERTY.companyKey] === domain);
	if (keyed !== undefined || found.length > 0) return (keyed ?? found[0]).id;
	const properties: HubSpotProperties = { name: input.companyName, domain, [PQL_PROPERTY.companyKey]: domain };
	return (await upsertRecord(client, 'companies', PQL_PROPERTY.companyKey, domain, properties, itemIndex)).id;
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

/** An open PQL deal of an earlier qualification cycle of the same account (old enough to be indexed). */
async function openAccountDeal(client: HubSpotClient, input: DealInput, itemIndex: number): Promise<HubSpotRecord | undefined> {
	const deals = await searchRecords(
		client,
		'deals',
		[
			[
				{ propertyName: PQL_PROPERTY.accountId, operator: 'EQ', value: input.accountId },
				{ propertyName: 'hs_is_closed', operator: 'EQ', value: 'false' },
			],
		],
		DEAL_READ,
		itemIndex,
	);
	return deals[0];
}

interface DealWrite {
	id: string;
	status: CrmWriteStatus;
	ownerId: string | null;
}

/** Score fields always; an owner only where the deal has none yet (a rep's reassignment stands). */
async function refreshDeal(client: HubSpotClient, deal: HubSpotRecord, input: DealInput, ownerId: string | null, itemIndex: number): Promise<string | null> {
	const properties = scoreProperties(input.facts, input.qualifiedSince);
	const current = deal.properties.hubspot_owner_id || null;
	if (current === null && ownerId !== null) properties.hubspot_owner_id = ownerId;
	await updateRecord(client, 'deals', deal.id, properties, itemIndex);
	return current ?? ownerId;
}

/**
 * Exactly one deal per key: a consistent read by the unique key catches retries and finished
 * racers; an open deal of an earlier cycle is updated; otherwise the upsert by the unique key
 * creates — and HubSpot's `new` flag says whether this execution was the one that did.
 */
async function writeDeal(client: HubSpotClient, input: DealInput, companyName: string, ownerId: string | null, itemIndex: number): Promise<DealWrite> {
	const existing = await getByUniqueValue(client, 'deals', PQL_PROPERTY.dealKey, input.key, DEAL_READ, itemIndex);
	if (existing !== null) {
		return { id: existing.id, status: 'deduplicated', ownerId: await refreshDeal(client, existing, input, ownerId, itemIndex) };
	}
	const open = await openAccountDeal(client, input, itemIndex);
	if (open !== undefined) {
		return { id: open.id, status: 'updated', ownerId: await refreshDeal(client, open, input, ownerId, itemIndex) };
	}
	const name = renderDealName(input.dealNameTemplate, {
		company: companyName,
		domain: input.domain ?? '',
		account: input.accountId,
		email: input.email ?? '',
		score: input.facts.score === null ? '' : String(Math.round(input.facts.score)),
		grade: input.facts.grade ?? '',
		date: input.key.slice(input.key.lastIndexOf(':') + 1),
	});
	const properties = newDealProperties(
		{
			name,
			pipeline: input.pipeline,
			stage: input.stage,
			ownerId,
			amount: input.amount,
			closeDate: closeDateAfter(input.qualifiedSince, input.closeDateDays),
			idempotencyKey: input.key,
			accountId: input.accountId,
		},
		input.facts,
		input.qualifiedSince,
	);
	const deal = await upsertRecord(client, 'deals', PQL_PROPERTY.dealKey, input.key, properties, itemIndex);
	const status: CrmWriteStatus = deal.new ? 'created' : 'deduplicated';
	return { id: deal.id, status, ownerId: deal.new ? ownerId : deal.properties.hubspot_owner_id || ownerId };
}

/** Every step is idempotent, so a retried or concurrent execution converges on the same records. */
export async function upsertPqlDeal(client: HubSpotClient, input: DealInput, findOwner: FindOwner, itemIndex: number): Promise<CrmResult> {
	const companyId = await findOrCreateCompany(client, input, itemIndex);
	const contactId = await findOrCreateContact(client, input, itemIndex);
	if (companyId !== null && contactId !== null) {
		await associate(client, { type: 'contacts', id: contactId }, { type: 'companies', id: companyId }, ASSOCIATION_TYPE.contactToCompany, itemIndex);
	}
	const ownerId = await resolveOwner(input, findOwner, itemIndex);
	const deal = await writeDeal(client, input, input.companyName || input.accountId, ownerId, itemIndex);
	const dealRef = { type: 'deals' as const, id: deal.id };
	if (contactId !== null) await associate(client, dealRef, { type: 'contacts', id: contactId }, ASSOCIATION_TYPE.dealToContact, itemIndex);
	if (companyId !== null) await associate(client, dealRef, { type: 'companies', id: companyId }, ASSOCIATION_TYPE.dealToCompany, itemIndex);

	let noteId: string | null = null;
	if (deal.status === 'created' && input.writeNote) {
		const html = usageStoryHtml({ facts: input.facts, companyName: input.companyName || input.accountId, email: input.email, idempotencyKey: input.key });
		const scoredAt = Date.parse(input.facts.scoredAt ?? '');
		const timestamp = new Date(Number.isNaN(scoredAt) ? Date.parse(input.qualifiedSince) : scoredAt).toISOString();
		noteId = await createStoryNote(client, { dealId: deal.id, contactId, companyId }, html, timestamp, input.key, itemIndex);
	}

	const { hubId, appUrl } = await client.account();
	const url = (objectTypeId: string, id: string | null): string | null =>
		hubId === '' || id === null ? null : `${appUrl}/contacts/${hubId}/record/${objectTypeId}/${id}`;
	return {
		system: 'hubspot',
		created: deal.status === 'created',
		status: deal.status,
		ids: { company: companyId, contact: contactId, deal: deal.id, note: noteId },
		urls: { company: url('0-2', companyId), contact: url('0-1', contactId), deal: url('0-3', deal.id) },
		idempotencyKey: input.key,
		ownerId: deal.ownerId,
	};
}

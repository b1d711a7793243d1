import { FieldError } from '../../../../../core/shared/fieldError';
import type { IDataObject } from 'n8n-workflow';
import type { SalesforceCrmResult } from '../../../../../core/contract/crmSalesforce';
import { closeDateAfter, renderDealName } from '../../../../../core/crm';
import {
	accountFields,
	accountQuery,
	activeUserQuery,
	contactFields,
	contactQuery,
	leadFields,
	leadQuery,
	opportunityByKeyQuery,
	opportunityFields,
	taskFields,
	usageStoryText,
} from '../../../../../core/crm/salesforce';
import type { Subrequest, SubResult } from '../../api/composite';
import { composite, queryPath, recordsOf } from '../../api/composite';
import { createRecord, upsertByExternalId } from '../../api/sobjects';
import type { SalesforceClient } from '../../transport';
import type { OpportunityInput, PersonRecord } from './readInput';

interface Person {
	type: PersonRecord;
	id: string;
}

/** What one composite call of reads found: the opportunity by key, the account, the person, the owner. */
interface Found {
	opportunity: IDataObject | undefined;
	accountId: string | null;
	person: Person | null;
	ownerId: string | null;
}

const idOf = (record: IDataObject | undefined, field = 'Id'): string | null =>
	record !== undefined && typeof record[field] === 'string' && record[field] !== '' ? (record[field] as string) : null;

async function findAll(client: SalesforceClient, input: OpportunityInput, itemIndex: number): Promise<Found> {
	const reads: Subrequest[] = [{ referenceId: 'opportunity', method: 'GET', path: queryPath(opportunityByKeyQuery(input.opportunityKeyField, input.key)) }];
	if (input.domain !== null) reads.push({ referenceId: 'account', method: 'GET', path: queryPath(accountQuery(input.domain, input.accountKeyField)) });
	if (input.email !== null) {
		reads.push({ referenceId: 'contact', method: 'GET', path: queryPath(contactQuery(input.email)) });
		reads.push({ referenceId: 'lead', method: 'GET', path: queryPath(leadQuery(input.email)) });
	}
	const lookUpOwner = input.ownerId === null && input.ownerEmail !== null;
	if (lookUpOwner) reads.push({ referenceId: 'owner', method: 'GET', path: queryPath(activeUserQuery(input.ownerEmail ?? '')) });
	const found = await composite(client, false, reads, itemIndex);

	const opportunities = recordsOf(found.get('opportunity'));
	if (opportunities.length > 1) {
		throw client.error(300, [{ errorCode: 'MULTIPLE_RECORDS', message: `Several Opportunities have ${input.opportunityKeyField} = ${input.key}: mark the field Unique and merge them`, fields: [input.opportunityKeyField] }], itemIndex);
	}
	const contact = recordsOf(found.get('contact'))[0];
	const lead = recordsOf(found.get('lead'))[0];
	const person: Person | null =
		idOf(contact) !== null ? { type: 'Contact', id: idOf(contact) as string } : idOf(lead) !== null ? { type: 'Lead', id: idOf(lead) as string } : null;
	return {
		opportunity: opportunities[0],
		accountId: pickAccount(found.get('account'), input) ?? idOf(contact, 'AccountId'),
		person,
		ownerId: lookUpOwner ? ownerFound(found.get('owner'), input) : input.ownerId,
	};
}

/** The Account carrying our key wins over one that merely has the website. */
function pickAccount(result: SubResult | undefined, input: OpportunityInput): string | null {
	const accounts = recordsOf(result);
	const keyField = input.accountKeyField;
	const keyed = keyField === null ? undefined : accounts.find((a) => String(a[keyField] ?? '').toLowerCase() === input.domain);
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
 * By its External ID when one is configured (atomic: racing executions get one Account), else a
 * plain create after the lookup found none.
 */
async function createAccount(client: SalesforceClient, input: OpportunityInput, domain: string, ownerId: string | null, itemIndex: number): Promise<string> {
	const fields = accountFields({ name: input.companyName, domain, ownerId });
	if (input.accountKeyField === null) return await createRecord(client, 'Account', fields, itemIndex);
	return (await upsertByExternalId(client, 'Account', input.accountKeyField, domain, fields, itemIndex)).id;
}

/**
 * Runs only in the execution whose upsert created the opportunity, so racing executions cannot
 * make the Lead or Contact twice: the person (when none has the e-mail) and the Task with the usage
 * story, in one all-or-none call.
 */
async function writeFollowUp(
	client: SalesforceClient,
	input: OpportunityInput,
	found: Found,
	accountId: string | null,
	opportunityId: string,
	ownerId: string | null,
	itemIndex: number,
): Promise<{ person: Person | null; taskId: string | null }> {
	const writes: Subrequest[] = [];
	let person = found.person;
	if (person === null && input.email !== null) {
		const newPerson = { email: input.email, firstName: input.firstName, lastName: input.lastName, company: input.companyName, ownerId };
		const body = input.personRecord === 'Contact' ? contactFields(newPerson, accountId) : leadFields(newPerson);
		writes.push({ referenceId: 'person', method: 'POST', path: `/sobjects/${input.personRecord}`, body });
		person = { type: input.personRecord, id: '@{person.id}' };
	}
	if (input.writeTask) {
		const description = usageStoryText({ facts: input.facts, companyName: input.companyName, email: input.email, idempotencyKey: input.key });
		const score = input.facts.score === null ? '' : ` (score ${Math.round(input.facts.score)})`;
		const body = taskFields({
			subject: `Product-qualified: ${input.companyName}${score}`,
			description,
			opportunityId,
			contactId: person?.type === 'Contact' ? person.id : null,
			ownerId,
			activityDate: input.key.slice(input.key.lastIndexOf(':') + 1),
		});
		writes.push({ referenceId: 'task', method: 'POST', path: '/sobjects/Task', body });
	}
	if (writes.length === 0) return { person, taskId: null };
	const written = await composite(client, true, writes, itemIndex);
	const newId = (ref: string): string | null => idOf(written.get(ref)?.body as IDataObject | undefined, 'id');
	return {
		person: person === null ? null : { type: person.type, id: person.id === '@{person.id}' ? (newId('person') ?? '') : person.id },
		taskId: newId('task'),
	};
}

/**
 * Exactly one Opportunity per idempotency key: a read by the key catches retries and finished
 * racers; otherwise the upsert by the External ID creates it, and Salesforce's 201 (not 200) tells
 * this execution it was the one. Only that execution writes the person and the Task.
 */
export async function upsertPqlOpportunity(client: SalesforceClient, input: OpportunityInput, itemIndex: number): Promise<SalesforceCrmResult> {
	const found = await findAll(client, input, itemIndex);
	let accountId = idOf(found.opportunity, 'AccountId') ?? found.accountId;
	let opportunityId = idOf(found.opportunity);
	let ownerId = found.opportunity === undefined ? found.ownerId : idOf(found.opportunity, 'OwnerId');
	let created = false;
	let person = found.person;
	let taskId: string | null = null;

	if (opportunityId === null) {
		if (accountId === null && input.domain !== null) accountId = await createAccount(client, input, input.domain, found.ownerId, itemIndex);
		const name = renderDealName(input.nameTemplate, {
			company: input.companyName,
			domain: input.domain ?? '',
			account: input.accountId,
			email: input.email ?? '',
			score: input.facts.score === null ? '' : String(Math.round(input.facts.score)),
			grade: input.facts.grade ?? '',
			date: input.key.slice(input.key.lastIndexOf(':') + 1),
		});
		const closeDate = (closeDateAfter(input.qualifiedSince, input.closeDateDays) ?? input.qualifiedSince).slice(0, 10);
		const fields = opportunityFields({ name, stageName: input.stageName, closeDate, ownerId: found.ownerId, amount: input.amount, accountId }, input.facts);
		const upserted = await upsertByExternalId(client, 'Opportunity', input.opportunityKeyField, input.key, fields, itemIndex);
		opportunityId = upserted.id;
		created = upserted.created;
		if (created) ({ person, taskId } = await writeFollowUp(client, input, found, accountId, opportunityId, found.ownerId, itemIndex));
		ownerId = found.ownerId;
	}

	const instanceUrl = await client.instanceUrl();
	const url = (object: string, id: string | null): string | null => (id === null ? null : `${instanceUrl}/lightning/r/${object}/${id}/view`);
	return {
		system: 'salesforce',
		created,
		status: created ? 'created' : 'deduplicated',
		ids: { company: accountId, contact: person?.id ?? null, opportunity: opportunityId, note: taskId },
		urls: { company: url('Account', accountId), contact: url(person?.type ?? 'Contact', person?.id ?? null), opportunity: url('Opportunity', opportunityId), note: url('Task', taskId) },
		idempotencyKey: input.key,
		ownerId,
		personType: person?.type ?? null,
	};
}

import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { closeDateAfter, dealNameValues, renderDealName, storyMarker } from '../../../../../core/crm';
import type { CycleRecord, EnsuredStep, FollowUpPorts } from '../../../../../core/crm/followUp';
import { text } from '../../../../../core/shared';
import {
	contactFields,
	contactQuery,
	leadFields,
	leadQuery,
	opportunityFields,
	taskFields,
	tasksOfOpportunityQuery,
	usageStoryText,
} from '../../../../../core/crm/salesforce';
import type { SObjectFields } from '../../../../../core/crm/salesforce';
import { errorsOf } from '../../transport';
import type { SalesforceClient, SalesforceResponse } from '../../transport';
import { opportunityRecords } from '../../api/opportunities';
import { queryAll } from '../../api/query';
import type { OpportunityInput, PersonRecord } from './readInput';

export interface Person {
	type: PersonRecord;
	id: string;
}

/** What the reads before the follow-up found, and how to get the Account when one is needed. */
export interface OpportunityRelations {
	opportunities: IDataObject[];
	person: Person | null;
	ownerId: string | null;
	/** The Account to hang the Opportunity on, found or made on first use. */
	account(): Promise<string>;
}

export interface OpportunityPorts {
	ports: FollowUpPorts;
	accountOf(record: CycleRecord): string | null;
	ownerOf(record: CycleRecord): string | null;
	person(): Person | null;
}

/** The follow-up's ports over Salesforce Opportunities, Leads/Contacts and Tasks, for one item. */
export function opportunityPorts(client: SalesforceClient, input: OpportunityInput, relations: OpportunityRelations, itemIndex: number): OpportunityPorts {
	const names = input.fields;
	const opportunities = opportunityRecords(client, names, itemIndex);
	const asCycle = opportunities.asCycle;
	let person = relations.person;
	let createdHere = false;
	const ownerOf = (record: CycleRecord): string | null => opportunities.ownerOf(record) ?? relations.ownerId;

	/** A create refused as a duplicate of the key answers 'exists'; racing creates leave one Opportunity. */
	async function createCycle(key: string, followUp: string): Promise<CycleRecord | 'exists'> {
		const accountId = await relations.account();
		const closeDate = (closeDateAfter(input.qualifiedSince, input.closeDateDays) ?? input.qualifiedSince).slice(0, 10);
		const name = renderDealName(input.nameTemplate, dealNameValues(input));
		const fields: SObjectFields = {
			...opportunityFields({ name, stageName: input.stageName, closeDate, ownerId: relations.ownerId, amount: input.amount, accountId, recordTypeId: input.recordTypeId }, input.facts),
			[names.key]: key,
			[names.followUp]: followUp,
		};
		const response = await client.request({ method: 'POST', path: '/sobjects/Opportunity', body: fields, idempotent: true, expect: [400] }, itemIndex);
		if (response.status === 400) {
			if (errorsOf(response.body).some((e) => e.errorCode === 'DUPLICATE_VALUE' && (e.fields?.includes(names.key) ?? e.message.includes(names.key)))) return 'exists';
			throw client.error(400, response.body, itemIndex);
		}
		createdHere = true;
		return asCycle({ Id: (response.body as IDataObject).id, AccountId: accountId, OwnerId: relations.ownerId, IsClosed: false, [names.key]: key, [names.followUp]: followUp });
	}

	/** A create that may be repeated after a lost answer: `find` runs before the repeat. */
	const create = async (object: string, body: SObjectFields, find: () => Promise<string | null>): Promise<string> => {
		const recover = async (): Promise<SalesforceResponse | undefined> => {
			const id = await find();
			return id === null ? undefined : { status: 201, body: { id } };
		};
		const response = await client.request({ method: 'POST', path: `/sobjects/${object}`, body, idempotent: false, recover }, itemIndex);
		return String((response.body as IDataObject).id);
	};

	/** The Contact, else the open Lead, with the e-mail (read again: an earlier owner may have made one since this execution's first reads). */
	async function findPerson(address: string): Promise<string | null> {
		for (const [type, query] of [['Contact', contactQuery(address)], ['Lead', leadQuery(address)]] as const) {
			const id = text((await queryAll(client, query, itemIndex))[0]?.Id) ?? null;
			if (id !== null) {
				person = { type, id };
				return id;
			}
		}
		return null;
	}

	const email = input.email;
	const personStep: EnsuredStep | undefined =
		email === null
			? undefined
			: {
					find: async () => person?.id ?? (createdHere ? null : await findPerson(email)),
					create: async () => {
						const type = input.personRecord;
						const owner = relations.ownerId;
						const fields = { email, firstName: input.firstName, lastName: input.lastName, company: input.companyName, ownerId: owner };
						const body = type === 'Contact' ? contactFields(fields, await relations.account()) : leadFields(fields);
						const query = type === 'Contact' ? contactQuery(email) : leadQuery(email);
						const id = await create(type, body, async () => text((await queryAll(client, query, itemIndex))[0]?.Id) ?? null);
						person = { type, id };
						return id;
					},
				};

	const story = (record: CycleRecord): EnsuredStep => {
		const marker = storyMarker(record.key);
		const find = async (): Promise<string | null> =>
			text((await queryAll(client, tasksOfOpportunityQuery(record.id), itemIndex)).find((task) => String(task.Description ?? '').includes(marker))?.Id) ?? null;
		return {
			find,
			create: async () => {
				const score = input.facts.score === null ? '' : ` (score ${Math.round(input.facts.score)})`;
				const body = taskFields({
					subject: `Product-qualified: ${input.companyName}${score}`,
					description: usageStoryText({ facts: input.facts, companyName: input.companyName, email: input.email, idempotencyKey: record.key }),
					opportunityId: record.id,
					contactId: person?.type === 'Contact' ? person.id : null,
					ownerId: ownerOf(record),
					activityDate: input.qualifiedSince.slice(0, 10),
				});
				return await create('Task', body, find);
			},
		};
	};

	const ports: FollowUpPorts = {
		listIsCurrent: true,
		listCycles: async () => relations.opportunities.map(asCycle),
		getCycle: opportunities.getCycle,
		createCycle,
		writeFollowUp: opportunities.writeFollowUp,
		/** Every opportunity hangs on an Account: one made before Accounts were ensured gets it now. */
		refresh: async (record, created) => {
			if (created || opportunities.accountOf(record) !== null) return;
			const accountId = await relations.account();
			await client.request({ method: 'PATCH', path: `/sobjects/Opportunity/${record.id}`, body: { AccountId: accountId }, idempotent: true }, itemIndex);
			opportunities.setAccount(record, accountId);
		},
		person: personStep,
		story: input.writeTask ? story : undefined,
		now: () => Date.now(),
		sleep,
	};
	return { ports, accountOf: (record) => opportunities.accountOf(record) ?? null, ownerOf, person: () => person };
}

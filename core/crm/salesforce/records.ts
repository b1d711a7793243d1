import type { PqlFacts } from '../pqlFacts';
import { reasonsText } from '../hubspot/dealProperties';

/** An sObject body as the REST API takes it. */
export type SObjectFields = Record<string, string | number | boolean>;

/** Salesforce record ids: 15 or 18 characters; users' ids start with 005. */
const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
export const isUserId = (value: string): boolean => RECORD_ID.test(value) && value.startsWith('005');

/** Salesforce's limits for the text fields written here. */
const LIMIT = { name: 255, lastName: 80, firstName: 40, subject: 255, description: 32_000 } as const;
const cut = (value: string, max: number): string => (value.length > max ? value.slice(0, max) : value);

export interface NewAccount {
	name: string;
	/** Null for an account whose people all use free mail. */
	domain: string | null;
	ownerId: string | null;
}

export function accountFields(account: NewAccount): SObjectFields {
	const fields: SObjectFields = { Name: cut(account.name, LIMIT.name) };
	if (account.domain !== null) fields.Website = account.domain;
	if (account.ownerId !== null) fields.OwnerId = account.ownerId;
	return fields;
}

export interface NewPerson {
	email: string;
	firstName: string;
	lastName: string;
	company: string;
	ownerId: string | null;
}

/** Lead and Contact require a last name; the e-mail's local part stands in when none is known. */
const lastNameOf = (person: NewPerson): string => cut(person.lastName || person.email.slice(0, person.email.indexOf('@')), LIMIT.lastName);

function personFields(person: NewPerson): SObjectFields {
	const fields: SObjectFields = { LastName: lastNameOf(person), Email: person.email };
	if (person.firstName !== '') fields.FirstName = cut(person.firstName, LIMIT.firstName);
	if (person.ownerId !== null) fields.OwnerId = person.ownerId;
	return fields;
}

export const leadFields = (person: NewPerson): SObjectFields => ({ ...personFields(person), Company: cut(person.company, LIMIT.name) });

/** `accountId` may be a composite reference such as `@{account.id}`. */
export function contactFields(person: NewPerson, accountId: string | null): SObjectFields {
	const fields = personFields(person);
	if (accountId !== null) fields.AccountId = accountId;
	return fields;
}

export interface NewOpportunity {
	name: string;
	stageName: string;
	/** YYYY-MM-DD. */
	closeDate: string;
	ownerId: string | null;
	amount: number | null;
	accountId: string | null;
	/** Null: the record type Salesforce gives the integration user's new opportunities. */
	recordTypeId: string | null;
}

/** Score, grade and reasons in the standard Description, so no custom field is needed to read them. */
export function pqlDescription(facts: PqlFacts): string {
	const head = `PQL score ${facts.score === null ? 'n/a' : Math.round(facts.score)}${facts.grade ? `, grade ${facts.grade}` : ''}`;
	const reasons = reasonsText(facts);
	return cut(reasons === '' ? head : `${head}\n${reasons}`, LIMIT.description);
}

/** The body of the upsert by idempotency key; the key itself travels in the URL. */
export function opportunityFields(opportunity: NewOpportunity, facts: PqlFacts): SObjectFields {
	const fields: SObjectFields = {
		Name: cut(opportunity.name, LIMIT.name),
		StageName: opportunity.stageName,
		CloseDate: opportunity.closeDate,
		Description: pqlDescription(facts),
	};
	if (opportunity.ownerId !== null) fields.OwnerId = opportunity.ownerId;
	if (opportunity.amount !== null) fields.Amount = opportunity.amount;
	if (opportunity.accountId !== null) fields.AccountId = opportunity.accountId;
	if (opportunity.recordTypeId !== null) fields.RecordTypeId = opportunity.recordTypeId;
	return fields;
}

export interface NewTask {
	subject: string;
	description: string;
	opportunityId: string;
	/** Only a Contact: Salesforce refuses a Task that names a Lead and a related-to record at once. */
	contactId: string | null;
	ownerId: string | null;
	/** YYYY-MM-DD. */
	activityDate: string;
}

export function taskFields(task: NewTask): SObjectFields {
	const fields: SObjectFields = {
		Subject: cut(task.subject, LIMIT.subject),
		Description: task.description,
		WhatId: task.opportunityId,
		ActivityDate: task.activityDate,
	};
	if (task.contactId !== null) fields.WhoId = task.contactId;
	if (task.ownerId !== null) fields.OwnerId = task.ownerId;
	return fields;
}

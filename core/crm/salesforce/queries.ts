import type { SoqlCondition } from './soql';
import { buildSoql } from './soql';

/** The ways Salesforce users type a website, so an Account made by a rep is found by its domain. */
export function websiteVariants(domain: string): string[] {
	const variants: string[] = [];
	for (const scheme of ['', 'http://', 'https://']) {
		for (const host of [domain, `www.${domain}`]) {
			variants.push(`${scheme}${host}`, `${scheme}${host}/`);
		}
	}
	return variants;
}

/**
 * Our key first (an Account this node made); else any Account whose Website is the domain; for an
 * account without a work domain and without a key field, the Account named like it.
 */
export function accountQuery(account: { key: string; domain: string | null; name: string }, keyField: string | null): string {
	const where: SoqlCondition[] = [];
	if (keyField !== null) where.push({ field: keyField, op: '=', value: account.key });
	if (account.domain !== null) where.push({ field: 'Website', op: 'IN', values: websiteVariants(account.domain) });
	if (where.length === 0) where.push({ field: 'Name', op: '=', value: account.name });
	return buildSoql({ object: 'Account', fields: keyField === null ? ['Id', 'Name', 'OwnerId'] : ['Id', 'Name', 'OwnerId', keyField], where, join: 'OR', limit: 10 });
}

export const contactQuery = (email: string): string =>
	buildSoql({ object: 'Contact', fields: ['Id', 'AccountId', 'OwnerId'], where: [{ field: 'Email', op: '=', value: email }], limit: 1 });

/** Converted Leads live on as Contacts; only open Leads count. */
export const leadQuery = (email: string): string =>
	buildSoql({
		object: 'Lead',
		fields: ['Id', 'OwnerId'],
		where: [
			{ field: 'Email', op: '=', value: email },
			{ field: 'IsConverted', op: '=', value: false },
		],
		limit: 1,
	});

export const activeUserQuery = (email: string): string =>
	buildSoql({
		object: 'User',
		fields: ['Id'],
		where: [
			{ field: 'Email', op: '=', value: email },
			{ field: 'IsActive', op: '=', value: true },
		],
		limit: 1,
	});

/** The fields the follow-up reads of a PQL Opportunity. */
export interface OpportunityFieldNames {
	key: string;
	followUp: string;
}

const opportunityFields = (names: OpportunityFieldNames): string[] => ['Id', 'AccountId', 'OwnerId', 'IsClosed', names.key, names.followUp];

/** Every PQL Opportunity of the account, open and closed (SOQL is current: no index lag). */
export const opportunitiesOfAccountQuery = (names: OpportunityFieldNames, accountId: string): string =>
	buildSoql({ object: 'Opportunity', fields: opportunityFields(names), where: [{ field: names.key, op: 'LIKE', startsWith: `${accountId}:` }] });

export const opportunityByKeyQuery = (names: OpportunityFieldNames, key: string): string =>
	buildSoql({ object: 'Opportunity', fields: opportunityFields(names), where: [{ field: names.key, op: '=', value: key }], limit: 2 });

/** The Tasks on an Opportunity, to find the one with the cycle's usage story. */
export const tasksOfOpportunityQuery = (opportunityId: string): string =>
	buildSoql({ object: 'Task', fields: ['Id', 'Description'], where: [{ field: 'WhatId', op: '=', value: opportunityId }] });

/** What the node's pickers list: active Opportunity stages, Opportunity record types, active users. */
export const PICKER_QUERIES = {
	stages: buildSoql({ object: 'OpportunityStage', fields: ['ApiName', 'MasterLabel', 'IsClosed', 'SortOrder'], where: [{ field: 'IsActive', op: '=', value: true }] }),
	recordTypes: buildSoql({
		object: 'RecordType',
		fields: ['Id', 'Name'],
		where: [
			{ field: 'SobjectType', op: '=', value: 'Opportunity' },
			{ field: 'IsActive', op: '=', value: true },
		],
	}),
	users: buildSoql({ object: 'User', fields: ['Id', 'Name', 'Email'], where: [{ field: 'IsActive', op: '=', value: true }] }),
};

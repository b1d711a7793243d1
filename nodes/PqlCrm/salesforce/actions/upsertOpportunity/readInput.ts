import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { PqlFacts } from '../../../../../core/crm';
import { CrmInputError, idempotencyKey, normalizeDomain, normalizeEmail, readPqlFacts } from '../../../../../core/crm';
import { isUserId, soqlName } from '../../../../../core/crm/salesforce';

export type PersonRecord = 'Lead' | 'Contact';

/** Everything one item asks of the Salesforce write, read with that item's index. */
export interface OpportunityInput {
	accountId: string;
	qualifiedSince: string;
	key: string;
	domain: string | null;
	companyName: string;
	email: string | null;
	firstName: string;
	lastName: string;
	personRecord: PersonRecord;
	stageName: string;
	ownerId: string | null;
	ownerEmail: string | null;
	failIfOwnerNotFound: boolean;
	nameTemplate: string;
	amount: number | null;
	closeDateDays: number;
	writeTask: boolean;
	opportunityKeyField: string;
	/** Null: find the Account by Website, create it when missing (not safe against racing executions). */
	accountKeyField: string | null;
	facts: PqlFacts;
}

const asText = (value: unknown): string => (value === undefined || value === null ? '' : String(value).trim());

export function readOpportunityInput(context: IExecuteFunctions, itemIndex: number): OpportunityInput {
	const param = (name: string): string => asText(context.getNodeParameter(name, itemIndex, ''));
	const options = context.getNodeParameter('opportunityOptions', itemIndex, {}) as IDataObject;
	const accountId = param('accountId');
	const qualifiedSince = param('qualifiedSince');
	const key = idempotencyKey(accountId, qualifiedSince);
	const domain = normalizeDomain(param('companyDomain'));
	const stageName = param('stageName');
	if (stageName === '') {
		throw new CrmInputError('No opportunity stage is set', 'Stage', 'Enter the API name of an open stage of your Opportunity Stage picklist, e.g. Prospecting.');
	}
	const opportunityKeyField = param('opportunityKeyField');
	if (opportunityKeyField === '') {
		throw new CrmInputError('No idempotency key field is set', 'Opportunity Key Field', 'Enter the API name of the Opportunity External ID field, e.g. PQL_Idempotency_Key__c (see the README).');
	}
	const accountKeyField = param('accountKeyField');
	const ownerId = param('ownerId');
	const ownerEmail = param('ownerEmail').toLowerCase();
	const item = context.getInputData()[itemIndex]?.json ?? {};
	return {
		accountId: accountId.trim(),
		qualifiedSince,
		key,
		domain,
		companyName: param('companyName') || domain || accountId.trim(),
		email: normalizeEmail(param('contactEmail')),
		firstName: asText(options.firstName),
		lastName: asText(options.lastName),
		personRecord: context.getNodeParameter('personRecord', itemIndex, 'lead') === 'contact' ? 'Contact' : 'Lead',
		stageName,
		// Routing may come from any CRM's set-up: only a Salesforce User ID is used as one.
		ownerId: isUserId(ownerId) ? ownerId : null,
		ownerEmail: ownerEmail === '' ? null : ownerEmail,
		failIfOwnerNotFound: options.ownerNotFound === 'fail',
		nameTemplate: param('opportunityName'),
		amount: typeof options.amount === 'number' && options.amount > 0 ? options.amount : null,
		closeDateDays: typeof options.closeDateDays === 'number' ? options.closeDateDays : 30,
		writeTask: options.writeTask !== false,
		opportunityKeyField: soqlName(opportunityKeyField, 'Opportunity Key Field'),
		accountKeyField: accountKeyField === '' ? null : soqlName(accountKeyField, 'Account Key Field'),
		facts: readPqlFacts(item.pql),
	};
}

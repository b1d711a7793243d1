import { FieldError } from '../../../../../core/shared/fieldError';
import type { IExecuteFunctions } from 'n8n-workflow';
import { isUserId, soqlName } from '../../../../../core/crm/salesforce';
import type { OpportunityBasics } from '../../../shared/opportunityInput';
import { readOpportunityParameters } from '../../../shared/opportunityInput';

export type PersonRecord = 'Lead' | 'Contact';

/** Everything one item asks of the Salesforce write, read with that item's index. */
export interface OpportunityInput extends OpportunityBasics {
	companyName: string;
	personRecord: PersonRecord;
	stageName: string;
	ownerId: string | null;
	nameTemplate: string;
	closeDateDays: number;
	writeTask: boolean;
	opportunityKeyField: string;
	/** The Opportunity text field that records the follow-up (see core/crm/followUp/state). */
	followUpField: string;
	/** Null: find the Account by Website (or name), create it when missing (not safe against racing executions). */
	accountKeyField: string | null;
}

export function readOpportunityInput(context: IExecuteFunctions, itemIndex: number): OpportunityInput {
	const { basics, param, options } = readOpportunityParameters(context, itemIndex, 'opportunityOptions');
	const stageName = param('stageName');
	if (stageName === '') {
		throw new FieldError('No opportunity stage is set', 'Stage', 'Enter the API name of an open stage of your Opportunity Stage picklist, e.g. Prospecting.');
	}
	const opportunityKeyField = param('opportunityKeyField');
	if (opportunityKeyField === '') {
		throw new FieldError('No idempotency key field is set', 'Opportunity Key Field', 'Enter the API name of the Opportunity External ID field, e.g. PQL_Idempotency_Key__c (see the README).');
	}
	const followUpField = param('followUpField');
	if (followUpField === '') {
		throw new FieldError('No follow-up field is set', 'Follow-Up Field', 'Enter the API name of the Opportunity text field that records the follow-up, e.g. PQL_Follow_Up__c (see the README).');
	}
	const accountKeyField = param('accountKeyField');
	const ownerId = param('ownerId');
	return {
		...basics,
		companyName: param('companyName') || basics.domain || basics.accountId,
		personRecord: context.getNodeParameter('personRecord', itemIndex, 'lead') === 'contact' ? 'Contact' : 'Lead',
		stageName,
		// Routing may come from any CRM's set-up: only a Salesforce User ID is used as one.
		ownerId: isUserId(ownerId) ? ownerId : null,
		nameTemplate: param('opportunityName'),
		closeDateDays: basics.closeDateDays ?? 30,
		writeTask: options.writeTask !== false,
		opportunityKeyField: soqlName(opportunityKeyField, 'Opportunity Key Field'),
		followUpField: soqlName(followUpField, 'Follow-Up Field'),
		accountKeyField: accountKeyField === '' ? null : soqlName(accountKeyField, 'Account Key Field'),
	};
}

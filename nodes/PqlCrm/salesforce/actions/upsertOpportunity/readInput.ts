import type { IExecuteFunctions } from 'n8n-workflow';
import type { OpportunityFieldNames } from '../../../../../core/crm/salesforce';
import { isUserId, soqlName } from '../../../../../core/crm/salesforce';
import { FieldError } from '../../../../../core/shared';
import type { OpportunityBasics } from '../../../shared/opportunityInput';
import { readOpportunityParameters } from '../../../shared/opportunityInput';

export type PersonRecord = 'Lead' | 'Contact';

/** Everything one item asks of the Salesforce write, read with that item's index. */
export interface OpportunityInput extends OpportunityBasics {
	companyName: string;
	personRecord: PersonRecord;
	stageName: string;
	/** Version 1.1's Record Type; null in version 1 and when empty. */
	recordTypeId: string | null;
	ownerId: string | null;
	nameTemplate: string;
	closeDateDays: number;
	writeTask: boolean;
	/** The Opportunity's key field, and the text field that records the follow-up (see core/crm/followUp/state). */
	fields: OpportunityFieldNames;
	/** Null: find the Account by Website (or name), create it when missing (not safe against racing executions). */
	accountKeyField: string | null;
}

/** The Opportunity fields both operations use, as set on the node. */
export function readOpportunityFieldNames(context: IExecuteFunctions, itemIndex: number): OpportunityFieldNames {
	const name = (parameter: string, label: string, fix: string): string => {
		const value = String(context.getNodeParameter(parameter, itemIndex, '') ?? '').trim();
		if (value === '') throw new FieldError(`No ${label} is set`, label, fix, { setting: true });
		return soqlName(value, label);
	};
	return {
		key: name('opportunityKeyField', 'Opportunity Key Field', 'Enter the API name of the Opportunity External ID field, e.g. PQL_Idempotency_Key__c (see "Salesforce" in docs/nodes/crm.md).'),
		followUp: name('followUpField', 'Follow-Up Field', 'Enter the API name of the Opportunity text field that records the follow-up, e.g. PQL_Follow_Up__c (see "Salesforce" in docs/nodes/crm.md).'),
	};
}

export function readOpportunityInput(context: IExecuteFunctions, itemIndex: number): OpportunityInput {
	const { basics, param, picked, options } = readOpportunityParameters(context, itemIndex, 'opportunityOptions');
	const stageName = picked('stageName');
	if (stageName === '') {
		throw new FieldError('No opportunity stage is set', 'Stage', 'Enter the API name of an open stage of your Opportunity Stage picklist, e.g. Prospecting.');
	}
	const accountKeyField = param('accountKeyField');
	const ownerId = picked('ownerId');
	const recordTypeId = context.getNode().typeVersion >= 1.1 ? picked('recordTypeId') : '';
	return {
		...basics,
		companyName: param('companyName') || basics.domain || basics.accountId,
		personRecord: context.getNodeParameter('personRecord', itemIndex, 'lead') === 'contact' ? 'Contact' : 'Lead',
		stageName,
		recordTypeId: recordTypeId === '' ? null : recordTypeId,
		// Routing may come from any CRM's set-up: only a Salesforce User ID is used as one.
		ownerId: isUserId(ownerId) ? ownerId : null,
		nameTemplate: param('opportunityName'),
		closeDateDays: basics.closeDateDays ?? 30,
		writeTask: options.writeTask !== false,
		fields: readOpportunityFieldNames(context, itemIndex),
		accountKeyField: accountKeyField === '' ? null : soqlName(accountKeyField, 'Account Key Field'),
	};
}

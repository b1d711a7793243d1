import type { INodeProperties } from 'n8n-workflow';
import { DEFAULT_MAX_RETRIES } from '../../transport';
import { picker } from '../../../../shared/picker';
import { SINCE_1_1, VERSION_1, forVersion } from '../../../../shared/versions';
import type { OpportunityWording } from '../../../shared/opportunityFields';
import {
	leaseOption,
	maxRetriesOption,
	opportunityAmountOptions,
	opportunityOwnerFields,
	opportunitySubjectFields,
	ownerNotFoundOption,
	waitForRecordAlertOption,
} from '../../../shared/opportunityFields';

const show = { show: { system: ['salesforce'], operation: ['upsertOpportunity'] } };
/** The Opportunity fields the follow-up reads and writes, in both operations. */
const showFields = { show: { system: ['salesforce'], operation: ['upsertOpportunity', 'recordAlert'] } };

const wording: OpportunityWording = {
	record: 'opportunity',
	companyDomain: 'Finds the Account by this website, or creates it; empty (e.g. free mail) means an Account keyed by the account ID',
	companyName: 'Used when the Account or Lead is created; by default the enriched company name, else the account name the product sent; empty means the domain, else the account ID',
	contactEmail: 'Finds the Contact or open Lead with this address, or creates one; empty means no person',
	ownerEmail: 'The rep who owns new records, looked up among active Salesforce users by e-mail (PQL Route sets it). Used when Owner ID is empty.',
	ownerId: 'The Salesforce User ID of the rep (starts with 005), when known; takes precedence over Owner Email',
};

export const upsertOpportunityProperties: INodeProperties[] = [
	{
		displayName:
			'Needs the Opportunity fields <b>PQL_Idempotency_Key__c</b> (Text, Unique, External ID) and <b>PQL_Follow_Up__c</b> (Text 255) and, recommended, the Account field <b>PQL_Account_Key__c</b> (Text, Unique, External ID). See "Salesforce" in docs/nodes/crm.md.',
		name: 'salesforceFieldsNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
	...opportunitySubjectFields(show, wording),
	{
		displayName: 'Create Person As',
		name: 'personRecord',
		type: 'options',
		options: [
			{ name: 'Lead', value: 'lead', description: 'A new Lead (Company is the company name)' },
			{ name: 'Contact', value: 'contact', description: 'A new Contact on the Account' },
		],
		default: 'lead',
		description: 'What to create when no Contact or open Lead has the e-mail',
		displayOptions: show,
	},
	{
		displayName: 'Stage',
		name: 'stageName',
		type: 'string',
		default: 'Prospecting',
		description: 'API name of the Stage of a new opportunity (a value of your Opportunity Stage picklist)',
		displayOptions: forVersion(show, VERSION_1),
	},
	picker({
		displayName: 'Stage',
		name: 'stageName',
		searchListMethod: 'searchSalesforceStages',
		idPlaceholder: 'e.g. Prospecting',
		defaultId: 'Prospecting',
		description: 'Stage of a new opportunity: the API name of an active value of your Opportunity Stage picklist',
		displayOptions: forVersion(show, SINCE_1_1),
	}),
	picker({
		displayName: 'Record Type',
		name: 'recordTypeId',
		searchListMethod: 'searchSalesforceRecordTypes',
		idPlaceholder: 'e.g. 012000000000000AAA',
		description: 'Record type of a new opportunity; empty means the integration user\'s default',
		displayOptions: forVersion(show, SINCE_1_1),
	}),
	...opportunityOwnerFields(show, wording, { displayName: 'Opportunity Name', name: 'opportunityName' }, { searchListMethod: 'searchSalesforceUsers', idPlaceholder: 'e.g. 005000000000000AAA' }),
	{
		displayName: 'Opportunity Key Field',
		name: 'opportunityKeyField',
		type: 'string',
		default: 'PQL_Idempotency_Key__c',
		description: 'API name of the Opportunity External ID field (Text, Unique) that holds the idempotency key; the upsert by it makes one opportunity per key',
		displayOptions: showFields,
	},
	{
		displayName: 'Follow-Up Field',
		name: 'followUpField',
		type: 'string',
		default: 'PQL_Follow_Up__c',
		description: 'API name of an Opportunity text field (255 characters) where the node records the follow-up: which execution does it, and whether the Task and the Slack alert are done',
		displayOptions: showFields,
	},
	{
		displayName: 'Account Key Field',
		name: 'accountKeyField',
		type: 'string',
		default: 'PQL_Account_Key__c',
		description: 'API name of an Account External ID field (Text, Unique) holding the domain (or "account:" and the account ID without one), so racing executions create one Account. Empty: find by Website or name, then create (racing executions may create two).',
		displayOptions: show,
	},
	{
		displayName: 'Options',
		name: 'opportunityOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [
			...opportunityAmountOptions(wording, 'org'),
			{
				displayName: 'Create Task',
				name: 'writeTask',
				type: 'boolean',
				default: true,
				description: 'Whether the opportunity gets a Task with the usage story: added once per opportunity, by the execution that does its follow-up',
			},
			{
				displayName: 'First Name',
				name: 'firstName',
				type: 'string',
				default: '',
				description: 'First name of a new Lead or Contact',
			},
			leaseOption(wording),
			ownerNotFoundOption('Leave to the Integration User', 'What to do when no active Salesforce user has the Owner Email'),
			{
				displayName: 'Last Name',
				name: 'lastName',
				type: 'string',
				default: '',
				description: 'Last name of a new Lead or Contact (required by Salesforce); empty means the e-mail\'s local part',
			},
			maxRetriesOption(DEFAULT_MAX_RETRIES, 'How often a read or upsert that met a Salesforce server error is repeated (request-limit answers are never repeated)'),
			waitForRecordAlertOption(wording, 'Task'),
		],
	},
];

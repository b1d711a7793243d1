import type { INodeProperties } from 'n8n-workflow';
import { DEFAULT_MAX_RETRIES } from '../../transport';
import type { OpportunityWording } from '../../../shared/opportunityFields';
import { picker } from '../../../../shared/picker';
import { SINCE_1_1, VERSION_1, forVersion } from '../../../../shared/versions';
import { leaseOption, maxRetriesOption, opportunityAmountOptions, opportunityOwnerFields, opportunitySubjectFields, ownerNotFoundOption, waitForRecordAlertOption } from '../../../shared/opportunityFields';

const show = { show: { system: ['hubspot'], operation: ['upsertDeal'] } };

const wording: OpportunityWording = {
	record: 'deal',
	companyDomain: 'Finds or creates the company by this domain; empty (e.g. free mail) means a company keyed by the account ID',
	companyName: 'Used when the company is created; by default the enriched company name, else the account name the product sent; empty means the domain, else the account ID',
	contactEmail: 'Finds or creates the contact by this address; empty means the deal gets no contact',
	ownerEmail: 'The rep who owns a new deal, looked up among HubSpot owners by e-mail (PQL Route sets it). Used when Owner ID is empty.',
	ownerId: 'The HubSpot owner ID of the rep, when known (a number); takes precedence over Owner Email',
};

export const upsertDealProperties: INodeProperties[] = [
	{
		displayName:
			'Needs the unique deal property <b>pql_idempotency_key</b> and the unique company property <b>pql_company_key</b> (plus pql_account_id, pql_score, pql_grade, pql_reasons, pql_qualified_at, pql_follow_up). Run the "Create PQL Properties" operation once (again after an upgrade), or create them in HubSpot with "unique values" on.',
		name: 'propertiesNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
	...opportunitySubjectFields(show, wording),
	{
		displayName: 'Pipeline Name or ID',
		name: 'pipeline',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getDealPipelines' },
		default: 'default',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: forVersion(show, VERSION_1),
	},
	picker({
		displayName: 'Pipeline',
		name: 'pipeline',
		searchListMethod: 'searchHubSpotPipelines',
		idPlaceholder: 'e.g. default',
		defaultId: 'default',
		description: 'The deal pipeline of a new deal',
		displayOptions: forVersion(show, SINCE_1_1),
	}),
	{
		displayName: 'Stage Name or ID',
		name: 'dealStage',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getDealStages', loadOptionsDependsOn: ['pipeline'] },
		default: 'appointmentscheduled',
		description: 'Stage of a new deal. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: forVersion(show, VERSION_1),
	},
	picker({
		displayName: 'Stage',
		name: 'dealStage',
		searchListMethod: 'searchHubSpotStages',
		idPlaceholder: 'e.g. appointmentscheduled',
		defaultId: 'appointmentscheduled',
		description: 'Stage of a new deal, in the chosen pipeline',
		displayOptions: forVersion(show, SINCE_1_1),
	}),
	...opportunityOwnerFields(show, wording, { displayName: 'Deal Name', name: 'dealName' }, { searchListMethod: 'searchHubSpotOwners', idPlaceholder: 'e.g. 12345678' }),
	{
		displayName: 'Options',
		name: 'dealOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [
			...opportunityAmountOptions(wording, 'account'),
			{
				displayName: 'Contact First Name',
				name: 'firstName',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Contact Last Name',
				name: 'lastName',
				type: 'string',
				default: '',
			},
			leaseOption(wording),
			ownerNotFoundOption('Leave Unassigned', 'What to do when no HubSpot owner has the Owner Email'),
			maxRetriesOption(DEFAULT_MAX_RETRIES, 'How often a call refused by a rate limit or a server error is repeated'),
			waitForRecordAlertOption(wording, 'usage note'),
			{
				displayName: 'Write Usage Note',
				name: 'writeNote',
				type: 'boolean',
				default: true,
				description: 'Whether the deal gets a note with the usage story: written once per deal, by the execution that does its follow-up',
			},
		],
	},
];

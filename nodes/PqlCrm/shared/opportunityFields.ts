import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { DEFAULT_DEAL_NAME_TEMPLATE } from '../../../core/crm';
import { picker } from '../../shared/picker';
import { SINCE_1_1, VERSION_1, forVersion } from '../../shared/versions';
import { DEFAULT_LEASE_SECONDS } from './opportunityInput';

/** What each CRM calls the record and how it finds or creates the company, the person and the owner. */
export interface OpportunityWording {
	/** The record the operation creates: "deal", "opportunity". */
	record: string;
	companyDomain: string;
	companyName: string;
	contactEmail: string;
	ownerEmail: string;
	ownerId: string;
}

/** Account, qualification day, company and contact: the inputs that make the idempotency key and the related records. */
export const opportunitySubjectFields = (displayOptions: IDisplayOptions, wording: OpportunityWording): INodeProperties[] => [
	{
		displayName: 'Account ID',
		name: 'accountId',
		type: 'string',
		required: true,
		default: '={{ $json.accountId }}',
		description: `The product account (group) key; with the qualification day it makes the ${wording.record}'s idempotency key`,
		displayOptions,
	},
	{
		displayName: 'Qualified Since',
		name: 'qualifiedSince',
		type: 'string',
		required: true,
		default: '={{ $json.pql?.qualifiedSince }}',
		description: `When the account became qualified (ISO 8601). One ${wording.record} is created per account and qualification day.`,
		displayOptions,
	},
	{
		displayName: 'Company Domain',
		name: 'companyDomain',
		type: 'string',
		default: '={{ $json.company?.domain ?? "" }}',
		placeholder: 'acme.com',
		description: wording.companyDomain,
		displayOptions,
	},
	{
		displayName: 'Company Name',
		name: 'companyName',
		type: 'string',
		// Enrichment's name first, then the name the product sent for the scored account.
		default: '={{ $json.company?.name || $json.pql?.entity?.name || "" }}',
		description: wording.companyName,
		displayOptions,
	},
	{
		displayName: 'Contact Email',
		name: 'contactEmail',
		type: 'string',
		placeholder: 'name@email.com',
		default: '={{ $json.email ?? "" }}',
		description: wording.contactEmail,
		displayOptions,
	},
];

/** Where the node lists the CRM's users for the Owner picker (version 1.1). */
export interface OwnerPicker {
	searchListMethod: string;
	idPlaceholder: string;
}

const OWNER_FROM_ROUTING = '={{ $json.routing?.owner?.crmOwnerId ?? "" }}';

/**
 * The rep (as PQL Route sets it) and the name template of a new record; `nameField` keeps each CRM's
 * parameter name. Owner ID is text in version 1 and a picker from 1.1, By ID by default so that
 * routing's owner still comes through.
 */
export const opportunityOwnerFields = (
	displayOptions: IDisplayOptions,
	wording: OpportunityWording,
	nameField: Pick<INodeProperties, 'displayName' | 'name'>,
	ownerPicker: OwnerPicker,
): INodeProperties[] => [
	{
		displayName: 'Owner Email',
		name: 'ownerEmail',
		type: 'string',
		placeholder: 'name@email.com',
		default: '={{ $json.routing?.owner?.email ?? "" }}',
		description: wording.ownerEmail,
		displayOptions,
	},
	{
		displayName: 'Owner ID',
		name: 'ownerId',
		type: 'string',
		default: OWNER_FROM_ROUTING,
		description: wording.ownerId,
		displayOptions: forVersion(displayOptions, VERSION_1),
	},
	picker({
		displayName: 'Owner',
		name: 'ownerId',
		...ownerPicker,
		defaultId: OWNER_FROM_ROUTING,
		description: wording.ownerId,
		displayOptions: forVersion(displayOptions, SINCE_1_1),
	}),
	{
		...nameField,
		type: 'string',
		default: DEFAULT_DEAL_NAME_TEMPLATE,
		description: `Name of a new ${wording.record}. Placeholders: {company}, {domain}, {account}, {email}, {score}, {grade}, {date} (qualification day).`,
		displayOptions,
	},
];

/** Amount and close date of a new record, sorted among each CRM's other options by the caller. */
export const opportunityAmountOptions = (wording: OpportunityWording, currencyOwner: string): INodeProperties[] => [
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: `Amount of a new ${wording.record}, in the ${currencyOwner}'s currency`,
	},
	{
		displayName: 'Close Date After (Days)',
		name: 'closeDateDays',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 30,
		description: `Close date of a new ${wording.record}: this many days after the qualification day`,
	},
];

/** What to do when Owner Email matches no CRM user; `unassignedName` says who then owns the record. */
export const ownerNotFoundOption = (unassignedName: string, description: string): INodeProperties => {
	const choices: INodePropertyOptions[] = [
		{ name: unassignedName, value: 'unassigned' },
		{ name: 'Fail the Item', value: 'fail' },
	];
	return {
		displayName: 'If Owner Not Found',
		name: 'ownerNotFound',
		type: 'options',
		options: choices,
		default: 'unassigned',
		description,
	};
};

/** Each CRM's transport sets the default and says which failures it repeats. */
export const maxRetriesOption = (defaultRetries: number, description: string): INodeProperties => ({
	displayName: 'Max Retries',
	name: 'maxRetries',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 10 },
	default: defaultRetries,
	description,
});

/** Whether Record Alert completes the follow-up (note or Task, then the alert). */
export const waitForRecordAlertOption = (wording: OpportunityWording, story: string): INodeProperties => ({
	displayName: 'Wait for Record Alert',
	name: 'waitForRecordAlert',
	type: 'boolean',
	default: true,
	description: `Whether the ${wording.record}'s follow-up is complete only once this node's Record Alert operation, after PQL Alert, writes that the Slack alert went out — so a failed alert is sent by the next execution. Off: complete once the ${story} is written, for workflows without an alert.`,
});

/** How long the execution doing a follow-up keeps others away. */
export const leaseOption = (wording: OpportunityWording): INodeProperties => ({
	displayName: 'Follow-Up Lease (Seconds)',
	name: 'leaseSeconds',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: DEFAULT_LEASE_SECONDS,
	description: `How long the execution doing a ${wording.record}'s follow-up keeps others away. If it dies, another execution takes over after this long; keep it above the time from this node to Record Alert.`,
});

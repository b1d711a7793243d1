import type { INodeProperties } from 'n8n-workflow';
import { FIELD_HINT, OPERATOR_OPTIONS } from './conditions';

const KEEP_OWNER = { show: { keepExistingOwner: [true] } };

export const ruleProperties: INodeProperties[] = [
	{
		displayName: 'Keep Existing Owner',
		name: 'keepExistingOwner',
		type: 'boolean',
		default: true,
		description: 'Whether an account that already has an owner (e.g. looked up in the CRM) stays with them. Checked before the rules below.',
	},
	{
		displayName: 'Owner Fields',
		name: 'ownerFields',
		type: 'string',
		default: 'crm.ownerId, company.ownerId',
		description: 'Fields that hold the current owner\'s CRM owner ID or e-mail, separated by commas; the first one with a value counts',
		displayOptions: KEEP_OWNER,
	},
	{
		displayName: 'Reassign When',
		name: 'reassignWhen',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Case',
		default: {},
		description: 'Named cases in which the existing owner is not kept, e.g. the owner is an integration user',
		displayOptions: KEEP_OWNER,
		options: [
			{
				name: 'case',
				displayName: 'Case',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Owned by the integration user' },
					{ displayName: 'Field', name: 'field', type: 'string', default: '', placeholder: 'e.g. crm.ownerId', description: FIELD_HINT },
					{ displayName: 'Condition', name: 'operator', type: 'options', options: OPERATOR_OPTIONS, default: 'in' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'e.g. 12345, 67890' },
				],
			},
		],
	},
	{
		displayName: 'Rules',
		name: 'rules',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Rule',
		default: {},
		description: 'Territory and segment rules, tried from the top: the first that matches and has an available rep wins',
		options: [
			{
				name: 'rule',
				displayName: 'Rule',
				values: [
					{
						displayName: 'Assign To',
						name: 'assignTo',
						type: 'string',
						default: '',
						placeholder: 'e.g. Ana Lopez or Mid-market AEs',
						description: 'A rep\'s name or e-mail, or a pool\'s name',
					},
					{ displayName: 'Condition', name: 'operator', type: 'options', options: OPERATOR_OPTIONS, default: 'equals' },
					{ displayName: 'Field', name: 'field', type: 'string', default: '', placeholder: 'e.g. company.countryCode', description: FIELD_HINT },
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. DACH enterprise' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'e.g. DE, AT, CH' },
				],
			},
		],
	},
	{
		displayName: 'Fallback Queue Name',
		name: 'fallbackName',
		type: 'string',
		default: 'Unassigned',
		description: 'Gets every account no rule assigned, e.g. a shared inbox or a CRM queue',
	},
	{
		displayName: 'Fallback Queue Details',
		name: 'fallback',
		type: 'collection',
		placeholder: 'Add Detail',
		default: {},
		options: [
			{ displayName: 'CRM Owner ID', name: 'crmOwnerId', type: 'string', default: '', description: 'The CRM user or queue that owns unassigned accounts' },
			{ displayName: 'E-Mail', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
			{ displayName: 'Slack User ID', name: 'slackId', type: 'string', default: '' },
			{ displayName: 'Time Zone', name: 'timeZone', type: 'string', default: '', placeholder: 'e.g. Europe/London' },
		],
	},
];

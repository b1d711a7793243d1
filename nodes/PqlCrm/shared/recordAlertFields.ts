import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** What Record Alert reads from the item PQL Alert passed on: the record, the claim, whether the alert went out. */
export const recordAlertFields = (displayOptions: IDisplayOptions, record: string): INodeProperties[] => [
	{
		displayName: `Run after PQL Alert, on the items of this node's "Create or Update" operation: it writes on the ${record} that the owner was alerted, which completes the follow-up, so no later execution alerts again. Save the account's qualified state after this step.`,
		name: 'recordAlertNotice',
		type: 'notice',
		default: '',
		displayOptions,
	},
	{
		displayName: 'Record Key',
		name: 'recordKey',
		type: 'string',
		required: true,
		default: '={{ $json.crm?.idempotencyKey }}',
		description: `The ${record}'s PQL key, as the Create or Update operation gave it ("crm.idempotencyKey")`,
		displayOptions,
	},
	{
		displayName: 'Claim',
		name: 'claim',
		type: 'string',
		default: '={{ $json.crm?.followUp?.claim ?? "" }}',
		description: 'The follow-up claim this execution holds ("crm.followUp.claim"); it is released here',
		displayOptions,
	},
	{
		displayName: 'Alert Sent At',
		name: 'alertSentAt',
		type: 'string',
		default: '={{ $json.alert?.sentAt ?? "" }}',
		description: 'When PQL Alert posted the alert ("alert.sentAt"). Empty (the alert was skipped): only the claim is released, so the next execution finds the alert still due.',
		displayOptions,
	},
];

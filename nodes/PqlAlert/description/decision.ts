import type { INodeProperties } from 'n8n-workflow';

export const decisionProperties: INodeProperties[] = [
	{
		displayName: 'Alert When',
		name: 'alertWhen',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Always', value: 'always', description: 'Every item that has a score, e.g. for a digest of all scores' },
			{
				name: 'Newly Qualified',
				value: 'newlyQualified',
				description: 'When PQL Score says the lead just became qualified ("pql.newlyQualified")',
			},
			{ name: 'Qualified', value: 'qualified', description: 'Every qualified, not disqualified lead (use with the throttle)' },
			{
				name: 'The CRM Step Created the Opportunity',
				value: 'crmCreated',
				description: 'Only when "crm.status" is "created": the one execution that created the deal or opportunity (an alert lost in a failure is not sent again)',
			},
			{
				name: 'The CRM Step Says the Alert Is Due',
				value: 'crmAlertDue',
				description:
					'When "crm.followUp.status" is "alertDue": the execution that owns the account\'s CRM follow-up alerts, and a failed alert is sent again by the next one until PQL CRM\'s Record Alert writes that it went out. Recommended.',
			},
		],
		default: 'crmCreated',
	},
	{
		displayName: 'Throttle Window (Hours)',
		name: 'throttleHours',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 24,
		description: 'No second alert for the same user or account within this many hours of "Last Alerted At"; 0 turns it off',
	},
	{
		displayName: 'Last Alerted At',
		name: 'lastAlertedAt',
		type: 'string',
		default: '={{ $json.lastAlertedAt }}',
		description:
			'When this lead was last alerted. The node keeps no memory: store "alert.sentAt" per entity (e.g. a Data Table upsert after this node) and read it back before (a Data Table get), or map a CRM field here.',
	},
];

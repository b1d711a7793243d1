import type { INodeProperties } from 'n8n-workflow';

export const decisionProperties: INodeProperties[] = [
	{
		displayName: 'Alert When',
		name: 'alertWhen',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'The CRM Step Created the Opportunity',
				value: 'crmCreated',
				description: 'Only when "crm.status" is "created": the CRM makes that happen once per account, so each lead alerts once',
			},
			{
				name: 'Newly Qualified',
				value: 'newlyQualified',
				description: 'When PQL Score says the lead just became qualified ("pql.newlyQualified")',
			},
			{ name: 'Qualified', value: 'qualified', description: 'Every qualified, not disqualified lead (use with the throttle)' },
			{ name: 'Always', value: 'always', description: 'Every item that has a score, e.g. for a digest of all scores' },
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

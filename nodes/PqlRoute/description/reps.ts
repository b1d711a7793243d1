import type { INodeProperties } from 'n8n-workflow';

export const repProperties: INodeProperties[] = [
	{
		displayName: 'Reps',
		name: 'reps',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Rep',
		default: {},
		description: 'The people who can own an account. Rules and pools name them by name or e-mail.',
		options: [
			{
				name: 'rep',
				displayName: 'Rep',
				values: [
					{
						displayName: 'CRM Owner ID',
						name: 'crmOwnerId',
						type: 'string',
						default: '',
						description: 'The rep\'s HubSpot owner ID or Salesforce user ID; an existing owner with this ID is recognised as this rep',
					},
					{
						displayName: 'E-Mail',
						name: 'email',
						type: 'string',
						placeholder: 'name@email.com',
						default: '',
						description: 'Identifies the rep in pools: changing it moves the rep\'s pool accounts to someone else',
					},
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. Ana Lopez',
					},
					{
						displayName: 'Slack User ID',
						name: 'slackId',
						type: 'string',
						default: '',
						placeholder: 'e.g. U012AB3CD',
					},
					{
						displayName: 'Status',
						name: 'status',
						type: 'options',
						options: [
							{ name: 'Available', value: 'available' },
							{ name: 'Out of Office', value: 'outOfOffice', description: 'Gets no new accounts until back; pools share theirs among the others' },
							{ name: 'Inactive', value: 'inactive', description: 'Left the team or paused: gets no accounts' },
						],
						default: 'available',
					},
					{
						displayName: 'Time Zone',
						name: 'timeZone',
						type: 'string',
						default: '',
						placeholder: 'e.g. Europe/Berlin',
						description: 'Business hours for the rep\'s SLA are counted here; empty uses the default time zone',
					},
					{
						displayName: 'Weight',
						name: 'weight',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 2 },
						default: 1,
						description: 'Share of a pool\'s accounts: a rep with 2 gets twice as many as a rep with 1; 0 takes none',
					},
				],
			},
		],
	},
	{
		displayName: 'Pools',
		name: 'pools',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Pool',
		default: {},
		description: 'Teams that share accounts by weight. The same account always goes to the same rep, on every run and every worker, without a counter.',
		options: [
			{
				name: 'pool',
				displayName: 'Pool',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. Mid-market AEs',
					},
					{
						displayName: 'Members',
						name: 'members',
						type: 'string',
						default: '',
						placeholder: 'e.g. Ana Lopez, ben@example.com',
						description: 'Names or e-mails of reps from "Reps", separated by commas',
					},
				],
			},
		],
	},
	{
		displayName: 'Routing Key',
		name: 'routingKey',
		type: 'string',
		default: '',
		placeholder: 'e.g. company.domain',
		description: 'The field pools split accounts by. Empty: the account PQL Score scored, else the item\'s account, else its e-mail\'s domain.',
	},
];

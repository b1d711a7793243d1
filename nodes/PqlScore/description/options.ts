import type { INodeProperties } from 'n8n-workflow';
import { SINCE_1_1 } from '../../shared/versions';

export const optionProperties: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Active User Within (Days)',
				name: 'activeUserDays',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 30,
				description: 'A member seen within this many days counts as an active user of the account',
			},
			{
				displayName: 'Core Feature Signal Name',
				name: 'coreUseSignal',
				type: 'string',
				default: 'Core feature used',
				description: 'The signal that counts uses of the product\'s core feature, for "Disqualify Below Core Feature Uses per Member"',
				displayOptions: { show: SINCE_1_1 },
			},
			{
				displayName: 'Invites Signal Name',
				name: 'invitesSignal',
				type: 'string',
				default: 'Teammate invited',
				description: 'The signal whose account-wide total is reported as teammates invited',
			},
			{
				displayName: 'Now',
				name: 'now',
				type: 'dateTime',
				default: '',
				description: 'Score as if it were this time, e.g. for a backtest; empty means when the workflow runs',
			},
			{
				displayName: 'Time Zone for Active Days',
				name: 'timeZone',
				type: 'string',
				default: 'UTC',
				placeholder: 'e.g. Europe/Berlin',
				description: 'Calendar days for "Active Days" are counted in this zone',
			},
		],
	},
];

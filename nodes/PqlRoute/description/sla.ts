import type { INodeProperties } from 'n8n-workflow';

const BUSINESS_HOURS = { show: { businessHoursOnly: [true] } };

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

export const slaProperties: INodeProperties[] = [
	{
		displayName: 'Respond Within (Minutes)',
		name: 'slaMinutes',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 60,
		description: 'The owner\'s response SLA, stamped as routing.slaDueAt; 0 for none',
	},
	{
		displayName: 'Count Business Hours Only',
		name: 'businessHoursOnly',
		type: 'boolean',
		default: true,
		description: 'Whether the SLA clock runs only during business hours, in the owner\'s time zone',
	},
	{
		displayName: 'Business Days',
		name: 'businessDays',
		type: 'multiOptions',
		options: WEEKDAYS.map((day) => ({ name: day.charAt(0).toUpperCase() + day.slice(1), value: day })),
		default: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
		displayOptions: BUSINESS_HOURS,
	},
	{
		displayName: 'Business Hours Start',
		name: 'businessHoursStart',
		type: 'string',
		default: '09:00',
		placeholder: 'HH:mm',
		displayOptions: BUSINESS_HOURS,
	},
	{
		displayName: 'Business Hours End',
		name: 'businessHoursEnd',
		type: 'string',
		default: '17:00',
		placeholder: 'HH:mm',
		displayOptions: BUSINESS_HOURS,
	},
	{
		displayName: 'Default Time Zone',
		name: 'defaultTimeZone',
		type: 'string',
		default: '',
		placeholder: 'e.g. America/New_York',
		description: 'For owners without a time zone; empty uses the workflow\'s time zone',
	},
];

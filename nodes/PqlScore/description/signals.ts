import type { INodeProperties } from 'n8n-workflow';
import { DEFAULT_SIGNAL_ROWS } from '../settings/signalRows';
import { BUILT_IN_SIGNALS, CATEGORY_OPTIONS, OPERATOR_OPTIONS } from './shared';

const EVENTS = { show: { measuredBy: ['events'] } };
const POINTS = { show: { '/model': ['weighted'] } };
const POINTS_ON_CONDITION = { show: { '/model': ['weighted'], award: ['condition'] } };

export const signalProperties: INodeProperties[] = [
	{
		displayName: 'Signals',
		name: 'signals',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Signal',
		default: { signal: DEFAULT_SIGNAL_ROWS },
		description: 'What to measure for each user and account, and (for weighted points) what it is worth',
		hint: 'Rules refer to a signal by its name',
		displayOptions: BUILT_IN_SIGNALS,
		options: [
			{
				name: 'signal',
				displayName: 'Signal',
				values: [
					{
						displayName: 'Category',
						name: 'category',
						type: 'options',
						options: CATEGORY_OPTIONS,
						default: 'usage',
					},
					{
						displayName: 'Condition',
						name: 'whenOperator',
						type: 'options',
						options: OPERATOR_OPTIONS,
						default: 'exists',
						description: 'When the measured value earns the points',
						displayOptions: POINTS_ON_CONDITION,
					},
					{
						displayName: 'Condition Value',
						name: 'whenValue',
						type: 'string',
						default: '',
						displayOptions: POINTS_ON_CONDITION,
					},
					{
						displayName: 'Event Names',
						name: 'eventNames',
						type: 'string',
						default: '',
						placeholder: 'e.g. teammate_invited, Invite Sent',
						description: 'Comma-separated, matched exactly; * matches every event',
						displayOptions: EVENTS,
					},
					{
						displayName: 'Field',
						name: 'fieldPath',
						type: 'string',
						default: '',
						placeholder: 'e.g. company.sizeBand',
						description: 'Dot-separated path of the field in the item',
						displayOptions: { show: { measuredBy: ['field'] } },
					},
					{
						displayName: 'Give Points',
						name: 'award',
						type: 'options',
						options: [
							{ name: 'Once, When the Condition Holds', value: 'condition' },
							{ name: 'For Each Time (or Day, or Unit)', value: 'occurrence' },
						],
						default: 'condition',
						displayOptions: POINTS,
					},
					{
						displayName: 'In the Last (Days)',
						name: 'windowDays',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 0,
						description:
							'Only events at most this many days old count (an event exactly that old counts); 0 means all time',
						displayOptions: EVENTS,
					},
					{
						displayName: 'Measure',
						name: 'aggregation',
						type: 'options',
						options: [
							{ name: 'Active Days', value: 'distinctDays', description: 'Number of distinct days with a matching event' },
							{ name: 'Days Since Last Seen', value: 'daysSinceLastSeen' },
							{ name: 'Happened', value: 'exists', description: '1 if a matching event happened, else 0' },
							{ name: 'Highest Value of a Property', value: 'max' },
							{ name: 'Number of Times', value: 'count' },
							{ name: 'Sum of a Property', value: 'sum' },
						],
						default: 'count',
						displayOptions: EVENTS,
					},
					{
						displayName: 'Measured By',
						name: 'measuredBy',
						type: 'options',
						options: [
							{ name: 'Events', value: 'events', description: 'Events with one of the given names' },
							{ name: 'Item Field', value: 'field', description: 'A field of the item, e.g. profile or enrichment data' },
						],
						default: 'events',
					},
					{
						displayName: 'Most Points',
						name: 'cap',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 0,
						description: 'Cap on the points this signal gives; 0 means no cap',
						displayOptions: POINTS,
					},
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. Teammate invited',
					},
					{
						displayName: 'Only When Property',
						name: 'propertyName',
						type: 'string',
						default: '',
						placeholder: 'e.g. plan',
						description:
							'Count only events whose property (in properties) meets the condition below; empty counts all',
						displayOptions: EVENTS,
					},
					{
						displayName: 'Points',
						name: 'points',
						type: 'number',
						default: 0,
						description: 'Points this signal gives; negative for a sign of a poor lead; 0 only measures it',
						displayOptions: POINTS,
					},
					{
						displayName: 'Property Condition',
						name: 'propertyOperator',
						type: 'options',
						options: OPERATOR_OPTIONS,
						default: 'exists',
						displayOptions: EVENTS,
					},
					{
						displayName: 'Property to Add Up or Compare',
						name: 'property',
						type: 'string',
						default: '',
						placeholder: 'e.g. rows',
						displayOptions: { show: { measuredBy: ['events'], aggregation: ['sum', 'max'] } },
					},
					{
						displayName: 'Property Value',
						name: 'propertyValue',
						type: 'string',
						default: '',
						displayOptions: EVENTS,
					},
					{
						displayName: 'Reason Text',
						name: 'detail',
						type: 'string',
						default: '',
						placeholder: 'e.g. Invited {value} teammate{s}',
						description: 'How the reason reads; {value} is the measured value, {s} adds an "s" unless it is 1',
					},
				],
			},
		],
	},
];

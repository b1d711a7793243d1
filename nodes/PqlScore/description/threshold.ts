import type { INodeProperties } from 'n8n-workflow';
import { TEXTBOOK_SIGNALS, TEXTBOOK_THRESHOLD_MODEL } from '../../../core/scoring';
import { conditionText } from '../settings/rowValues';
import { OPERATOR_OPTIONS, THRESHOLD } from './shared';

const labelOf = (key: string): string => TEXTBOOK_SIGNALS.find((signal) => signal.key === key)?.label ?? key;

export const thresholdProperties: INodeProperties[] = [
	{
		displayName: 'A PQL Meets',
		name: 'combine',
		type: 'options',
		options: [
			{ name: 'All Rules', value: 'all' },
			{ name: 'Any Rule', value: 'any' },
		],
		default: 'all',
		displayOptions: THRESHOLD,
	},
	{
		displayName: 'Rules',
		name: 'rules',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Rule',
		default: {
			rule: TEXTBOOK_THRESHOLD_MODEL.rules.map((rule) => ({
				signal: labelOf(rule.signal),
				operator: rule.operator,
				value: conditionText(rule),
			})),
		},
		description: 'Conditions on signals; the score is the share of rules met',
		displayOptions: THRESHOLD,
		options: [
			{
				name: 'rule',
				displayName: 'Rule',
				values: [
					{
						displayName: 'Signal Name',
						name: 'signal',
						type: 'string',
						default: '',
						placeholder: 'e.g. Core feature used',
						description: 'The name of a signal in Signals',
					},
					{ displayName: 'Condition', name: 'operator', type: 'options', options: OPERATOR_OPTIONS, default: 'gte' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'e.g. 5' },
				],
			},
		],
	},
];

import type { INodeProperties } from 'n8n-workflow';
import { OPERATOR_OPTIONS } from './shared';
import { SINCE_1_1, VERSION_1 } from '../../shared/versions';

const FREE_MAIL_ONLY_DESCRIPTION =
	'Whether users with a free e-mail address (gmail.com and the like), and accounts made only of such users, are never PQLs';

export const antiPqlProperties: INodeProperties[] = [
	{
		displayName: 'Disqualify After Inactive Days',
		name: 'inactiveDays',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 30,
		description: 'Not a PQL, whatever the score, after more than this many days without activity; 0 turns this off',
	},
	// Version 1 keeps its defaults (saved workflows store only what differs from them); 1.1 turns these rules on.
	{
		displayName: 'Disqualify Free-Mail-Only',
		name: 'freeMailOnly',
		type: 'boolean',
		default: false,
		description: FREE_MAIL_ONLY_DESCRIPTION,
		displayOptions: { show: VERSION_1 },
	},
	{
		displayName: 'Disqualify Free-Mail-Only',
		name: 'freeMailOnly',
		type: 'boolean',
		default: true,
		description: FREE_MAIL_ONLY_DESCRIPTION,
		displayOptions: { show: SINCE_1_1 },
	},
	{
		displayName: 'Disqualify Single Users Without a Team',
		name: 'singleUser',
		type: 'boolean',
		default: true,
		description:
			'Whether an account of one person who has invited no teammate is never a PQL, however much they use the product. A user scored on their own counts as one person only when they have no account ID.',
		displayOptions: { show: SINCE_1_1 },
	},
	{
		displayName: 'Disqualify Below Core Feature Uses per Member',
		name: 'minCoreUses',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 5,
		description:
			'Not a PQL, whatever the score, when its members used the core feature fewer times than this each, on average (counted by the signal named in Options → Core Feature Signal Name, in its window). Signing up, inviting and looking at pricing are not using the product. The default, 5, follows the usual PQL definition (core feature used 5+ times); 0 turns this off. Skipped when no signal has that name.',
		displayOptions: { show: SINCE_1_1 },
	},
	{
		displayName: 'Disqualify When',
		name: 'disqualifyWhen',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Disqualifying Rule',
		default: {},
		description: 'Rules that make an entity "not a PQL" whatever its score, each with its reason',
		options: [
			{
				name: 'domainList',
				displayName: 'E-Mail Domain Is Listed',
				values: [
					{
						displayName: 'List',
						name: 'list',
						type: 'options',
						options: [
							{ name: 'Competitor', value: 'competitor' },
							{ name: 'Internal', value: 'internal' },
							{ name: 'Test', value: 'test' },
						],
						default: 'internal',
					},
					{
						displayName: 'Domains',
						name: 'domains',
						type: 'string',
						default: '',
						placeholder: 'e.g. ourcompany.com, example.com',
						description: 'Comma-separated; subdomains count too. An account is listed when all its members are.',
					},
				],
			},
			{
				name: 'condition',
				displayName: 'Field Condition',
				values: [
					{ displayName: 'Name', name: 'label', type: 'string', default: '', placeholder: 'e.g. Student' },
					{ displayName: 'Field', name: 'path', type: 'string', default: '', placeholder: 'e.g. traits.role' },
					{ displayName: 'Condition', name: 'operator', type: 'options', options: OPERATOR_OPTIONS, default: 'eq' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'e.g. student' },
				],
			},
		],
	},
];

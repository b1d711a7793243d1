import type { INodeProperties } from 'n8n-workflow';
import { ITEM_INPUTS } from './shared';
import { SINCE_1_1, VERSION_1 } from '../../shared/versions';

export const transitionProperties: INodeProperties[] = [
	{
		displayName: 'Previous State',
		name: 'previousState',
		type: 'json',
		default: '={{ $json.previousPql }}',
		description: 'The entity\'s last "pql" output (score, qualifiedSince, lastQualifiedAt), e.g. joined from a Data Table row; empty for none',
		hint: 'Lets the node tell "newly qualified" from "still qualified"',
		displayOptions: { show: { ...ITEM_INPUTS, ...VERSION_1 } },
	},
	{
		displayName: 'Previous State Field',
		name: 'previousStateField',
		type: 'string',
		default: 'pqlState',
		placeholder: 'e.g. pqlState or previous.pql',
		description:
			'The item field holding the entity\'s stored state (a "pql.state" output, as an object or JSON text), e.g. a Data Table column; a missing field means no previous state',
		hint: 'Lets the node tell "newly qualified" from "still qualified". History rows bring their own state.',
		displayOptions: { show: { ...ITEM_INPUTS, ...SINCE_1_1 } },
	},
	{
		displayName: 'Re-Qualification Cool-Down (Days)',
		name: 'coolDownDays',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 30,
		description: 'Qualifying again within this many days of last being qualified is not reported as newly qualified',
	},
];

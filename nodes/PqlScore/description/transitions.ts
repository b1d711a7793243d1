import type { INodeProperties } from 'n8n-workflow';

export const transitionProperties: INodeProperties[] = [
	{
		displayName: 'Previous State',
		name: 'previousState',
		type: 'json',
		default: '={{ $json.previousPql }}',
		description: 'The entity\'s last "pql" output (score, qualifiedSince, lastQualifiedAt), e.g. joined from a Data Table row; empty for none',
		hint: 'Lets the node tell "newly qualified" from "still qualified"',
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

import type { INodeProperties } from 'n8n-workflow';
import { DEFAULT_GRADES } from '../../../core/scoring';

export const gradeProperties: INodeProperties[] = [
	{
		displayName: 'Grades',
		name: 'grades',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Grade',
		default: { band: DEFAULT_GRADES.map(({ name, minScore }) => ({ name, minScore })) },
		description: 'Names for score bands; a score gets the band with the highest minimum it reaches',
		options: [
			{
				name: 'band',
				displayName: 'Grade',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. A' },
					{
						displayName: 'From Score',
						name: 'minScore',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 100 },
						default: 0,
					},
				],
			},
		],
	},
];

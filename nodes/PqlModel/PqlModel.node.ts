import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { learnPql } from '../../core/model';
import { inputProperties } from './description/input';
import { learningProperties } from './description/learning';
import { optionProperties } from './description/options';
import { metricsItem, modelItems, reportItem } from './execute/outputs';
import { readPopulation } from './execute/population';
import { learnOptions } from './execute/settings';
import { failEveryItem } from '../shared/run';

export class PqlModel implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PQL Model',
		name: 'pqlModel',
		icon: { light: 'file:pqlModel.svg', dark: 'file:pqlModel.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: 'Learn from who converted',
		description: 'Learn a PQL definition from who converted: signal lift, suggested rules, points and a predictive model, with a cross-validated report',
		defaults: { name: 'PQL Model' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Models', 'Metrics', 'Report'],
		properties: [...inputProperties, ...learningProperties, ...optionProperties],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		// Every output is learned from all input items.
		const paired = items.map((_, item) => ({ item }));
		try {
			const { entities, signals } = readPopulation(this, items);
			const learned = learnPql(entities, signals, learnOptions(this));
			return [modelItems(learned, paired), [metricsItem(learned, paired)], [await reportItem(this, learned, paired)]];
		} catch (error) {
			// Every model is learned from every item, so whatever stops learning fails each of them.
			return [failEveryItem(this, error), [], []];
		}
	}
}

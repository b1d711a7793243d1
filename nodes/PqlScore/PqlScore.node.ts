import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { scorePql } from '../../core/scoring';
import { antiPqlProperties } from './description/antiPql';
import { fitRuleProperties } from './description/fitRules';
import { gradeProperties } from './description/grades';
import { inputProperties } from './description/input';
import { modelProperties } from './description/model';
import { optionProperties } from './description/options';
import { outputProperties } from './description/output';
import { signalProperties } from './description/signals';
import { thresholdProperties } from './description/threshold';
import { transitionProperties } from './description/transitions';
import { toNodeError } from './execute/nodeError';
import { readUsers } from './execute/readUsers';
import { perEntity, perItem } from './execute/shapeOutput';
import { readNow, readSettings } from './settings/readSettings';

export class PqlScore implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PQL Score',
		name: 'pqlScore',
		icon: { light: 'file:pqlScore.svg', dark: 'file:pqlScore.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ { weighted: "Weighted points", threshold: "Rules", predictive: "Predictive" }[$parameter["model"]] }}',
		description: 'Score product-qualified leads per user and account, with grade, reasons and anti-PQL rules',
		defaults: { name: 'PQL Score' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			...inputProperties,
			...modelProperties,
			...signalProperties,
			...fitRuleProperties,
			...thresholdProperties,
			...antiPqlProperties,
			...gradeProperties,
			...transitionProperties,
			...outputProperties,
			...optionProperties,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		try {
			const config = readSettings(this);
			const now = readNow(this);
			const { users, failures, failedItems } = readUsers(this, items);
			const scored = scorePql(users, config, now);
			const output =
				this.getNodeParameter('outputMode', 0) === 'perItem'
					? perItem(items, scored, config.level, failedItems)
					: perEntity(items, scored);
			return [[...output, ...failures]];
		} catch (error) {
			// Settings apply to every item, so a settings error fails each of them.
			const nodeError = toNodeError(this.getNode(), error, 0);
			if (!this.continueOnFail()) throw nodeError;
			return [items.map((_, index) => ({ json: { error: nodeError.message }, pairedItem: { item: index } }))];
		}
	}
}

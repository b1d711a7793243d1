import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, updateDisplayOptions } from 'n8n-workflow';
import { antiPqlProperties } from './description/antiPql';
import { fitRuleProperties } from './description/fitRules';
import { gradeProperties } from './description/grades';
import { historyProperties } from './description/history';
import { inputProperties } from './description/input';
import { modelProperties } from './description/model';
import { optionProperties } from './description/options';
import { outputProperties } from './description/output';
import { SCORE } from './description/shared';
import { signalProperties } from './description/signals';
import { thresholdProperties } from './description/threshold';
import { transitionProperties } from './description/transitions';
import { failEveryItem } from '../shared/run';
import { groupAccounts } from './execute/groupAccounts';
import { prepareRows } from './execute/prepareRows';
import { scoreHistoryRows } from './execute/scoreHistoryRows';
import { scoreItems } from './execute/scoreItems';

/** History rows give the scores and, on a second output, the summaries to store. */
const OUTPUTS = `={{ $parameter.operation === "score" && $parameter.inputMode === "historyRows" ? [{ type: "${NodeConnectionTypes.Main}", displayName: "Scores" }, { type: "${NodeConnectionTypes.Main}", displayName: "History to Save" }] : ["${NodeConnectionTypes.Main}"] }}` as const;

export class PqlScore implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PQL Score',
		name: 'pqlScore',
		icon: { light: 'file:pqlScore.svg', dark: 'file:pqlScore.dark.svg' },
		group: ['transform'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle:
			'={{ { prepareHistoryRows: "Prepare history rows", groupAccounts: "Group accounts to read" }[$parameter["operation"]] ?? { weighted: "Weighted points", threshold: "Rules", predictive: "Predictive" }[$parameter["model"]] }}',
		description: 'Score product-qualified leads per user and account, with grade, reasons and anti-PQL rules',
		defaults: { name: 'PQL Score' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: OUTPUTS,
		properties: [
			...inputProperties,
			...updateDisplayOptions(SCORE, [
				...modelProperties,
				...signalProperties,
				...fitRuleProperties,
				...thresholdProperties,
				...antiPqlProperties,
				...gradeProperties,
				...transitionProperties,
				...outputProperties,
				...optionProperties,
			]),
			...historyProperties,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const operation = this.getNodeParameter('operation', 0, 'score');
		const historyRows = operation === 'score' && this.getNodeParameter('inputMode', 0, 'events') === 'historyRows';
		try {
			if (operation === 'prepareHistoryRows') return [prepareRows(this, items)];
			if (operation === 'groupAccounts') return [groupAccounts(this, items)];
			return historyRows ? scoreHistoryRows(this, items) : [scoreItems(this, items)];
		} catch (error) {
			// Settings apply to every item, so a settings error fails each of them.
			const failed = failEveryItem(this, error);
			return historyRows ? [failed, []] : [failed];
		}
	}
}

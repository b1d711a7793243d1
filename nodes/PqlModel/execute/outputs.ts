import type { IExecuteFunctions, INodeExecutionData, IPairedItemData } from 'n8n-workflow';
import type { LearnedPql } from '../../../core/contract/model';
import type { ModelKind } from '../../../core/contract/pql';
import { renderReport } from '../../../core/model';
import { options } from './settings';

const KINDS: ModelKind[] = ['logistic', 'threshold', 'weighted'];

/** One item per suggested model: the JSON to paste into PQL Score and how it did in cross-validation. */
export function modelItems(learned: LearnedPql, paired: IPairedItemData[]): INodeExecutionData[] {
	return KINDS.map((kind) => {
		const model = learned.models[kind];
		const { auc, aucRange, precision, recall, pqlShare, advice } = learned.backtest[kind];
		return {
			json: {
				kind,
				version: model.version,
				recommended: learned.recommended === kind,
				modelJson: JSON.stringify(model, null, 2),
				model: JSON.parse(JSON.stringify(model)),
				validation: { auc, aucRange, pqlConversionRate: precision, recall, pqlShare, advice: advice.text },
			},
			pairedItem: paired,
		};
	});
}

export function metricsItem(learned: LearnedPql, paired: IPairedItemData[]): INodeExecutionData {
	const { recommended, validation, targetPqlShare, backtest, discovery, fit, trust, warnings } = learned;
	return {
		json: JSON.parse(JSON.stringify({ recommended, validation, targetPqlShare, backtest, discovery, fit, trust, warnings })),
		pairedItem: paired,
	};
}

export async function reportItem(
	context: IExecuteFunctions,
	learned: LearnedPql,
	paired: IPairedItemData[],
): Promise<INodeExecutionData> {
	const extra = options(context);
	const title = typeof extra.reportTitle === 'string' && extra.reportTitle.trim() ? extra.reportTitle : 'PQL Model report';
	const fileName =
		typeof extra.reportFileName === 'string' && extra.reportFileName.trim() ? extra.reportFileName : 'pql-model-report.html';
	const html = renderReport(learned, title);
	const binary = await context.helpers.prepareBinaryData(Buffer.from(html, 'utf8'), fileName, 'text/html');
	return {
		json: {
			fileName,
			recommended: learned.recommended,
			auc: learned.backtest[learned.recommended].auc,
			aucRange: learned.backtest[learned.recommended].aucRange,
			trust: learned.trust,
			warnings: learned.warnings,
		},
		binary: { report: binary },
		pairedItem: paired,
	};
}

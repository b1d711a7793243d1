import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { readHistoryRows, scoreHistory } from '../../../core/scoring/history';
import { readHistorySettingsOf, readNow, readSettings } from '../settings/readSettings';
import { failedItem } from '../../shared/run';

const paired = (items: number[]) => items.map((item) => ({ item }));

/**
 * Scores the accounts whose history rows come in. First output: one item per account with `pql` (or
 * only those whose qualification changed); second: the summary rows to store where accounts have
 * enough settled event rows, whether or not their qualification changed.
 */
export function scoreHistoryRows(context: IExecuteFunctions, items: INodeExecutionData[]): INodeExecutionData[][] {
	const config = readSettings(context);
	const history = readHistorySettingsOf(context);
	const now = readNow(context);
	const { accounts, failures } = readHistoryRows(items.map(({ json }, index) => ({ index, json })));
	const failed = failures.map(({ error, index }) => failedItem(context, items[index], index, error));
	const scored = scoreHistory(accounts, config, history, now);
	const onlyChanged = context.getNodeParameter('scoresOutput', 0, 'all') === 'changed';
	const scores = scored.filter(({ pql }) => !onlyChanged || pql.qualificationChanged).map(({ pql, items: sources, latest }) => ({
		json: { accountId: pql.entity.id, userId: latest?.id ?? null, email: latest?.email ?? null, pql: { ...pql } },
		pairedItem: paired(sources),
	}));
	const toSave = scored.flatMap(({ compaction, items: sources }) =>
		compaction ? [{ json: { ...compaction }, pairedItem: paired(sources) }] : [],
	);
	return [[...scores, ...failed], toSave];
}

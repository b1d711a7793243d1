import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { errorItem, toNodeError } from './errors';

/** What one item gets added to its json, or why it failed. */
export type ItemOutcome = { add: IDataObject } | { failed: unknown };

/** The error item of an input item that failed; without continueOnFail, the node's error instead. */
export function failedItem(context: IExecuteFunctions, input: INodeExecutionData, itemIndex: number, failure: unknown): INodeExecutionData {
	const nodeError = toNodeError(context.getNode(), failure, itemIndex);
	if (!context.continueOnFail()) throw nodeError;
	return errorItem(context.getNode(), input, itemIndex, failure, nodeError);
}

/**
 * A failure of work done once for the whole input (a setting every item shares, or learning from
 * all of them): every item fails alike, naming none; without continueOnFail, the node's error.
 */
export function failEveryItem(context: IExecuteFunctions, failure: unknown): INodeExecutionData[] {
	const nodeError = toNodeError(context.getNode(), failure);
	if (!context.continueOnFail()) throw nodeError;
	return context.getInputData().map((input, itemIndex) => errorItem(context.getNode(), input, itemIndex, failure, nodeError));
}

function outputItem(context: IExecuteFunctions, input: INodeExecutionData, itemIndex: number, outcome: ItemOutcome): INodeExecutionData {
	if ('add' in outcome) return { json: { ...input.json, ...outcome.add }, pairedItem: { item: itemIndex } };
	return failedItem(context, input, itemIndex, outcome.failed);
}

/**
 * Runs `work` for each item in order. With continueOnFail a failed item becomes an error item and
 * the others go on; without it the first failure stops the node before later items are touched.
 */
export async function runPerItem(context: IExecuteFunctions, work: (itemIndex: number) => Promise<IDataObject>): Promise<INodeExecutionData[]> {
	const items = context.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		let outcome: ItemOutcome;
		try {
			outcome = { add: await work(itemIndex) };
		} catch (error) {
			outcome = { failed: error };
		}
		output.push(outputItem(context, items[itemIndex], itemIndex, outcome));
	}
	return output;
}

/**
 * For work done once for the whole input (a digest): `work` returns one outcome per item, in input
 * order; failures are shaped as in `runPerItem`.
 */
export async function runBatch(context: IExecuteFunctions, work: (items: INodeExecutionData[]) => Promise<ItemOutcome[]>): Promise<INodeExecutionData[]> {
	const items = context.getInputData();
	const outcomes = await work(items);
	return items.map((item, itemIndex) => outputItem(context, item, itemIndex, outcomes[itemIndex]));
}

import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { toNodeError } from './nodeError';

/** An item that could not be used: the error item when the node continues on fail, else the error. */
export function failedItem(context: IExecuteFunctions, error: unknown, index: number): INodeExecutionData {
	const nodeError = toNodeError(context.getNode(), error, index);
	if (!context.continueOnFail()) throw nodeError;
	return { json: { error: nodeError.message }, error: nodeError, pairedItem: { item: index } };
}

/** Tells the output pane how many items were left out because they belong to no account. */
export function hintWithoutAccount(context: IExecuteFunctions, indexes: number[], what: string): void {
	if (indexes.length === 0) return;
	context.addExecutionHints({
		message: `${indexes.length} ${indexes.length === 1 ? 'item without an account ID was' : 'items without an account ID were'} ${what} (items ${indexes
			.slice(0, 5)
			.map((index) => index + 1)
			.join(', ')}${indexes.length > 5 ? ', …' : ''}). "Events Without an Account" decides what happens to them.`,
		location: 'outputPane',
	});
}

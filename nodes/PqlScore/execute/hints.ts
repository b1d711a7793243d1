import type { IExecuteFunctions } from 'n8n-workflow';

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

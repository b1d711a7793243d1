import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { CrmInputError } from '../../../core/crm';

/** Names the item, the field and the fix; API errors already carry the vendor's message. */
export function toNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof CrmInputError) {
		return new NodeOperationError(context.getNode(), `Item ${itemIndex}: ${error.message}`, {
			itemIndex,
			description: `Field "${error.field}": ${error.fix}`,
		});
	}
	return new NodeOperationError(context.getNode(), error instanceof Error ? error : String(error), { itemIndex });
}

/**
 * Runs `write` for each item in order and adds what it returns under `key`; every output item is
 * paired with its input, and with continueOnFail a failed item becomes an error item.
 */
export async function writePerItem(
	context: IExecuteFunctions,
	key: string,
	write: (itemIndex: number) => Promise<unknown>,
): Promise<INodeExecutionData[]> {
	const items = context.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = (await write(itemIndex)) as IDataObject;
			output.push({ json: { ...items[itemIndex].json, [key]: result }, pairedItem: { item: itemIndex } });
		} catch (error) {
			const nodeError = toNodeError(context, error, itemIndex);
			if (!context.continueOnFail()) throw nodeError;
			output.push({ json: { ...items[itemIndex].json, error: nodeError.message }, error: nodeError, pairedItem: { item: itemIndex } });
		}
	}
	return output;
}

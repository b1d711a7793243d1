import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { FieldError } from '../../core/shared';

export type NodeError = NodeApiError | NodeOperationError;

/**
 * Names the item, the field and the fix. No item is named when a node setting is at fault or the
 * work was done once for every item (`itemIndex` undefined). API errors already carry the vendor's
 * message and hint; anything unexpected keeps its own message.
 */
export function toNodeError(node: INode, error: unknown, itemIndex?: number): NodeError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof FieldError) {
		const message = error.setting || itemIndex === undefined ? error.message : `Item ${itemIndex}: ${error.message}`;
		// The FieldError stays the cause, so an error item made from this error later still has its field and fix.
		return new NodeOperationError(node, error, { message, itemIndex, description: `Field "${error.field}": ${error.fix}` });
	}
	return new NodeOperationError(node, error instanceof Error ? error : String(error), { itemIndex });
}

/** What an error item carries in `json.error`: the same three facts for every node of the package. */
export interface ItemErrorJson extends IDataObject {
	message: string;
	field: string | null;
	fix: string | null;
}

function errorJson(cause: unknown, nodeError: NodeError): ItemErrorJson {
	const field = cause instanceof FieldError ? cause : nodeError.cause instanceof FieldError ? nodeError.cause : undefined;
	if (field !== undefined) return { message: nodeError.message, field: field.field, fix: field.fix };
	return { message: nodeError.message, field: null, fix: nodeError.description ?? null };
}

/**
 * The one shape of a failed item: its input json with `error` = `{ message, field, fix }`, paired
 * with its input. Not `item.error`: n8n 2.41 replaces the json of such items with `{ error: message }`
 * (WorkflowExecute.normalizeNodeErrors), which would drop the field, the fix and the input. Under
 * "Continue (using error output)" n8n routes an item whose json holds only `error` to the error
 * output and adds the input json back itself (handleNodeErrorOutput), so that is what it gets.
 */
export function errorItem(node: INode, input: INodeExecutionData, itemIndex: number, cause: unknown, nodeError: NodeError): INodeExecutionData {
	const error = errorJson(cause, nodeError);
	const json = node.onError === 'continueErrorOutput' ? { error } : { ...input.json, error };
	return { json, pairedItem: { item: itemIndex } };
}

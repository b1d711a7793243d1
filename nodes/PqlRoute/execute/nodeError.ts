import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { RoutingError } from '../../../core/routing';

/** Names the item (when one item is at fault rather than the settings), the field and the fix. */
export function toNodeError(node: INode, error: unknown, itemIndex: number, itemAtFault: boolean): NodeOperationError {
	if (error instanceof NodeOperationError) return error;
	if (error instanceof RoutingError) {
		const message = itemAtFault ? `Item ${itemIndex}: ${error.message}` : error.message;
		return new NodeOperationError(node, message, { itemIndex, description: `${error.field}: ${error.fix}` });
	}
	return new NodeOperationError(node, error instanceof Error ? error : String(error), { itemIndex });
}

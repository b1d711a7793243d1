import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { ScoringError } from '../../../core/scoring';

/** Names the item, the field and the fix. */
export function toNodeError(node: INode, error: unknown, itemIndex: number): NodeOperationError {
	if (error instanceof NodeOperationError) return error;
	if (error instanceof ScoringError) {
		return new NodeOperationError(node, error.message, { itemIndex, description: `Field "${error.field}": ${error.fix}` });
	}
	return new NodeOperationError(node, error instanceof Error ? error : String(error), { itemIndex });
}

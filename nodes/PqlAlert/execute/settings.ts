import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { AlertInput, AlertWhen } from '../../../core/contract/alert';
import type { JsonObject } from '../../../core/contract/event';
import { readAlertInput, safeUrl } from '../../../core/alert';

export interface AlertSettings {
	authentication: 'botToken' | 'webhook';
	mode: 'message' | 'digest';
	destination: 'channel' | 'owner';
	when: AlertWhen;
	throttleHours: number;
	mentionOwner: boolean;
	maxReasons: number;
	digestTitle: string | undefined;
	now: Date;
}

/** Node-wide settings, read once. */
export function readSettings(ctx: IExecuteFunctions): AlertSettings {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const authentication = ctx.getNodeParameter('authentication', 0) as AlertSettings['authentication'];
	const mode = ctx.getNodeParameter('mode', 0) as AlertSettings['mode'];
	const now = typeof options.now === 'string' && options.now !== '' ? new Date(options.now) : new Date();
	if (Number.isNaN(now.getTime())) {
		throw new NodeOperationError(ctx.getNode(), `Option "Now" is not a date: ${String(options.now)}`, {
			description: 'Use an ISO 8601 date and time, e.g. 2026-11-27T12:00:00Z, or remove the option',
		});
	}
	return {
		authentication,
		mode,
		destination:
			authentication === 'botToken' && mode === 'message' ? (ctx.getNodeParameter('destination', 0) as AlertSettings['destination']) : 'channel',
		when: ctx.getNodeParameter('alertWhen', 0) as AlertWhen,
		throttleHours: ctx.getNodeParameter('throttleHours', 0) as number,
		mentionOwner: options.mentionOwner !== false,
		maxReasons: typeof options.maxReasons === 'number' ? options.maxReasons : 6,
		digestTitle: typeof options.digestTitle === 'string' && options.digestTitle !== '' ? options.digestTitle : undefined,
		now,
	};
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** One item as the alert core reads it, with the per-item parameters applied; null without `pql`. */
export function readItem(ctx: IExecuteFunctions, item: INodeExecutionData, index: number): AlertInput | null {
	const lastAlertedAt = text(ctx.getNodeParameter('lastAlertedAt', index, ''));
	const input = readAlertInput(item.json as JsonObject, lastAlertedAt);
	if (input === null) return null;
	const personUrl = safeUrl((ctx.getNodeParameter('options', index, {}) as IDataObject).posthogPersonUrl);
	return personUrl === null ? input : { ...input, posthogPersonUrl: personUrl };
}

export const noPqlError = (ctx: IExecuteFunctions, index: number): NodeOperationError =>
	new NodeOperationError(ctx.getNode(), `Item ${index} has no "pql" with an entity, score and reasons`, {
		itemIndex: index,
		description: 'Field "pql": put PQL Score (one item per user or account) before PQL Alert, and keep its output field "pql"',
	});

import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type { AlertInput, AlertOutcome } from '../../core/contract/alert';
import { skipReasons } from '../../core/alert';
import { decisionProperties } from './description/decision';
import { deliveryProperties } from './description/delivery';
import { optionProperties } from './description/options';
import { OwnerDirectory } from './execute/owners';
import { noPqlError, readItem, readSettings } from './execute/settings';
import { sendDigest, sendEach, skipped, withAlert } from './execute/send';
import { BOT_CREDENTIAL, WEBHOOK_CREDENTIAL } from './transport';

const toNodeError = (ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeOperationError | NodeApiError =>
	error instanceof NodeOperationError || error instanceof NodeApiError
		? error
		: new NodeOperationError(ctx.getNode(), error instanceof Error ? error : String(error), { itemIndex });

export class PqlAlert implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PQL Alert',
		name: 'pqlAlert',
		icon: { light: 'file:pqlAlert.svg', dark: 'file:pqlAlert.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["mode"] === "digest" ? "Digest" : "Alert per PQL" }}',
		description: 'Post the Slack alert a rep acts on: who, score, reasons, what they did, owner, SLA; or a digest',
		defaults: { name: 'PQL Alert' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: BOT_CREDENTIAL, required: true, displayOptions: { show: { authentication: ['botToken'] } } },
			{ name: WEBHOOK_CREDENTIAL, required: true, displayOptions: { show: { authentication: ['webhook'] } } },
		],
		properties: [...deliveryProperties, ...decisionProperties, ...optionProperties],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const settings = readSettings(this);
		const owners = new OwnerDirectory(this, settings.authentication === 'botToken');
		const inputs: Array<AlertInput | null> = items.map((item, index) => readItem(this, item, index));
		const reasons = skipReasons(inputs, settings);
		const outcomes: Array<AlertOutcome | NodeOperationError | NodeApiError> = [];

		const fail = (error: unknown, index: number) => {
			const nodeError = toNodeError(this, error, index);
			if (!this.continueOnFail()) throw nodeError;
			return nodeError;
		};

		if (settings.mode === 'message') {
			for (const [index, input] of inputs.entries()) {
				const reason = reasons[index];
				if (input === null) outcomes.push(fail(noPqlError(this, index), index));
				else if (reason !== null) outcomes.push(skipped('message', reason));
				else {
					try {
						outcomes.push(await sendEach(this, settings, owners, input, index));
					} catch (error) {
						outcomes.push(fail(error, index));
					}
				}
			}
		} else {
			// Items without a score fail before anything is posted.
			const unreadable = new Map(inputs.flatMap((input, index) => (input === null ? [[index, fail(noPqlError(this, index), index)] as const] : [])));
			const chosen = inputs.flatMap((input, index) => (input !== null && reasons[index] === null ? [{ input, index }] : []));
			let digest: AlertOutcome | NodeOperationError | NodeApiError | null = null;
			if (chosen.length > 0) {
				try {
					digest = await sendDigest(this, settings, owners, chosen);
				} catch (error) {
					digest = fail(error, chosen[0].index);
				}
			}
			for (const [index, input] of inputs.entries()) {
				const reason = reasons[index];
				const error = unreadable.get(index);
				if (error !== undefined || input === null) outcomes.push(error ?? noPqlError(this, index));
				else outcomes.push(reason === null && digest !== null ? digest : skipped('digest', reason ?? 'noPql'));
			}
		}

		return [
			outcomes.map((outcome, index) =>
				outcome instanceof Error
					? { json: { ...items[index].json, error: outcome.message, errorDescription: outcome.description ?? null }, pairedItem: { item: index } }
					: withAlert(items[index], index, outcome),
			),
		];
	}
}

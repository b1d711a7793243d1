import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import type { AlertInput, AlertOutcome } from '../../core/contract/alert';
import { skipReasons } from '../../core/alert';
import type { ItemOutcome } from '../shared/run';
import { runBatch, runPerItem } from '../shared/run';
import { decisionProperties } from './description/decision';
import { deliveryProperties } from './description/delivery';
import { optionProperties } from './description/options';
import { searchChannels } from './methods/listSearch';
import { OwnerDirectory } from './execute/owners';
import { noPqlError, readItem, readSettings } from './execute/settings';
import { sendDigest, sendEach, skipped } from './execute/send';
import { BOT_CREDENTIAL, WEBHOOK_CREDENTIAL } from './transport';

/** One item as the alert core reads it, or why it cannot be read. */
type Read = { input: AlertInput } | { failed: unknown };

const added = (alert: AlertOutcome): ItemOutcome => ({ add: { alert: { ...alert } } });

export class PqlAlert implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PQL Alert',
		name: 'pqlAlert',
		icon: { light: 'file:pqlAlert.svg', dark: 'file:pqlAlert.dark.svg' },
		group: ['output'],
		// 1.1: the channel and the fallback channel are pickers (From List / By ID) instead of text.
		version: [1, 1.1],
		defaultVersion: 1.1,
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

	methods = {
		listSearch: { searchChannels },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const settings = readSettings(this);
		const owners = new OwnerDirectory(this, settings.authentication === 'botToken');
		const reads: Read[] = this.getInputData().map((item, index) => {
			try {
				const input = readItem(this, item, index);
				return input === null ? { failed: noPqlError(this, index) } : { input };
			} catch (error) {
				return { failed: error };
			}
		});
		const reasons = skipReasons(
			reads.map((read) => ('input' in read ? read.input : null)),
			settings,
		);

		if (settings.mode === 'message') {
			return [
				await runPerItem(this, async (index) => {
					const read = reads[index];
					if ('failed' in read) throw read.failed;
					const reason = reasons[index];
					return { alert: { ...(reason === null ? await sendEach(this, settings, owners, read.input, index) : skipped('message', reason)) } };
				}),
			];
		}
		return [
			await runBatch(this, async () => {
				// Items that cannot be read fail before anything is posted, unless failures are let through.
				if (reads.some((read) => 'failed' in read) && !this.continueOnFail()) return reads.map((read) => ('failed' in read ? read : added(skipped('digest', 'noPql'))));
				const chosen = reads.flatMap((read, index) => ('input' in read && reasons[index] === null ? [{ input: read.input, index }] : []));
				let digest: ItemOutcome | null = null;
				if (chosen.length > 0) {
					try {
						digest = added(await sendDigest(this, settings, owners, chosen));
					} catch (error) {
						digest = { failed: error };
					}
				}
				return reads.map((read, index) => {
					if ('failed' in read) return read;
					const reason = reasons[index];
					return reason === null && digest !== null ? digest : added(skipped('digest', reason ?? 'noPql'));
				});
			}),
		];
	}
}

import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { AlertInput, AlertOutcome, SkipReason, SlackMessage } from '../../../core/contract/alert';
import { buildDigest, buildPqlMessage } from '../../../core/alert';
import { postMessage, postToWebhook, type Posted } from '../transport';
import type { OwnerDirectory } from './owners';
import type { AlertSettings } from './settings';

export const skipped = (mode: AlertOutcome['mode'], reason: SkipReason): AlertOutcome => ({
	sent: false,
	mode,
	channel: null,
	ts: null,
	sentAt: null,
	skippedReason: reason,
});

const sent = (mode: AlertOutcome['mode'], posted: Posted, now: Date): AlertOutcome => ({
	sent: true,
	mode,
	channel: posted.channel,
	ts: posted.ts,
	sentAt: now.toISOString(),
	skippedReason: null,
});

async function deliver(ctx: IExecuteFunctions, settings: AlertSettings, channel: string, message: SlackMessage, index: number): Promise<Posted> {
	return settings.authentication === 'webhook' ? await postToWebhook(ctx, message, index) : await postMessage(ctx, channel, message, index);
}

/** Where one alert goes: the channel, or the owner's DM (else the fallback channel). */
function target(ctx: IExecuteFunctions, settings: AlertSettings, input: AlertInput, ownerId: string | null, index: number): string {
	if (settings.authentication === 'webhook') return '';
	if (settings.destination === 'channel') return ctx.getNodeParameter('channel', index, '', { extractValue: true }) as string;
	if (ownerId !== null) return ownerId;
	const fallback = String(ctx.getNodeParameter('fallbackChannel', index, '', { extractValue: true }) ?? '').trim();
	if (fallback !== '') return fallback;
	const owner = input.routing?.owner;
	throw new NodeOperationError(ctx.getNode(), `Item ${index}: the owner has no Slack account to message`, {
		itemIndex: index,
		description: owner?.email
			? `Field "routing.owner.email": no Slack user has ${owner.email}; fix the rep's e-mail in PQL Route, or set a Fallback Channel`
			: 'Field "routing.owner": it has neither "slackId" nor "email"; route the lead with PQL Route first, or set a Fallback Channel',
	});
}

/** One alert per item that passed the decision; returns each item's outcome. */
export async function sendEach(
	ctx: IExecuteFunctions,
	settings: AlertSettings,
	owners: OwnerDirectory,
	input: AlertInput,
	index: number,
): Promise<AlertOutcome> {
	const ownerId = settings.mentionOwner || settings.destination === 'owner' ? await owners.slackId(input, index) : null;
	const channel = target(ctx, settings, input, ownerId, index);
	const message = buildPqlMessage(input, {
		now: settings.now,
		ownerSlackId: settings.mentionOwner ? ownerId : null,
		maxReasons: settings.maxReasons,
	});
	return sent('message', await deliver(ctx, settings, channel, message, index), settings.now);
}

/** One digest of every item that passed the decision, posted once; all of them share its outcome. */
export async function sendDigest(
	ctx: IExecuteFunctions,
	settings: AlertSettings,
	owners: OwnerDirectory,
	chosen: Array<{ input: AlertInput; index: number }>,
): Promise<AlertOutcome> {
	const ownerSlackIds = new Map<string, string>();
	if (settings.mentionOwner) {
		for (const { input, index } of chosen) {
			const email = input.routing?.owner?.email;
			const id = await owners.slackId(input, index);
			if (email && id !== null) ownerSlackIds.set(email, id);
		}
	}
	const first = chosen[0].index;
	const channel = settings.authentication === 'webhook' ? '' : (ctx.getNodeParameter('channel', first, '', { extractValue: true }) as string);
	const message = buildDigest(
		chosen.map(({ input }) => input),
		{ now: settings.now, ownerSlackIds, title: settings.digestTitle },
	);
	return sent('digest', await deliver(ctx, settings, channel, message, first), settings.now);
}

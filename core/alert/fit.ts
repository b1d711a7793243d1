import type { Mrkdwn, SlackBlock, SlackMessage, TextObject } from '../contract/alert';
import { SLACK_LIMITS, clip } from './limits';

const clipText = <T extends TextObject>(object: T, max: number): T => ({ ...object, text: clip(object.text, max) || ' ' });

const fitBlockId = (block: SlackBlock): SlackBlock => {
	if (block.block_id === undefined || block.block_id.length <= SLACK_LIMITS.blockId) return block;
	const rest: Partial<SlackBlock> = { ...block };
	delete rest.block_id;
	return rest as SlackBlock;
};

function fitBlock(block: SlackBlock): SlackBlock | null {
	switch (block.type) {
		case 'header':
			return { ...block, text: clipText(block.text, SLACK_LIMITS.headerText) };
		case 'section': {
			const fields = block.fields?.slice(0, SLACK_LIMITS.fields).map((field: Mrkdwn) => clipText(field, SLACK_LIMITS.fieldText));
			const text = block.text === undefined ? undefined : clipText(block.text, SLACK_LIMITS.sectionText);
			if (text === undefined && (fields === undefined || fields.length === 0)) return null;
			return { ...block, ...(text === undefined ? {} : { text }), ...(fields === undefined || fields.length === 0 ? {} : { fields }) };
		}
		case 'context': {
			const elements = block.elements.slice(0, SLACK_LIMITS.contextElements).map((element) => clipText(element, SLACK_LIMITS.contextText));
			return elements.length === 0 ? null : { ...block, elements };
		}
		case 'actions': {
			const elements = block.elements.slice(0, SLACK_LIMITS.actionsElements).map((button) => ({
				...button,
				text: clipText(button.text, SLACK_LIMITS.buttonText),
				action_id: button.action_id.slice(0, SLACK_LIMITS.actionId),
			}));
			return elements.length === 0 ? null : { ...block, elements };
		}
		case 'divider':
			return block;
	}
}

/**
 * The last guard before Slack: every text, list and id cut to Block Kit's limits and at most 50
 * blocks (the last one saying how many were left out), so Slack never rejects the message as
 * `invalid_blocks` or `msg_blocks_too_long`. Builders budget their content first; this only
 * catches what they could not foresee.
 */
export function fitMessage(message: SlackMessage): SlackMessage {
	const blocks = message.blocks.map(fitBlockId).map(fitBlock).filter((block): block is SlackBlock => block !== null);
	const fitted =
		blocks.length <= SLACK_LIMITS.blocks
			? blocks
			: [
					...blocks.slice(0, SLACK_LIMITS.blocks - 1),
					{ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: `_${blocks.length - SLACK_LIMITS.blocks + 1} more blocks left out_` }] },
				];
	return { text: clip(message.text, SLACK_LIMITS.fallbackText) || ' ', blocks: fitted };
}

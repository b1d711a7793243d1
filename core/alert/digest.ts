import type { AlertInput, SlackBlock, SlackMessage } from '../contract/alert';
import { escapeText, link } from './escape';
import { displayName, join, lastSeenText, ownerMention, reasonLines } from './facts';
import { fitMessage } from './fit';
import { SLACK_LIMITS, clip } from './limits';
import { utcStamp } from './time';

export interface DigestOptions {
	now: Date;
	/** Slack user ids found for owners, by owner e-mail. */
	ownerSlackIds?: ReadonlyMap<string, string>;
	title?: string;
}

/** Room for the header, the summary and the "left out" note. */
const ENTRY_BLOCKS = SLACK_LIMITS.blocks - 3;
const ENTRY_CHARS = 600;

function entry(input: AlertInput, rank: number, options: DigestOptions, now: number): string {
	const { pql } = input;
	const email = input.routing?.owner?.email ?? null;
	const owner = ownerMention(input, email === null ? null : options.ownerSlackIds?.get(email) ?? null);
	const record = input.crm?.records[0]?.url ?? input.posthogPersonUrl;
	const title = `*${rank}. ${link(record, displayName(input))}* — *${pql.score}* (${escapeText(pql.grade)})`;
	const details = join([owner === null ? 'unassigned' : `owner ${owner}`, lastSeenText(input, now)]);
	const topReason = reasonLines(input)[0];
	return clip(join([title, details, topReason === undefined ? null : `    ${topReason.slice(2)}`], '\n'), ENTRY_CHARS);
}

/** Highest score first; equal scores by the most recent scoring. */
export const byScore = (a: AlertInput, b: AlertInput): number =>
	b.pql.score - a.pql.score || b.pql.scoredAt.localeCompare(a.pql.scoredAt);

/**
 * One message listing many PQLs, highest score first, entries packed into as few sections as fit
 * (3,000 characters each). When even 47 full sections cannot hold every entry, the lowest scores
 * are left out and counted.
 */
export function buildDigest(inputs: AlertInput[], options: DigestOptions): SlackMessage {
	const now = options.now.getTime();
	const sorted = [...inputs].sort(byScore);
	const sections: string[][] = [];
	let current: string[] = [];
	let length = 0;
	let listed = 0;
	for (const [index, input] of sorted.entries()) {
		const text = entry(input, index + 1, options, now);
		if (current.length > 0 && length + 2 + text.length > SLACK_LIMITS.sectionText) {
			if (sections.length + 1 >= ENTRY_BLOCKS) break;
			sections.push(current);
			current = [];
			length = 0;
		}
		current.push(text);
		length += (current.length > 1 ? 2 : 0) + text.length;
		listed += 1;
	}
	if (current.length > 0) sections.push(current);

	const qualified = sorted.filter((input) => input.pql.qualified).length;
	const title = options.title ?? `PQL digest: ${sorted.length} lead${sorted.length === 1 ? '' : 's'}`;
	const blocks: SlackBlock[] = [
		{ type: 'header', text: { type: 'plain_text', text: clip(`📋 ${escapeText(title)}`, SLACK_LIMITS.headerText), emoji: true } },
		{
			type: 'context',
			elements: [{ type: 'mrkdwn', text: `${qualified} qualified · highest score first · ${utcStamp(now)}` }],
		},
		...sections.map((lines): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text: lines.join('\n\n') } })),
	];
	if (listed < sorted.length) {
		blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `_…and ${sorted.length - listed} more with lower scores_` }] });
	}
	const top = sorted[0];
	const text =
		top === undefined
			? escapeText(title)
			: `${escapeText(title)} · top: ${escapeText(displayName(top))} (${top.pql.score})`;
	return fitMessage({ text, blocks });
}

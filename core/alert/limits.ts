/** Block Kit's limits, as Slack enforces them on chat.postMessage and incoming webhooks. */
export const SLACK_LIMITS = {
	blocks: 50,
	headerText: 150,
	sectionText: 3000,
	fields: 10,
	fieldText: 2000,
	contextElements: 10,
	contextText: 3000,
	actionsElements: 25,
	buttonText: 75,
	blockId: 255,
	actionId: 255,
	/** Slack truncates longer `text`; keep the notification well below. */
	fallbackText: 4000,
} as const;

const ELLIPSIS = '…';

/**
 * `text` cut to at most `max` UTF-16 units, ending in "…" when cut. Never cuts inside an escape
 * (`&amp;`), a `<…>` link or mention, or a surrogate pair, so what remains renders as intended.
 */
export function clip(text: string, max: number): string {
	if (text.length <= max) return text;
	let cut = text.slice(0, Math.max(0, max - ELLIPSIS.length));
	const lastOpen = cut.lastIndexOf('<');
	if (lastOpen > cut.lastIndexOf('>')) cut = cut.slice(0, lastOpen);
	const lastAmp = cut.lastIndexOf('&');
	if (lastAmp >= 0 && lastAmp >= cut.length - 5 && !cut.slice(lastAmp).includes(';')) cut = cut.slice(0, lastAmp);
	const last = cut.charCodeAt(cut.length - 1);
	if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
	return cut.trimEnd() + ELLIPSIS;
}

/**
 * As many whole lines as fit in `max` characters; when some do not, a last line from
 * `more(hiddenCount)` says how many were left out.
 */
export function fitLines(lines: string[], max: number, more: (hidden: number) => string): string {
	const all = lines.join('\n');
	if (all.length <= max) return all;
	const kept: string[] = [];
	let length = 0;
	for (const [index, line] of lines.entries()) {
		const tail = more(lines.length - index - 1);
		const needed = length + (kept.length > 0 ? 1 : 0) + line.length + 1 + tail.length;
		if (needed > max) break;
		kept.push(line);
		length += (kept.length > 1 ? 1 : 0) + line.length;
	}
	const hidden = lines.length - kept.length;
	if (kept.length === 0) return clip(lines[0] ?? '', max);
	return clip([...kept, more(hidden)].join('\n'), max);
}

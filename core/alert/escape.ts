/**
 * Slack reads `&`, `<` and `>` as control characters in every text it renders: `<!channel>` pings
 * everyone and `<https://evil|Click>` is a link. Text that comes from users passes through here.
 */
export function escapeText(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const MAX_URL = 3000;

/** An absolute http(s) URL Slack can link to, or null: other schemes and malformed text are dropped. */
export function safeUrl(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const text = value.trim();
	if (text.length === 0 || text.length > MAX_URL || /[\s<>|"]/.test(text)) return null;
	try {
		const url = new URL(text);
		return url.protocol === 'https:' || url.protocol === 'http:' ? text : null;
	} catch {
		return null;
	}
}

/** A mrkdwn link whose label is escaped; the label alone when the URL is not safe. */
export function link(url: unknown, label: string): string {
	const safe = safeUrl(url);
	return safe === null ? escapeText(label) : `<${safe}|${escapeText(label)}>`;
}

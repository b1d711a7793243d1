const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function parseTime(iso: string | null | undefined): number | null {
	if (typeof iso !== 'string' || iso.trim() === '') return null;
	const ms = Date.parse(iso);
	return Number.isNaN(ms) ? null : ms;
}

function span(ms: number): string {
	if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))} min`;
	if (ms < DAY) return `${Math.round(ms / HOUR)} h`;
	const days = Math.round(ms / DAY);
	return `${days} day${days === 1 ? '' : 's'}`;
}

/** "just now", "5 min ago", "3 h ago", "2 days ago", or "in 40 min" for times ahead. */
export function relative(ms: number, now: number): string {
	const delta = now - ms;
	if (Math.abs(delta) < MINUTE) return 'just now';
	return delta > 0 ? `${span(delta)} ago` : `in ${span(-delta)}`;
}

/** "2026-11-27 14:05 UTC". */
export function utcStamp(ms: number): string {
	return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * Slack's date token: each reader sees the time in their own zone; clients that cannot render it
 * show the UTC fallback.
 */
export function slackDate(ms: number): string {
	return `<!date^${Math.floor(ms / 1000)}^{date_short_pretty} {time}|${utcStamp(ms)}>`;
}

/** "in 45 min" or "overdue by 2 h": how the SLA stands at `now`. */
export function dueIn(ms: number, now: number): string {
	return ms >= now ? `in ${span(ms - now)}` : `overdue by ${span(now - ms)}`;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: unknown): string {
	return String(text).replace(/[&<>"']/g, (char) => ENTITIES[char]);
}

export function percent(share: number | null, decimals = 1): string {
	return share === null ? '–' : `${(100 * share).toFixed(decimals)} %`;
}

export function fixed(value: number | null, decimals = 2): string {
	return value === null ? '–' : value.toFixed(decimals);
}

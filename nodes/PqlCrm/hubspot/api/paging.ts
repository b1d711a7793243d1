import type { IDataObject } from 'n8n-workflow';

/** HubSpot's cursor to the next page (`paging.next.after`), or null on the last page. */
export function nextAfter(body: IDataObject): string | null {
	const paging = body.paging as { next?: { after?: unknown } } | undefined;
	const after = paging?.next?.after;
	return typeof after === 'string' && after !== '' ? after : null;
}

/** One page of a listing and the cursor of the next one (null on the last page). */
export interface Page<T, Cursor> {
	items: T[];
	next: Cursor | null;
}

/**
 * Every item of a paged listing, following the vendor's cursor until it ends. A cursor that comes
 * back twice ends the listing too, so a misbehaving API cannot loop forever.
 */
export async function paginate<T, Cursor>(first: Cursor, fetchPage: (cursor: Cursor) => Promise<Page<T, Cursor>>): Promise<T[]> {
	const items: T[] = [];
	const seen = new Set<string>();
	for (let cursor: Cursor | null = first; cursor !== null; ) {
		const key = JSON.stringify(cursor);
		if (seen.has(key)) break;
		seen.add(key);
		const page: Page<T, Cursor> = await fetchPage(cursor);
		items.push(...page.items);
		cursor = page.next;
	}
	return items;
}

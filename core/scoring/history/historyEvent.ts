import type { CanonicalEvent } from '../../contract/event';

/** An event row of an account's history, read back. */
export interface HistoryEvent {
	/** The row's id; null for a row that has none (not read from a table). */
	rowId: number | null;
	userId: string;
	event: CanonicalEvent;
	ms: number;
	/** When the row was written; the event's own time when the table does not say. */
	writtenMs: number;
}

import type { IDataObject } from 'n8n-workflow';
import { storyMarker } from '../../../../core/crm';
import type { HubSpotClient, HubSpotResponse } from '../transport';
import { ASSOCIATION_TYPE, associatedIds } from './associations';
import { createRecovering } from './records';

export interface NoteTarget {
	dealId: string;
	contactId: string | null;
	companyId: string | null;
}

/** HubSpot reads at most 100 records per batch call. */
const BATCH_READ = 100;

/** The id of the deal's note that carries this cycle's marker, if one was written (every note of the deal is looked at). */
export async function findStoryNote(client: HubSpotClient, dealId: string, idempotencyKey: string, itemIndex: number): Promise<string | null> {
	const ids = await associatedIds(client, { type: 'deals', id: dealId }, 'notes', itemIndex);
	const marker = storyMarker(idempotencyKey);
	for (let start = 0; start < ids.length; start += BATCH_READ) {
		const response = await client.request(
			{
				method: 'POST',
				path: '/crm/v3/objects/notes/batch/read',
				body: { inputs: ids.slice(start, start + BATCH_READ).map((id) => ({ id })), properties: ['hs_note_body'], propertiesWithHistory: [] },
				idempotent: true,
			},
			itemIndex,
		);
		const notes = Array.isArray(response.body.results) ? (response.body.results as IDataObject[]) : [];
		const note = notes.find((n) => String((n.properties as IDataObject | undefined)?.hs_note_body ?? '').includes(marker));
		if (note !== undefined) return String(note.id);
	}
	return null;
}

/**
 * Creates the usage-story note, associated with the deal, contact and company in the same call.
 * A note create is not idempotent: after an ambiguous failure the deal's notes are read back and
 * the marked note is taken instead of writing a second one.
 */
export async function createStoryNote(
	client: HubSpotClient,
	target: NoteTarget,
	html: string,
	timestamp: string,
	idempotencyKey: string,
	itemIndex: number,
): Promise<string> {
	const links: Array<[string | null, number]> = [
		[target.dealId, ASSOCIATION_TYPE.noteToDeal],
		[target.contactId, ASSOCIATION_TYPE.noteToContact],
		[target.companyId, ASSOCIATION_TYPE.noteToCompany],
	];
	const associations = links.filter((link): link is [string, number] => link[0] !== null).map(([id, associationTypeId]) => ({ id, associationTypeId }));
	const recover = async (): Promise<HubSpotResponse | undefined> => {
		const id = await findStoryNote(client, target.dealId, idempotencyKey, itemIndex);
		return id === null ? undefined : { status: 201, body: { id } };
	};
	return (await createRecovering(client, 'notes', { properties: { hs_note_body: html, hs_timestamp: timestamp }, associations }, itemIndex, recover)).id;
}

import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { paginate } from '../../shared/http/paginate';
import { searchResults } from '../../shared/picker';
import { callSlack } from '../transport';

/** Slack's page size for conversations.list (at most 1,000; Slack recommends no more than 200). */
const CHANNELS_PAGE = 200;

/**
 * The channels the bot can see, page by page (`response_metadata.next_cursor`): public ones with
 * channels:read, private ones it is in with groups:read. Archived channels cannot take a post.
 */
export async function searchChannels(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const channels = await paginate<IDataObject, string>('', async (cursor) => {
		const body = await callSlack(this, 'conversations.list', 0, {
			httpMethod: 'GET',
			qs: { types: 'public_channel,private_channel', exclude_archived: true, limit: CHANNELS_PAGE, ...(cursor === '' ? {} : { cursor }) },
		});
		const next = (body.response_metadata as IDataObject | undefined)?.next_cursor;
		return { items: Array.isArray(body.channels) ? (body.channels as IDataObject[]) : [], next: typeof next === 'string' && next !== '' ? next : null };
	});
	const choices = channels.map((c) => ({ name: `#${String(c.name ?? c.id)}${c.is_private === true ? ' (private)' : ''}`, value: String(c.id) }));
	return searchResults(choices.sort((a, b) => a.name.localeCompare(b.name)), filter);
}

import type { IDataObject } from 'n8n-workflow';
import type { HubSpotClient } from '../transport';

/** Owner id by e-mail; one look-up per address and execution. */
export function ownerFinder(client: HubSpotClient): (email: string, itemIndex: number) => Promise<string | null> {
	const found = new Map<string, Promise<string | null>>();
	const lookUp = async (email: string, itemIndex: number): Promise<string | null> => {
		const response = await client.request(
			{ method: 'GET', path: '/crm/v3/owners', qs: { email, limit: 1 }, idempotent: true },
			itemIndex,
		);
		const results = Array.isArray(response.body.results) ? (response.body.results as IDataObject[]) : [];
		const owner = results.find((o) => String(o.email ?? '').toLowerCase() === email);
		return owner === undefined ? null : String(owner.id);
	};
	return async (email, itemIndex) => {
		const key = email.trim().toLowerCase();
		let pending = found.get(key);
		if (pending === undefined) {
			pending = lookUp(key, itemIndex);
			found.set(key, pending);
			pending.catch(() => found.delete(key));
		}
		return await pending;
	};
}

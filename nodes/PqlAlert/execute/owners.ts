import type { IExecuteFunctions } from 'n8n-workflow';
import type { AlertInput } from '../../../core/contract/alert';
import { lookupUserByEmail } from '../transport';

/**
 * Finds owners' Slack user ids: routing's own `slackId`, else users.lookupByEmail, asked once per
 * e-mail address in this execution.
 */
export class OwnerDirectory {
	private readonly found = new Map<string, Promise<string | null>>();

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly canLookUp: boolean,
	) {}

	async slackId(input: AlertInput, itemIndex: number): Promise<string | null> {
		const owner = input.routing?.owner;
		if (owner?.slackId) return owner.slackId;
		if (!this.canLookUp || !owner?.email) return null;
		const email = owner.email.toLowerCase();
		let pending = this.found.get(email);
		if (pending === undefined) {
			pending = lookupUserByEmail(this.ctx, email, itemIndex);
			this.found.set(email, pending);
		}
		return await pending;
	}
}

import type { IHookFunctions } from 'n8n-workflow';
import { postHogProject } from '../shared/vendors/posthog';

/**
 * The trigger's own HTTP Webhook destination in PostHog (a "hog function" of type destination),
 * created on activation and removed on deactivation when the user asks for it. n8n runs these
 * methods once per webhook path of the node; the id kept in the node's webhook data makes every
 * call after the first a no-op.
 */
interface DestinationState {
	postHogDestinationId?: string;
}

function wantsDestination(ctx: IHookFunctions): boolean {
	return (
		ctx.getNodeParameter('source') !== 'segment' &&
		['credential', 'credentialOrProjectKey'].includes(ctx.getNodeParameter('postHogAuthentication') as string) &&
		ctx.getNodeParameter('registerDestination', false) === true
	);
}

export async function destinationExists(this: IHookFunctions): Promise<boolean> {
	if (!wantsDestination(this)) return true;
	const state = this.getWorkflowStaticData('node') as DestinationState;
	if (!state.postHogDestinationId) return false;
	try {
		const found = await (await postHogProject(this)).hogFunctions('GET', `${state.postHogDestinationId}/`);
		return found.deleted !== true;
	} catch {
		delete state.postHogDestinationId;
		return false;
	}
}

export async function createDestination(this: IHookFunctions): Promise<boolean> {
	if (!wantsDestination(this)) return true;
	const secret = await this.getCredentials<{ headerName: string; secret: string }>('postHogWebhookApi');
	const url = this.getNodeWebhookUrl('default') as string;
	const created = await (await postHogProject(this)).hogFunctions('POST', '', {
		type: 'destination',
		name: `n8n PQL Trigger (${this.getWorkflow().name ?? this.getWorkflow().id})`,
		description: 'Sends product events to the n8n PQL Trigger. Managed by n8n: deactivate the workflow to remove it.',
		template_id: 'template-webhook',
		enabled: true,
		inputs: {
			url: { value: url },
			method: { value: 'POST' },
			body: { value: { event: '{event}', person: '{person}', groups: '{groups}' } },
			headers: { value: { 'Content-Type': 'application/json', [secret.headerName]: secret.secret } },
		},
	});
	(this.getWorkflowStaticData('node') as DestinationState).postHogDestinationId = String(created.id);
	return true;
}

export async function deleteDestination(this: IHookFunctions): Promise<boolean> {
	const state = this.getWorkflowStaticData('node') as DestinationState;
	if (!state.postHogDestinationId) return true;
	// PostHog soft-deletes hog functions: a PATCH with deleted=true is its delete.
	await (await postHogProject(this)).hogFunctions('PATCH', `${state.postHogDestinationId}/`, { deleted: true });
	delete state.postHogDestinationId;
	return true;
}

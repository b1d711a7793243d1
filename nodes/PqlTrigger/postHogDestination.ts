import type { IDataObject, IHookFunctions, IHttpRequestMethods } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/**
 * The trigger's own HTTP Webhook destination in PostHog (a "hog function" of type destination),
 * created on activation and removed on deactivation when the user asks for it. n8n runs these
 * methods once per webhook path of the node; the id kept in the node's webhook data makes every
 * call after the first a no-op.
 */
interface DestinationState {
	postHogDestinationId?: string;
}

async function postHog(
	ctx: IHookFunctions,
	method: IHttpRequestMethods,
	path: string,
	body?: IDataObject,
): Promise<IDataObject> {
	const credentials = await ctx.getCredentials<{ host: string; projectId: string }>('postHogApi');
	const host = credentials.host.replace(/\/+$/, '');
	try {
		return (await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'postHogApi', {
			method,
			url: `${host}/api/projects/${encodeURIComponent(credentials.projectId)}/hog_functions/${path}`,
			body,
			json: true,
		})) as IDataObject;
	} catch (error) {
		throw new NodeApiError(ctx.getNode(), error as never, {
			message: `PostHog refused to ${method === 'POST' ? 'create' : 'manage'} the destination`,
			description: 'Check that the PostHog API credential has the hog_function:write scope and the right project ID',
		});
	}
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
		const found = await postHog(this, 'GET', `${state.postHogDestinationId}/`);
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
	const created = await postHog(this, 'POST', '', {
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
	await postHog(this, 'PATCH', `${state.postHogDestinationId}/`, { deleted: true });
	delete state.postHogDestinationId;
	return true;
}

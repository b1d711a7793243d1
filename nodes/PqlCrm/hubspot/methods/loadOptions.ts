import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import type { HubSpotAuthentication } from '../transport';
import { DEFAULT_MAX_RETRIES, createHubSpotClient } from '../transport';

interface Pipeline {
	id: string;
	label: string;
	displayOrder: number;
	stages: Array<{ id: string; label: string; displayOrder: number; metadata?: IDataObject }>;
}

export async function dealPipelines(context: ILoadOptionsFunctions): Promise<Pipeline[]> {
	const authentication = context.getNodeParameter('authentication', 'privateApp') as HubSpotAuthentication;
	const client = createHubSpotClient(context, authentication, DEFAULT_MAX_RETRIES);
	const response = await client.request({ method: 'GET', path: '/crm/v3/pipelines/deals', idempotent: true });
	const pipelines = Array.isArray(response.body.results) ? (response.body.results as unknown as Pipeline[]) : [];
	return [...pipelines].sort((a, b) => a.displayOrder - b.displayOrder || a.label.localeCompare(b.label));
}

export async function getDealPipelines(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await dealPipelines(this)).map((p) => ({ name: p.label, value: p.id }));
}

/** Stages of the chosen pipeline; closed stages are marked, since a PQL deal rarely starts there. */
export async function getDealStages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const pipelineId = String(this.getCurrentNodeParameter('pipeline') ?? '');
	const pipeline = (await dealPipelines(this)).find((p) => p.id === pipelineId);
	return [...(pipeline?.stages ?? [])]
		.sort((a, b) => a.displayOrder - b.displayOrder)
		.map((s) => ({
			name: s.metadata?.isClosed === 'true' ? `${s.label} (closed)` : s.label,
			value: s.id,
		}));
}

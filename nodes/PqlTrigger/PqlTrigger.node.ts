import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	IDataObject,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { receive } from './receive';
import { properties } from './properties';
import { createDestination, deleteDestination, destinationExists } from './postHogDestination';
import { WEBHOOKS } from './routes';
import { checkWebhookSecret } from './secretStrength';

export class PqlTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PQL Trigger',
		name: 'pqlTrigger',
		icon: { light: 'file:pqlTrigger.svg', dark: 'file:pqlTrigger.dark.svg' },
		group: ['trigger'],
		// 1.1: n8n evaluates an expression on every request to a version-1 webhook node (its Webhook
		// v1's binary-data option) — about 4 ms of CPU per request; from 1.1 the trigger reads a body
		// n8n leaves unparsed itself.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{ {"auto": "PostHog or Segment", "posthog": "PostHog", "segment": "Segment"}[$parameter.source] }}',
		description: 'Starts a workflow with product events sent by PostHog or Segment, one item per event',
		defaults: { name: 'PQL Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'postHogWebhookApi',
				required: true,
				testedBy: 'checkWebhookSecret',
				displayOptions: { show: { source: ['auto', 'posthog'], postHogAuthentication: ['credential', 'credentialOrProjectKey'] } },
			},
			{
				name: 'segmentWebhookApi',
				required: true,
				testedBy: 'checkWebhookSecret',
				displayOptions: { show: { source: ['auto', 'segment'], segmentAuthentication: ['credential'] } },
			},
			{
				name: 'postHogApi',
				required: true,
				displayOptions: { show: { registerDestination: [true] } },
			},
		],
		webhooks: WEBHOOKS,
		properties,
	};

	methods = {
		credentialTest: {
			async checkWebhookSecret(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				return checkWebhookSecret((credential.data ?? {}) as IDataObject);
			},
		},
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await destinationExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createDestination.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteDestination.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receive.call(this);
	}
}

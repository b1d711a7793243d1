// Workflow test harness: runs workflow JSON through n8n-core's real WorkflowExecute.
// Our own nodes load with one line each, e.g.
//   const nodeTypes = createNodeTypes({ nodes: [PqlTrigger, PqlScore], credentials: [PostHogApi] });
export { runListSearch, runWorkflow, runWebhook, runWebhookMethod } from './run';
export type {
	FakeWebhookRequest,
	ListSearchOptions,
	NodeRun,
	RecordedResponse,
	RunOptions,
	WebhookMethod,
	WebhookMethodOptions,
	WebhookMethodResult,
	WebhookRunOptions,
	WebhookRunResult,
	WorkflowJson,
	WorkflowJsonNode,
	WorkflowRunResult,
} from './run';
export { BUILT_IN_NODES, NodeTypeRegistry, PACKAGE_NAME, createNodeTypes } from './node-types';
export type { AnyNodeType, CredentialTypeSource, NodeTypeSource } from './node-types';
export { HarnessCredentialsHelper } from './credentials';
export type { CredentialsByType } from './credentials';
export { DATA_TABLE_NODE_TYPES, InMemoryDataTables } from './data-table';
export { expectFailedItem } from './failedItem';
export type { ContinueSetting, ExpectedFailure } from './failedItem';

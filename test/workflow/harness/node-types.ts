import {
	NodeHelpers,
	type ICredentialType,
	type IDataObject,
	type INodeType,
	type INodeTypes,
	type IVersionedNodeType,
	type Node,
} from 'n8n-workflow';
import { DataTable } from 'n8n-nodes-base/dist/nodes/DataTable/DataTable.node';
import { Filter } from 'n8n-nodes-base/dist/nodes/Filter/Filter.node';
import { If } from 'n8n-nodes-base/dist/nodes/If/If.node';
import { ManualTrigger } from 'n8n-nodes-base/dist/nodes/ManualTrigger/ManualTrigger.node';
import { NoOp } from 'n8n-nodes-base/dist/nodes/NoOp/NoOp.node';
import { Postgres } from 'n8n-nodes-base/dist/nodes/Postgres/Postgres.node';
import { Set as EditFields } from 'n8n-nodes-base/dist/nodes/Set/Set.node';
import { StickyNote } from 'n8n-nodes-base/dist/nodes/StickyNote/StickyNote.node';
import { StopAndError } from 'n8n-nodes-base/dist/nodes/StopAndError/StopAndError.node';
import { Webhook } from 'n8n-nodes-base/dist/nodes/Webhook/Webhook.node';

/** The package name n8n puts in front of a community node's `description.name`. */
export const PACKAGE_NAME = 'n8n-nodes-pql';

export type AnyNodeType = INodeType | IVersionedNodeType;
/** Any node object: classic `INodeType`, versioned, or a new-style `Node` subclass (Webhook). */
type NodeObject = AnyNodeType | Node;
/** A node class (`PqlScore`) or an instance of one (`new PqlScore()`). */
export type NodeTypeSource = NodeObject | (new () => NodeObject);
export type CredentialTypeSource = ICredentialType | (new () => ICredentialType);

const instantiate = <T extends object>(source: T | (new () => T)): T =>
	typeof source === 'function' ? new (source as new () => T)() : source;

/** Built-in n8n nodes (from the n8n-nodes-base devDependency) the harness knows by their n8n type. */
export const BUILT_IN_NODES: Readonly<Record<string, new () => NodeObject>> = {
	'n8n-nodes-base.manualTrigger': ManualTrigger,
	'n8n-nodes-base.noOp': NoOp,
	'n8n-nodes-base.if': If,
	'n8n-nodes-base.filter': Filter,
	'n8n-nodes-base.set': EditFields,
	'n8n-nodes-base.stopAndError': StopAndError,
	'n8n-nodes-base.stickyNote': StickyNote,
	'n8n-nodes-base.dataTable': DataTable,
	'n8n-nodes-base.webhook': Webhook,
	'n8n-nodes-base.postgres': Postgres,
};

/**
 * The `INodeTypes` n8n-core's `Workflow`/`WorkflowExecute` resolve node types through, plus the
 * credential types the harness's credentials helper needs (for `extends` and `authenticate`).
 */
export class NodeTypeRegistry implements INodeTypes {
	private readonly nodeTypes = new Map<string, AnyNodeType>();
	private readonly credentialTypes = new Map<string, ICredentialType>();

	/** Registers a node under an explicit n8n type name, e.g. `n8n-nodes-base.noOp`. */
	add(typeName: string, source: NodeTypeSource): this {
		// n8n's own registries hold Node subclasses beside INodeTypes the same way.
		this.nodeTypes.set(typeName, instantiate(source) as AnyNodeType);
		return this;
	}

	/** Registers one of this package's nodes as `n8n-nodes-pql.<description.name>` (how n8n names it). */
	addPackageNode(source: NodeTypeSource): this {
		const node = instantiate(source);
		return this.add(`${PACKAGE_NAME}.${node.description.name}`, node);
	}

	/** Registers built-in n8n nodes by type name (all of BUILT_IN_NODES when called without names). */
	addBuiltIns(...typeNames: string[]): this {
		for (const typeName of typeNames.length > 0 ? typeNames : Object.keys(BUILT_IN_NODES)) {
			const nodeClass = BUILT_IN_NODES[typeName];
			if (nodeClass === undefined) throw new Error(`The harness has no built-in node "${typeName}"`);
			this.add(typeName, nodeClass);
		}
		return this;
	}

	addCredentialType(source: CredentialTypeSource): this {
		const credentialType = instantiate(source);
		this.credentialTypes.set(credentialType.name, credentialType);
		return this;
	}

	getCredentialType(name: string): ICredentialType | undefined {
		return this.credentialTypes.get(name);
	}

	has(typeName: string): boolean {
		return this.nodeTypes.has(typeName);
	}

	getByName(nodeType: string): AnyNodeType {
		const found = this.nodeTypes.get(nodeType);
		if (found === undefined) {
			throw new Error(
				`Node type "${nodeType}" is not loaded in the test harness (loaded: ${[...this.nodeTypes.keys()].join(', ')})`,
			);
		}
		return found;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		const known: IDataObject = {};
		for (const typeName of this.nodeTypes.keys()) known[typeName] = { className: typeName, sourcePath: '' };
		return known;
	}
}

/**
 * A registry with every built-in the harness knows plus the given package nodes and credential
 * types, e.g. `createNodeTypes({ nodes: [PqlTrigger, PqlScore], credentials: [PostHogApi] })`.
 */
export function createNodeTypes(
	options: { nodes?: NodeTypeSource[]; credentials?: CredentialTypeSource[] } = {},
): NodeTypeRegistry {
	const registry = new NodeTypeRegistry().addBuiltIns();
	for (const node of options.nodes ?? []) registry.addPackageNode(node);
	for (const credential of options.credentials ?? []) registry.addCredentialType(credential);
	return registry;
}

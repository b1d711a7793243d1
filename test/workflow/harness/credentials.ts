import { Credentials } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Expression, ICredentialsHelper } from 'n8n-workflow';
import type { NodeTypeRegistry } from './node-types';

/** Credentials for one run, by credential type name: `{ postHogApi: { apiKey: '…' } }`. */
export type CredentialsByType = Record<string, ICredentialDataDecryptedObject>;

type Resolvable = IDataObject[string];

/**
 * The minimal `ICredentialsHelper` n8n-core needs to hand credentials to nodes and to sign
 * `httpRequestWithAuthentication` requests. Credentials are kept decrypted in memory, keyed by
 * type; `getCredentials` still returns a real n8n-core `Credentials` (encrypted with the harness key).
 * `authenticate` applies the credential type's `authenticate` (function or generic
 * headers/qs/body/auth with `{{$credentials.x}}` expressions), as n8n does.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	private readonly store = new Map<string, ICredentialDataDecryptedObject>();

	constructor(
		private readonly registry: NodeTypeRegistry,
		credentials: CredentialsByType = {},
	) {
		super();
		for (const [type, data] of Object.entries(credentials)) this.store.set(type, { ...data });
	}

	/** The credentials as they are now (OAuth token refreshes or `updateCredentials` change them). */
	current(type: string): ICredentialDataDecryptedObject | undefined {
		const data = this.store.get(type);
		return data === undefined ? undefined : structuredClone(data);
	}

	has(type: string): boolean {
		return this.store.has(type);
	}

	getParentTypes(name: string): string[] {
		const parents = this.registry.getCredentialType(name)?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		const type = this.registry.getCredentialType(credentialType);
		if (type?.restrictToSupportedNodes !== true) return true;
		return (type.supportedNodes ?? []).includes(nodeType);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	): Promise<IHttpRequestOptions> {
		const options = requestOptions as IHttpRequestOptions;
		const authenticate = this.registry.getCredentialType(typeName)?.authenticate;
		if (authenticate === undefined) return options;
		if (typeof authenticate === 'function') return await authenticate(credentials, options);
		if (authenticate.type !== 'generic') return options;

		const resolve = (value: Resolvable): Resolvable => {
			if (typeof value !== 'string' || !value.startsWith('=')) return value;
			const resolved = Expression.resolveWithoutWorkflow(value.slice(1), { $credentials: credentials });
			return typeof resolved === 'function' ? String(resolved()) : resolved;
		};
		const { headers, qs, body, auth } = authenticate.properties;
		for (const [target, source] of [
			['headers', headers],
			['qs', qs],
			['body', body],
		] as const) {
			if (source === undefined) continue;
			const existing = (options[target] ?? {}) as IDataObject;
			const added: IDataObject = {};
			for (const [key, value] of Object.entries(source)) added[key] = resolve(value);
			options[target] = { ...existing, ...added };
		}
		if (auth !== undefined) {
			options.auth = {
				username: String(resolve(auth.username)),
				password: String(resolve(auth.password)),
			};
		}
		return options;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.registry.getCredentialType(typeName);
		if (type?.preAuthentication === undefined) return undefined;
		// Like n8n: only when a hidden expirable property is empty, or the server said it expired.
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (expirable === undefined) return undefined;
		if (!credentialsExpired && credentials[expirable.name] !== '' && credentials[expirable.name] !== undefined) {
			return undefined;
		}
		const output = await type.preAuthentication.call(helpers, credentials);
		const updated = { ...credentials, ...output } as ICredentialDataDecryptedObject;
		this.store.set(typeName, updated);
		return updated;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.registry.getCredentialType(typeName);
		if (type?.preAuthentication === undefined) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		return { ...credentials, ...output } as ICredentialDataDecryptedObject;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		const credentials = new Credentials(nodeCredentials, type);
		await credentials.setData(this.requireData(type));
		return credentials;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.requireData(type);
		// n8n fills in the defaults of properties a stored credential does not have.
		const withDefaults: ICredentialDataDecryptedObject = {};
		for (const property of this.getCredentialsProperties(type)) {
			if (property.default !== undefined && property.type !== 'notice') {
				withDefaults[property.name] = property.default as ICredentialDataDecryptedObject[string];
			}
		}
		return structuredClone({ ...withDefaults, ...data });
	}

	async updateCredentials(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.set(type, { ...data });
	}

	async updateCredentialsOauthTokenData(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.set(type, { ...this.store.get(type), ...data });
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = this.registry.getCredentialType(type);
		if (credentialType === undefined) return [];
		const inherited = (credentialType.extends ?? []).flatMap((parent) => this.getCredentialsProperties(parent));
		return [...inherited, ...credentialType.properties];
	}

	private requireData(type: string): ICredentialDataDecryptedObject {
		const data = this.store.get(type);
		if (data === undefined) {
			throw new Error(`No credentials of type "${type}" were given to the test harness`);
		}
		return data;
	}
}

// @ts-check
'use strict';
// A stateful Salesforce REST mock for workflow and end-to-end tests: the OAuth token endpoint
// (client credentials; JWT bearer with the signature checked against the test public key and the
// claims against the org), sessions that expire, a SOQL subset with a real tokenizer (./soql.js),
// sObject create, upsert by External ID (atomic; 300 on several matches), composite with
// allOrNone and @{ref.field} references, Salesforce's error arrays, injected 5xx and
// REQUEST_LIMIT_EXCEEDED answers (the org's API limit: every request refused while usage is over it),
// 5xx and lost answers after writes at seeded rates, and Sforce-Limit-Info on every API answer.
const http = require('node:http');
const { createVerify, randomBytes } = require('node:crypto');
const { SoqlError, parse, matches, fieldsOf } = require('./soql');
const { takeFault, seeded } = require('./fault-queue');

/**
 * @typedef {Record<string, any>} Json
 * @typedef {Record<string, any> & { Id: string }} SRecord
 * @typedef {{ status: number; body: unknown }} Reply
 * @typedef {{ method?: string; path?: RegExp; status: number; errorCode?: string; when?: 'before' | 'after'; skip?: number }} Fault
 * @typedef {{ method: string; path: string; status: number; soql?: string; body?: unknown; composite?: boolean }} LogEntry
 * @typedef {{ id: string; email: string; name?: string; username?: string; active?: boolean }} MockUser
 * @typedef {{ id: string; name: string; active?: boolean }} MockRecordType an Opportunity record type
 * @typedef {{
 *   clientId?: string;
 *   clientSecret?: string;
 *   jwt?: { publicKey: string; audience?: string };
 *   users?: MockUser[];
 *   recordTypes?: MockRecordType[];
 *   externalIds?: Record<string, string[]>;
 *   uniqueExternalIds?: boolean;
 *   sessionRequests?: number;
 *   apiLimit?: number;
 *   latencyMs?: number;
 *   customFields?: Record<string, string[]>;
 *   queryBatchSize?: number;
 *   faults?: Faults;
 * }} MockOptions
 * @typedef {{ rate500?: number; rateLost?: number; seed?: number }} Faults `rate500`: share of API requests
 *   answered 500 UNKNOWN_EXCEPTION before anything is done; `rateLost`: share of writes done and then answered 502.
 * @typedef {(fields: Json, insert: boolean) => { errorCode: string; message: string; fields?: string[] } | null} Rule
 */

/** @type {Record<string, { prefix: string; fields: string[]; required: string[]; readOnly?: string[]; defaults?: Json; references?: Record<string, string[]> }>} */
const SCHEMA = {
	Account: { prefix: '001', fields: ['Name', 'Website', 'OwnerId', 'Industry'], required: ['Name'], references: { OwnerId: ['User'] } },
	Contact: { prefix: '003', fields: ['FirstName', 'LastName', 'Email', 'AccountId', 'OwnerId'], required: ['LastName'], references: { OwnerId: ['User'], AccountId: ['Account'] } },
	Lead: {
		prefix: '00Q',
		fields: ['FirstName', 'LastName', 'Email', 'Company', 'OwnerId', 'Status', 'IsConverted'],
		required: ['LastName', 'Company'],
		defaults: { Status: 'Open - Not Contacted', IsConverted: false },
		references: { OwnerId: ['User'] },
	},
	Opportunity: {
		prefix: '006',
		fields: ['Name', 'StageName', 'CloseDate', 'OwnerId', 'Amount', 'AccountId', 'Description', 'IsClosed', 'RecordTypeId'],
		required: ['Name', 'StageName', 'CloseDate'],
		readOnly: ['IsClosed'],
		defaults: { IsClosed: false },
		references: { OwnerId: ['User'], AccountId: ['Account'], RecordTypeId: ['RecordType'] },
	},
	Task: {
		prefix: '00T',
		fields: ['Subject', 'Description', 'WhatId', 'WhoId', 'OwnerId', 'ActivityDate', 'Status', 'Priority'],
		required: [],
		defaults: { Status: 'Not Started', Priority: 'Normal' },
		references: { OwnerId: ['User'], WhatId: ['Account', 'Opportunity'], WhoId: ['Contact', 'Lead'] },
	},
	User: { prefix: '005', fields: ['Name', 'Email', 'Username', 'IsActive'], required: ['Username'] },
	// Set-up objects the node only reads (its pickers); the mock seeds them and refuses writes.
	OpportunityStage: { prefix: '01J', fields: ['ApiName', 'MasterLabel', 'IsActive', 'IsClosed', 'SortOrder'], required: [] },
	RecordType: { prefix: '012', fields: ['Name', 'DeveloperName', 'SobjectType', 'IsActive'], required: [] },
};
/** @type {Array<[string, boolean, boolean]>} API name, closed, active */
const STAGES = [
	['Prospecting', false, true],
	['Qualification', false, true],
	['Needs Analysis', false, true],
	['Proposal/Price Quote', false, true],
	['Negotiation/Review', false, true],
	['Closed Won', true, true],
	['Closed Lost', true, true],
	['Retired Stage', false, false],
];
const DATE_FIELDS = new Set(['CloseDate', 'ActivityDate']);
const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const ROLLED_BACK = [{ errorCode: 'PROCESSING_HALTED', message: 'The transaction was rolled back since another operation in the same transaction failed.' }];

/** @param {string} message @param {string} errorCode @param {string[]} [fields] */
const errors = (message, errorCode, fields = []) => [{ message, errorCode, fields }];

class ApiFailure extends Error {
	/** @param {number} status @param {unknown} body */
	constructor(status, body) {
		super(`Salesforce mock ${status}`);
		this.status = status;
		this.body = body;
	}
}
/** @param {number} status @param {string} message @param {string} errorCode @param {string[]} [fields] */
const failure = (status, message, errorCode, fields) => new ApiFailure(status, errors(message, errorCode, fields));

/** @param {string} text */
const fromBase64url = (text) => Buffer.from(text, 'base64url');

/**
 * @param {MockOptions} [options]
 */
async function startSalesforceMock(options = {}) {
	const clientId = options.clientId ?? 'test-consumer-key';
	const clientSecret = options.clientSecret ?? 'test-consumer-secret';
	const audience = options.jwt?.audience ?? 'https://login.salesforce.com';
	const users = options.users ?? [];
	/** @type {Record<string, string[]>} */
	const externalIds = options.externalIds ?? { Opportunity: ['PQL_Idempotency_Key__c'], Account: ['PQL_Account_Key__c'] };
	const unique = options.uniqueExternalIds ?? true;
	const apiLimit = options.apiLimit ?? 15000;
	/** Custom text fields (255 characters, like Text(255) in Setup) besides the External IDs. @type {Record<string, string[]>} */
	const customFields = options.customFields ?? { Opportunity: ['PQL_Follow_Up__c'] };
	/** Salesforce returns at most this many records per query answer, then `nextRecordsUrl`. */
	const queryBatchSize = options.queryBatchSize ?? 2000;
	/** @type {Map<string, Json[]>} the rest of each query's records, by cursor */
	const cursors = new Map();
	/** Validation and duplicate rules of the org, by object. @type {Record<string, Rule[]>} */
	const rules = {};

	/** @type {Record<string, SRecord[]>} */
	let store = Object.fromEntries(Object.keys(SCHEMA).map((o) => [o, []]));
	for (const u of users) store.User.push({ Id: u.id, Name: u.name ?? u.email, Email: u.email, Username: u.username ?? u.email, IsActive: u.active ?? true, CreatedDate: new Date().toISOString() });
	// The standard Opportunity Stage picklist of a new org, plus one inactive value.
	STAGES.forEach(([name, closed, active], i) =>
		store.OpportunityStage.push({ Id: `01J${String(i).padStart(12, '0')}AAA`, ApiName: name, MasterLabel: name, IsActive: active, IsClosed: closed, SortOrder: i + 1 }),
	);
	for (const t of options.recordTypes ?? []) {
		store.RecordType.push({ Id: t.id, Name: t.name, DeveloperName: t.name.replace(/\W+/g, '_'), SobjectType: 'Opportunity', IsActive: t.active ?? true });
	}
	/** @type {Map<string, { requests: number; expired: boolean }>} */
	const sessions = new Map();
	/** @type {Fault[]} */
	const faults = [];
	/** @type {Required<Faults>} */
	let rates = { rate500: 0, rateLost: 0, seed: 1, ...options.faults };
	let random = seeded(rates.seed);
	/** @type {LogEntry[]} */
	const log = [];
	/** @type {string[]} every SOQL query received, composite subrequests included */
	const queries = [];
	/** @type {Array<{ grant: string; claims?: Json; status: number }>} */
	const tokenRequests = [];
	let sessionRequests = options.sessionRequests ?? Infinity;
	let apiUsage = 0;
	let sequence = 0;
	let querySequence = 0;
	let baseUrl = '';

	/** @param {string} object */
	const newId = (object) => {
		sequence++;
		let tail = '';
		for (let n = sequence, i = 0; i < 12; i++, n = Math.floor(n / ID_CHARS.length)) tail = ID_CHARS[n % ID_CHARS.length] + tail;
		return `${SCHEMA[object].prefix}${tail}AAA`;
	};
	/** @param {string} object */
	const fieldsOfObject = (object) => ['Id', 'CreatedDate', ...SCHEMA[object].fields, ...(externalIds[object] ?? []), ...(customFields[object] ?? [])];
	/** @param {string} object @param {string} field */
	const canonicalField = (object, field) => fieldsOfObject(object).find((f) => f.toLowerCase() === field.toLowerCase());
	/** @param {string} name */
	const canonicalObject = (name) => {
		const object = Object.keys(SCHEMA).find((o) => o.toLowerCase() === name.toLowerCase());
		if (object === undefined) throw failure(404, `sObject type '${name}' is not supported.`, 'NOT_FOUND');
		return object;
	};
	/** @param {string} id */
	const findById = (id) => {
		for (const object of Object.keys(store)) {
			const record = store[object].find((r) => r.Id === id);
			if (record) return { object, record };
		}
		return undefined;
	};

	/**
	 * Checks and normalises a write body like Salesforce: unknown and read-only fields, dates, references.
	 * @param {string} object @param {Json} body @param {boolean} insert
	 */
	function validate(object, body, insert) {
		if (typeof body !== 'object' || body === null || Array.isArray(body)) throw failure(400, 'The request body must be a JSON object', 'JSON_PARSER_ERROR');
		/** @type {Json} */
		const clean = {};
		for (const [key, value] of Object.entries(body)) {
			if (key === 'attributes') continue;
			const field = canonicalField(object, key);
			if (field === undefined || field === 'Id' || field === 'CreatedDate') throw failure(400, `No such column '${key}' on sobject of type ${object}`, 'INVALID_FIELD');
			if (SCHEMA[object].readOnly?.includes(field)) throw failure(400, `Unable to create/update fields: ${field}. Please check the security settings of this field and verify that it is read/write for your Profile or Permission set.`, 'INVALID_FIELD_FOR_INSERT_UPDATE', [field]);
			if (DATE_FIELDS.has(field) && value !== null && !/^\d{4}-\d{2}-\d{2}$/.test(String(value))) {
				throw failure(400, `Cannot deserialize instance of date from VALUE_STRING value ${value} or request may be missing a required field at [line:1, column:1]`, 'JSON_PARSER_ERROR');
			}
			const targets = SCHEMA[object].references?.[field];
			if (targets && value !== null) {
				const target = findById(String(value));
				if (target === undefined || !targets.includes(target.object)) throw failure(400, `${field}: id value of incorrect type: ${value}`, 'FIELD_INTEGRITY_EXCEPTION', [field]);
			}
			if ((externalIds[object] ?? []).concat(customFields[object] ?? []).includes(field) && typeof value === 'string' && value.length > 255) {
				throw failure(400, `${field}: data value too large: ${value.slice(0, 40)}... (max length=255)`, 'STRING_TOO_LONG', [field]);
			}
			clean[field] = value;
		}
		for (const rule of rules[object] ?? []) {
			const refusal = rule(clean, insert);
			if (refusal) throw failure(400, refusal.message, refusal.errorCode, refusal.fields ?? []);
		}
		if (object === 'Task' && clean.WhoId && clean.WhatId && findById(String(clean.WhoId))?.object === 'Lead') {
			throw failure(400, 'Name ID: id value of incorrect type: a Lead cannot be combined with Related To', 'FIELD_INTEGRITY_EXCEPTION', ['WhoId']);
		}
		if (insert) {
			const missing = SCHEMA[object].required.filter((f) => clean[f] === undefined || clean[f] === null || clean[f] === '');
			if (missing.length > 0) throw failure(400, `Required fields are missing: [${missing.join(', ')}]`, 'REQUIRED_FIELD_MISSING', missing);
		}
		return clean;
	}

	/** @param {string} object @param {Json} fields @param {string | null} [exceptId] */
	function checkUnique(object, fields, exceptId = null) {
		if (!unique) return;
		for (const field of externalIds[object] ?? []) {
			const value = fields[field];
			if (value === undefined || value === null) continue;
			const other = store[object].find((r) => r.Id !== exceptId && String(r[field] ?? '').toLowerCase() === String(value).toLowerCase());
			if (other) throw failure(400, `duplicate value found: ${field} duplicates value on record with id: ${other.Id}`, 'DUPLICATE_VALUE', [field]);
		}
	}

	/** @param {string} object @param {Json} body */
	function insert(object, body) {
		if (['User', 'OpportunityStage', 'RecordType'].includes(object)) throw failure(400, `The mock does not create ${object} records`, 'INVALID_TYPE_FOR_OPERATION');
		const fields = { ...(SCHEMA[object].defaults ?? {}), ...validate(object, body, true) };
		checkUnique(object, fields);
		const record = { ...fields, Id: newId(object), CreatedDate: new Date().toISOString() };
		store[object].push(record);
		return record;
	}

	/** @param {string} soql @param {boolean} [received] false for the tests' own look-ups */
	function runQuery(soql, received = true) {
		if (received) queries.push(soql);
		let query;
		try {
			query = parse(soql);
		} catch (error) {
			if (error instanceof SoqlError) throw failure(400, error.message, error.errorCode);
			throw error;
		}
		const object = Object.keys(SCHEMA).find((o) => o.toLowerCase() === query.object.toLowerCase());
		if (object === undefined) throw failure(400, `\n${soql}\n^\nERROR at Row:1:Column:1\nsObject type '${query.object}' is not supported.`, 'INVALID_TYPE');
		for (const field of [...query.fields, ...fieldsOf(query.where)]) {
			if (canonicalField(object, field) === undefined) throw failure(400, `\n${soql}\n^\nERROR at Row:1:Column:1\nNo such column '${field}' on entity '${object}'.`, 'INVALID_FIELD');
		}
		const where = query.where;
		let rows = store[object].filter((r) => where === null || matches(where, (f) => r[canonicalField(object, f) ?? f] ?? null));
		if (query.limit !== null) rows = rows.slice(0, query.limit);
		const all = rows.map((r) => {
			/** @type {Json} */
			const out = { attributes: { type: object, url: `/services/data/v60.0/sobjects/${object}/${r.Id}` } };
			for (const field of query.fields) {
				const name = canonicalField(object, field) ?? field;
				out[name] = r[name] ?? null;
			}
			return out;
		});
		return page(all, `01gMOCK${++querySequence}`, 0);
	}

	/** One batch of a query's records, and where the next one is. @param {Json[]} all @param {string} cursor @param {number} offset */
	function page(all, cursor, offset) {
		const records = all.slice(offset, offset + queryBatchSize);
		const done = offset + records.length >= all.length;
		if (done) return { totalSize: all.length, done, records };
		cursors.set(cursor, all);
		return { totalSize: all.length, done, records, nextRecordsUrl: `/services/data/v60.0/query/${cursor}-${offset + records.length}` };
	}

	/**
	 * One REST call below /services/data/vXX.X (shared by HTTP and composite subrequests).
	 * @param {string} method @param {string} path @param {URLSearchParams} search @param {unknown} body
	 * @returns {Reply}
	 */
	function api(method, path, search, body) {
		if (method === 'GET' && path === '/query') {
			const q = search.get('q');
			if (!q) throw failure(400, 'A query string has to be specified', 'MALFORMED_QUERY');
			return { status: 200, body: runQuery(q) };
		}
		const more = /^\/query\/(\w+)-(\d+)$/.exec(path);
		if (more && method === 'GET') {
			const all = cursors.get(more[1]);
			if (!all) throw failure(400, 'invalid query locator', 'INVALID_QUERY_LOCATOR');
			return { status: 200, body: page(all, more[1], Number(more[2])) };
		}
		const create = /^\/sobjects\/(\w+)\/?$/.exec(path);
		if (create && method === 'POST') {
			const record = insert(canonicalObject(create[1]), /** @type {Json} */ (body));
			return { status: 201, body: { id: record.Id, success: true, errors: [] } };
		}
		const byExternalId = /^\/sobjects\/(\w+)\/(\w+)\/([^/]+)$/.exec(path);
		if (byExternalId && method === 'PATCH') {
			const object = canonicalObject(byExternalId[1]);
			const field = (externalIds[object] ?? []).find((f) => f.toLowerCase() === byExternalId[2].toLowerCase());
			if (field === undefined) throw failure(404, `Provided external ID field does not exist or is not accessible: ${byExternalId[2]}`, 'NOT_FOUND');
			const value = decodeURIComponent(byExternalId[3]);
			const fields = validate(object, /** @type {Json} */ (body), false);
			if (fields[field] !== undefined && String(fields[field]) !== value) {
				throw failure(400, `The value of ${field} in the body does not match the one in the URL`, 'INVALID_FIELD', [field]);
			}
			// One synchronous step from look-up to write: concurrent upserts of one value cannot both create.
			const found = store[object].filter((r) => String(r[field] ?? '').toLowerCase() === value.toLowerCase());
			if (found.length > 1) return { status: 300, body: found.map((r) => `/services/data/v60.0/sobjects/${object}/${r.Id}`) };
			if (found.length === 1) {
				checkUnique(object, fields, found[0].Id);
				Object.assign(found[0], fields);
				return { status: 200, body: { id: found[0].Id, success: true, errors: [], created: false } };
			}
			const record = insert(object, { ...fields, [field]: value });
			return { status: 201, body: { id: record.Id, success: true, errors: [], created: true } };
		}
		const byId = /^\/sobjects\/(\w+)\/(\w{15,18})$/.exec(path);
		if (byId && method === 'PATCH') {
			const object = canonicalObject(byId[1]);
			const record = store[object].find((r) => r.Id === byId[2]);
			if (!record) throw failure(404, 'The requested resource does not exist', 'NOT_FOUND');
			const fields = validate(object, /** @type {Json} */ (body), false);
			checkUnique(object, fields, record.Id);
			Object.assign(record, fields);
			return { status: 204, body: null };
		}
		if (byId && method === 'GET') {
			const object = canonicalObject(byId[1]);
			const record = store[object].find((r) => r.Id === byId[2]);
			if (!record) throw failure(404, 'The requested resource does not exist', 'NOT_FOUND');
			return { status: 200, body: { attributes: { type: object }, ...record } };
		}
		throw failure(404, `The requested resource does not exist: ${method} ${path}`, 'NOT_FOUND');
	}

	/**
	 * @param {string} text e.g. "/services/data/v60.0/sobjects/Task"
	 * @returns {{ path: string; search: URLSearchParams }}
	 */
	function splitApiUrl(text) {
		const url = new URL(text, 'http://mock');
		const match = /^\/services\/data\/v(\d+\.\d)(\/.*)$/.exec(url.pathname);
		if (!match) throw failure(404, `The requested resource does not exist: ${url.pathname}`, 'NOT_FOUND');
		if (Number(match[1]) < 20) throw failure(410, `API version ${match[1]} has been retired`, 'API_DISABLED_FOR_ORG');
		return { path: match[2], search: url.searchParams };
	}

	/**
	 * @param {Json} results by referenceId
	 * @param {unknown} value
	 * @returns {unknown}
	 */
	function resolveReferences(results, value) {
		if (typeof value === 'string') {
			return value.replace(/@\{(\w+)\.([\w.[\]]+)\}/g, (_m, ref, path) => {
				const base = results[ref];
				if (base === undefined) throw failure(400, `Invalid reference specified. No value for ${ref}.${path} found in ${ref}.`, 'INVALID_REFERENCE'); // Salesforce names the missing reference
				let current = base;
				for (const part of String(path).split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '')) current = current?.[part];
				if (current === undefined || current === null) throw failure(400, `Invalid reference specified. No value for ${ref}.${path} found in ${ref}.`, 'INVALID_REFERENCE');
				return String(current);
			});
		}
		if (Array.isArray(value)) return value.map((v) => resolveReferences(results, v));
		if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveReferences(results, v)]));
		return value;
	}

	/** @param {Json} body @returns {Reply} */
	function runComposite(body) {
		const list = body?.compositeRequest;
		if (!Array.isArray(list) || list.length === 0) throw failure(400, 'compositeRequest is required', 'JSON_PARSER_ERROR');
		if (list.length > 25) throw failure(400, 'Composite requests may contain at most 25 subrequests', 'LIMIT_EXCEEDED');
		const ids = list.map((s) => s.referenceId);
		if (ids.some((id) => typeof id !== 'string' || !/^[A-Za-z0-9_]+$/.test(id)) || new Set(ids).size !== ids.length) {
			throw failure(400, 'Every subrequest needs a unique referenceId of letters, digits and underscores', 'JSON_PARSER_ERROR');
		}
		const allOrNone = body.allOrNone === true;
		const snapshot = allOrNone ? structuredClone(store) : null;
		/** @type {Json} */
		const results = {};
		/** @type {Array<{ body: unknown; httpHeaders: Json; httpStatusCode: number; referenceId: string }>} */
		const answers = [];
		let failed = false;
		for (const sub of list) {
			if (failed && allOrNone) {
				answers.push({ body: ROLLED_BACK, httpHeaders: {}, httpStatusCode: 400, referenceId: sub.referenceId });
				continue;
			}
			let reply;
			try {
				const { path, search } = splitApiUrl(String(resolveReferences(results, sub.url)));
				reply = api(String(sub.method).toUpperCase(), path, search, resolveReferences(results, sub.body));
				log.push({ method: String(sub.method), path, status: reply.status, soql: search.get('q') ?? undefined, body: sub.body, composite: true });
			} catch (error) {
				if (!(error instanceof ApiFailure)) throw error;
				reply = { status: error.status, body: error.body };
			}
			if (reply.status >= 300) failed = true;
			else results[sub.referenceId] = reply.body;
			answers.push({ body: reply.body, httpHeaders: {}, httpStatusCode: reply.status, referenceId: sub.referenceId });
		}
		if (failed && snapshot !== null) {
			store = snapshot;
			for (const answer of answers) if (answer.httpStatusCode < 300) Object.assign(answer, { body: ROLLED_BACK, httpStatusCode: 400 });
		}
		return { status: 200, body: { compositeResponse: answers } };
	}

	/** @param {string} raw @param {string | undefined} contentType @returns {Reply} */
	function token(raw, contentType) {
		if (!String(contentType ?? '').startsWith('application/x-www-form-urlencoded')) {
			return { status: 400, body: { error: 'invalid_request', error_description: 'grant type not supported' } };
		}
		const form = new URLSearchParams(raw);
		const grant = form.get('grant_type') ?? '';
		/** @param {string} error @param {string} description @param {Json} [claims] */
		const refuse = (error, description, claims) => {
			tokenRequests.push({ grant, claims, status: 400 });
			return { status: 400, body: { error, error_description: description } };
		};
		/** @type {Json | undefined} */
		let claims;
		if (grant === 'client_credentials') {
			if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) return refuse('invalid_client', 'invalid client credentials');
		} else if (grant === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
			if (!options.jwt) return refuse('invalid_grant', 'the org has no certificate for JWT bearer');
			const parts = (form.get('assertion') ?? '').split('.');
			if (parts.length !== 3) return refuse('invalid_grant', 'invalid assertion');
			let header;
			try {
				header = JSON.parse(fromBase64url(parts[0]).toString('utf8'));
				claims = JSON.parse(fromBase64url(parts[1]).toString('utf8'));
			} catch {
				return refuse('invalid_grant', 'invalid assertion');
			}
			const signed = createVerify('RSA-SHA256').update(`${parts[0]}.${parts[1]}`).verify(options.jwt.publicKey, fromBase64url(parts[2]));
			if (header.alg !== 'RS256' || !signed) return refuse('invalid_grant', 'invalid assertion', claims);
			if (claims?.iss !== clientId) return refuse('invalid_client_id', 'client identifier invalid', claims);
			if (claims?.aud !== audience) return refuse('invalid_grant', 'audience is invalid', claims);
			const now = Date.now() / 1000;
			if (typeof claims?.exp !== 'number' || claims.exp < now || claims.exp > now + 300) return refuse('invalid_grant', 'expired authorization code', claims);
			if (!users.some((u) => (u.username ?? u.email) === claims?.sub && u.active !== false)) return refuse('invalid_grant', 'user hasn\'t approved this consumer', claims);
		} else {
			return refuse('unsupported_grant_type', 'grant type not supported');
		}
		const accessToken = `00DMOCK!${randomBytes(24).toString('base64url')}`;
		sessions.set(accessToken, { requests: 0, expired: false });
		tokenRequests.push({ grant, claims, status: 200 });
		return {
			status: 200,
			body: { access_token: accessToken, instance_url: baseUrl, id: `${baseUrl}/id/00DMOCK000000001AAA/005MOCK00000001AAA`, token_type: 'Bearer', issued_at: String(Date.now()), signature: randomBytes(32).toString('base64'), scope: 'api' },
		};
	}

	/** @param {string} method @param {string} path */
	const takeFaultOf = (method, path) => takeFault(faults, (f) => (f.method === undefined || f.method === method) && (f.path === undefined || f.path.test(path)));
	/** @param {Fault} fault */
	const faultReply = (fault) => ({
		status: fault.status,
		body:
			fault.status === 403
				? errors('TotalRequests Limit exceeded.', fault.errorCode ?? 'REQUEST_LIMIT_EXCEEDED')
				: errors('An unexpected error occurred. Please include this ErrorId if you contact support: 1234567890-12345 (-987654321)', fault.errorCode ?? 'UNKNOWN_EXCEPTION'),
	});

	/** @param {http.IncomingMessage} req @param {string} raw @returns {Reply} */
	function handle(req, raw) {
		const url = new URL(req.url ?? '/', 'http://mock');
		const method = req.method ?? 'GET';
		if (url.pathname === '/services/oauth2/token' && method === 'POST') return token(raw, req.headers['content-type']);
		if (url.pathname === '/services/data' || url.pathname === '/services/data/') return { status: 200, body: [{ label: "Spring '24", url: '/services/data/v60.0', version: '60.0' }] };

		const auth = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''));
		const session = auth ? sessions.get(auth[1]) : undefined;
		if (session === undefined || session.expired || session.requests >= sessionRequests) {
			if (session) session.expired = true;
			return { status: 401, body: errors('Session expired or invalid', 'INVALID_SESSION_ID') };
		}
		session.requests++;
		apiUsage++;
		const { path, search } = splitApiUrl(url.pathname + url.search);
		if (apiUsage > apiLimit) return faultReply({ status: 403 });
		const fault = takeFaultOf(method, path);
		if (fault && fault.when !== 'after') return faultReply(fault);
		if (random() < rates.rate500) return faultReply({ status: 500 });
		let body;
		try {
			body = raw === '' ? undefined : JSON.parse(raw);
		} catch {
			throw failure(400, 'Unexpected character in the JSON body', 'JSON_PARSER_ERROR');
		}
		const reply = method === 'POST' && path === '/composite' ? runComposite(body) : api(method, path, search, body);
		if (fault) return faultReply(fault);
		// A write is any request but a GET (queries, describes and reads by id are GETs).
		return method !== 'GET' && reply.status < 300 && random() < rates.rateLost ? faultReply({ status: 502 }) : reply;
	}

	const server = http.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			const answer = () => {
				/** @type {Reply} */
				let reply;
				try {
					reply = handle(req, raw);
				} catch (error) {
					if (!(error instanceof ApiFailure)) throw error;
					reply = { status: error.status, body: error.body };
				}
				const url = new URL(req.url ?? '/', 'http://mock');
				let parsed;
				try {
					parsed = raw === '' ? undefined : JSON.parse(raw);
				} catch {
					parsed = raw;
				}
				log.push({ method: req.method ?? 'GET', path: url.pathname, status: reply.status, soql: url.searchParams.get('q') ?? undefined, body: parsed });
				res.writeHead(reply.status, { 'content-type': 'application/json;charset=UTF-8', 'sforce-limit-info': `api-usage=${apiUsage}/${apiLimit}` });
				res.end(JSON.stringify(reply.body));
			};
			if (options.latencyMs) setTimeout(answer, options.latencyMs);
			else answer();
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const address = server.address();
	baseUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;

	return {
		url: baseUrl,
		clientId,
		clientSecret,
		log,
		queries,
		tokenRequests,
		/** @param {string} object */
		records: (object) => store[object].map((r) => ({ ...r })),
		/** @param {string} object */
		count: (object) => store[object].length,
		/** A record made outside the node (by a rep), bypassing faults and limits. @param {string} object @param {Json} fields */
		seed: (object, fields) => {
			const record = { ...(SCHEMA[object].defaults ?? {}), ...validate(object, fields, true), Id: newId(object), CreatedDate: new Date().toISOString() };
			store[object].push(record);
			return record.Id;
		},
		/** Runs SOQL as the API would (not recorded in `queries`), for tests of the mock itself. @param {string} soql */
		query: (soql) => {
			try {
				return { status: 200, body: runQuery(soql, false) };
			} catch (error) {
				if (!(error instanceof ApiFailure)) throw error;
				return { status: error.status, body: error.body };
			}
		},
		/** The next matching API request (after `skip` of them) answers with this fault ('after': the request ran, its answer is lost). @param {Fault} fault */
		failNext: (fault) => faults.push(fault),
		/** A validation or duplicate rule of the org on new or changed records of `object`. @param {string} object @param {Rule} rule */
		addRule: (object, rule) => (rules[object] = [...(rules[object] ?? []), rule]),
		/** Removes the org's rules of `object` (the admin fixed them). @param {string} object */
		clearRules: (object) => delete rules[object],
		/** Closes an Opportunity as a rep would (IsClosed is read-only through the API). @param {string} id @param {boolean} [won] */
		closeOpportunity: (id, won = false) => {
			const record = store.Opportunity.find((r) => r.Id === id);
			if (record) Object.assign(record, { IsClosed: true, StageName: won ? 'Closed Won' : 'Closed Lost' });
		},
		/** Every live session answers INVALID_SESSION_ID from now on. */
		expireSessions: () => sessions.forEach((s) => (s.expired = true)),
		/** @param {number} n sessions expire after n API requests */
		setSessionRequests: (n) => (sessionRequests = n),
		/** @param {number} used */
		setApiUsage: (used) => (apiUsage = used),
		/** @param {Faults} next */
		setFaults(next) {
			rates = { rate500: 0, rateLost: 0, seed: 1, ...next };
			random = seeded(rates.seed);
		},
		close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
	};
}

module.exports = { startSalesforceMock };

// @ts-check
'use strict';
// A stateful HubSpot CRM mock for workflow and end-to-end tests. Every request is validated against
// the structure of HubSpot's official OpenAPI specs in test/fixtures/hubspot-openapi (plus the
// documented Properties API):
// an invalid request is answered 400 and recorded in `violations`, which tests assert is empty.
// It keeps companies, contacts, deals, notes, associations and property definitions; enforces
// unique-value properties (409 CONFLICT); lags its search index; and injects HubSpot's real 429
// answers, 5xx, and writes whose answer is lost (done, then answered 502) at seeded rates.
const http = require('node:http');
const path = require('node:path');
const { randomUUID } = require('node:crypto');
const { loadRoutes, matchRoute, validateRequest, validateResponse } = require('./openapi');
const { propertiesApi } = require('./hubspot-properties-api');
const { takeFault, seeded } = require('./fault-queue');

const SPEC_DIR = path.resolve(__dirname, '../fixtures/hubspot-openapi');

/**
 * @typedef {Record<string, any>} Json
 * @typedef {{ id: string; properties: Record<string, string>; createdAt: string; updatedAt: string; archived: boolean; indexedAt: number }} StoredRecord
 * @typedef {{ name: string; label: string; type: string; fieldType: string; groupName: string; hasUniqueValue?: boolean; description?: string }} PropertyDef
 * @typedef {{ method?: string; path?: RegExp; when?: 'before' | 'after'; status?: number; skip?: number }} FailRule
 * @typedef {{ rate429?: number; rate500?: number; rateLost?: number; seed?: number; daily?: boolean }} Faults
 *   `rateLost`: the share of writes that are done but whose answer is lost on the way (a 502 from the gateway).
 * @typedef {{
 *   token?: string;
 *   searchLagMs?: number;
 *   rateLimitIntervalMs?: number;
 *   faults?: Faults;
 *   owners?: Array<{ id: string; email: string; firstName?: string; lastName?: string }>;
 *   pqlProperties?: boolean;
 *   validateAgainstSpecs?: boolean;
 *   associationPageSize?: number;
 * }} MockOptions
 */

const TYPES = { companies: '0-2', contacts: '0-1', deals: '0-3', notes: '0-46' };
/** @type {Record<string, keyof typeof TYPES>} */
const TYPE_BY_NAME = { companies: 'companies', company: 'companies', '0-2': 'companies', contacts: 'contacts', contact: 'contacts', '0-1': 'contacts', deals: 'deals', deal: 'deals', '0-3': 'deals', notes: 'notes', note: 'notes', '0-46': 'notes' };

/** @param {string} name @param {string} type @param {string} [fieldType] @returns {PropertyDef} */
const builtIn = (name, type = 'string', fieldType = 'text') => ({ name, label: name, type, fieldType, groupName: 'hubspot' });
const BUILT_IN = {
	companies: ['name', 'domain', 'industry', 'city', 'country'].map((n) => builtIn(n)),
	contacts: ['email', 'firstname', 'lastname', 'company', 'jobtitle'].map((n) => builtIn(n)),
	deals: [builtIn('dealname'), builtIn('pipeline'), builtIn('dealstage'), builtIn('amount', 'number', 'number'), builtIn('closedate', 'datetime', 'date'), builtIn('hubspot_owner_id')],
	notes: [builtIn('hs_note_body', 'string', 'html'), builtIn('hs_timestamp', 'datetime', 'date'), builtIn('hubspot_owner_id')],
};
/** Calculated by HubSpot; readable and searchable, never writable. */
const READ_ONLY = new Set(['hs_object_id', 'createdate', 'hs_lastmodifieddate', 'hs_is_closed']);

/** Valid HubSpot-defined association type ids by direction. */
const ASSOCIATION_TYPES = {
	'deals>contacts': [3],
	'contacts>deals': [4],
	'deals>companies': [5, 341],
	'companies>deals': [6, 342],
	'contacts>companies': [1, 279],
	'companies>contacts': [2, 280],
	'notes>contacts': [202],
	'notes>companies': [190],
	'notes>deals': [214],
	'deals>notes': [213],
	'contacts>notes': [201],
	'companies>notes': [189],
};

const DEFAULT_PIPELINES = [
	{
		id: 'default',
		label: 'Sales Pipeline',
		displayOrder: 0,
		stages: [
			['appointmentscheduled', 'Appointment Scheduled', '0.2', 'false'],
			['qualifiedtobuy', 'Qualified To Buy', '0.4', 'false'],
			['closedwon', 'Closed Won', '1.0', 'true'],
			['closedlost', 'Closed Lost', '0.0', 'true'],
		],
	},
	{ id: '7654321', label: 'PQL Pipeline', displayOrder: 1, stages: [['pqlnew', 'New PQL', '0.1', 'false'], ['pqlwon', 'Won', '1.0', 'true']] },
];

class HttpError extends Error {
	/** @param {number} status @param {string} category @param {string} message @param {Json} [extra] */
	constructor(status, category, message, extra = {}) {
		super(message);
		this.status = status;
		this.category = category;
		this.extra = extra;
	}
}

/** @param {MockOptions} [options] */
async function startHubSpotMock(options = {}) {
	const token = options.token ?? 'pat-na1-test-token';
	// `validateAgainstSpecs: false` is for `npm run demo` only: a user's clone has no specs folder,
	// so the stand-in then answers every path its handlers know without checking requests.
	const routes = options.validateAgainstSpecs === false ? null : loadRoutes(SPEC_DIR, [propertiesApi]);
	let searchLagMs = options.searchLagMs ?? 0;
	/** HubSpot's v4 association list gives at most 500 per page; tests make pages smaller to see paging work. */
	const associationPageSize = options.associationPageSize ?? 500;
	const intervalMs = options.rateLimitIntervalMs ?? 10_000;
	/** @type {Required<Faults>} */
	let faults = { rate429: 0, rate500: 0, rateLost: 0, seed: 1, daily: false, ...options.faults };
	let random = seeded(faults.seed);
	/** @type {FailRule[]} */
	const failNext = [];
	/** @type {Array<{ method: string; url: string; problems: string[] }>} */
	const violations = [];
	/** @type {Array<{ method: string; url: string; problems: string[] }>} */
	const responseViolations = [];
	/** @type {Array<{ method: string; path: string; status: number; injected?: string }>} */
	const log = [];
	let nextId = 1000;
	const now = () => Date.now();

	/** @type {Record<keyof typeof TYPES, Map<string, StoredRecord>>} */
	const records = { companies: new Map(), contacts: new Map(), deals: new Map(), notes: new Map() };
	/** @type {Record<keyof typeof TYPES, Map<string, PropertyDef>>} */
	const properties = { companies: new Map(), contacts: new Map(), deals: new Map(), notes: new Map() };
	for (const [type, defs] of Object.entries(BUILT_IN)) for (const def of defs) properties[/** @type {keyof typeof TYPES} */ (type)].set(def.name, def);
	properties.contacts.set('email', { ...builtIn('email'), hasUniqueValue: true });
	/** @type {Map<string, Set<number>>} "fromType:fromId>toType:toId" → type ids */
	const associations = new Map();
	const owners = options.owners ?? [];
	const pipelines = DEFAULT_PIPELINES.map((p) => ({
		id: p.id,
		label: p.label,
		displayOrder: p.displayOrder,
		archived: false,
		createdAt: '2024-01-01T00:00:00.000Z',
		updatedAt: '2024-01-01T00:00:00.000Z',
		stages: p.stages.map(([id, label, probability, isClosed], i) => ({
			id,
			label,
			displayOrder: i,
			archived: false,
			metadata: { probability, isClosed },
			createdAt: '2024-01-01T00:00:00.000Z',
			updatedAt: '2024-01-01T00:00:00.000Z',
		})),
	}));
	if (options.pqlProperties !== false) {
		const pql = (/** @type {string} */ name, type = 'string', unique = false) => ({ name, label: name, type, fieldType: type === 'number' ? 'number' : 'text', groupName: 'dealinformation', hasUniqueValue: unique });
		for (const def of [pql('pql_idempotency_key', 'string', true), pql('pql_account_id'), pql('pql_score', 'number'), pql('pql_grade'), pql('pql_reasons'), pql('pql_qualified_at', 'datetime'), pql('pql_follow_up')]) properties.deals.set(def.name, def);
		properties.companies.set('pql_company_key', { ...pql('pql_company_key', 'string', true), groupName: 'companyinformation' });
	}

	/** @param {string} name */
	const objectType = (name) => {
		const type = TYPE_BY_NAME[name];
		if (!type) throw new HttpError(400, 'VALIDATION_ERROR', `Unable to infer object type from: ${name}`);
		return type;
	};

	/** @param {keyof typeof TYPES} type @param {StoredRecord} record */
	const calculated = (type, record) => {
		/** @type {Record<string, string>} */
		const values = { ...record.properties, hs_object_id: record.id, createdate: record.createdAt, hs_lastmodifieddate: record.updatedAt };
		if (type === 'deals') {
			const stage = pipelines.find((p) => p.id === record.properties.pipeline)?.stages.find((s) => s.id === record.properties.dealstage);
			values.hs_is_closed = stage?.metadata.isClosed === 'true' ? 'true' : 'false';
		}
		return values;
	};

	/** @param {keyof typeof TYPES} type @param {StoredRecord} record @param {string[]} [wanted] */
	const present = (type, record, wanted) => {
		const values = calculated(type, record);
		const names = wanted && wanted.length > 0 ? wanted : Object.keys(record.properties).concat(['hs_object_id', 'createdate', 'hs_lastmodifieddate']);
		// As HubSpot documents it: a requested property that is not defined is left out; one that is
		// defined but has no value comes back as null (the OpenAPI specs do not say nullable).
		/** @type {Record<string, string | null>} */
		const shown = {};
		for (const name of new Set(names)) if (properties[type].has(name) || READ_ONLY.has(name)) shown[name] = values[name] ?? null;
		return { id: record.id, properties: shown, createdAt: record.createdAt, updatedAt: record.updatedAt, archived: false };
	};

	/** @param {keyof typeof TYPES} type @param {string} name */
	const isUnique = (type, name) => properties[type].get(name)?.hasUniqueValue === true;

	/** @param {keyof typeof TYPES} type @param {string} name @param {string} value */
	const findByUnique = (type, name, value) => {
		const wanted = type === 'contacts' && name === 'email' ? value.toLowerCase() : value;
		for (const record of records[type].values()) {
			const have = record.properties[name];
			if (have !== undefined && (type === 'contacts' && name === 'email' ? have.toLowerCase() : have) === wanted) return record;
		}
		return undefined;
	};

	/** HubSpot's answer to bad property values. @param {keyof typeof TYPES} type @param {Record<string, string>} values */
	const checkValues = (type, values) => {
		const errors = [];
		for (const [name, value] of Object.entries(values)) {
			const def = properties[type].get(name);
			if (READ_ONLY.has(name)) errors.push({ isValid: false, message: `${name} is a read only property; its value cannot be set.`, error: 'READ_ONLY_VALUE', name });
			else if (!def) errors.push({ isValid: false, message: `Property "${name}" does not exist`, error: 'PROPERTY_DOESNT_EXIST', name });
			else if (name === 'hubspot_owner_id' && value !== '' && !owners.some((o) => o.id === value)) errors.push({ isValid: false, message: `${value} is not a valid owner id`, error: 'INVALID_OWNER_ID', name });
			else if (def.type === 'number' && value !== '' && !Number.isFinite(Number(value))) errors.push({ isValid: false, message: `${value} was not a valid number.`, error: 'INVALID_FLOAT', name });
			else if (def.type === 'datetime' && value !== '' && Number.isNaN(Date.parse(value)) && !/^\d+$/.test(value)) errors.push({ isValid: false, message: `${value} was not a valid date.`, error: 'INVALID_DATE', name });
		}
		if (type === 'notes' && (values.hs_note_body ?? '').length > 65_536) errors.push({ isValid: false, message: 'hs_note_body is longer than 65536 characters', error: 'INVALID_LENGTH', name: 'hs_note_body' });
		if (errors.length > 0) throw new HttpError(400, 'VALIDATION_ERROR', `Property values were not valid: ${JSON.stringify(errors)}`);
	};

	/** @param {keyof typeof TYPES} type @param {Record<string, string>} values @param {string} [exceptId] */
	const checkUnique = (type, values, exceptId) => {
		for (const [name, value] of Object.entries(values)) {
			if (!isUnique(type, name) || value === '') continue;
			const other = findByUnique(type, name, value);
			if (other && other.id !== exceptId) {
				throw new HttpError(409, 'CONFLICT', `A ${type.replace(/s$/, '').replace(/ie$/, 'y')} with ${name} "${value}" already exists. Existing ID: ${other.id}`, { context: { id: [other.id] } });
			}
		}
	};

	/** @param {keyof typeof TYPES} type @param {Record<string, string>} values */
	const checkNew = (type, values) => {
		if (type === 'deals') {
			if (!values.dealname) throw new HttpError(400, 'VALIDATION_ERROR', 'Property values were not valid: dealname is required');
			const pipeline = pipelines.find((p) => p.id === (values.pipeline ?? 'default'));
			if (!pipeline) throw new HttpError(400, 'VALIDATION_ERROR', `Property values were not valid: ${values.pipeline} is not a valid pipeline`);
			if (!pipeline.stages.some((s) => s.id === values.dealstage)) {
				throw new HttpError(400, 'VALIDATION_ERROR', `Property values were not valid: ${values.dealstage} is not a valid stage of pipeline ${pipeline.id}`);
			}
		}
		if (type === 'notes' && !values.hs_timestamp) throw new HttpError(400, 'VALIDATION_ERROR', 'Property values were not valid: hs_timestamp is required');
	};

	/** @param {keyof typeof TYPES} type @param {Record<string, string>} values */
	const create = (type, values) => {
		checkValues(type, values);
		checkNew(type, { pipeline: 'default', ...values });
		checkUnique(type, values);
		const at = new Date(now()).toISOString();
		const record = { id: String(nextId++), properties: { ...(type === 'deals' ? { pipeline: 'default' } : {}), ...values }, createdAt: at, updatedAt: at, archived: false, indexedAt: now() + searchLagMs };
		records[type].set(record.id, record);
		return record;
	};

	/** @param {keyof typeof TYPES} type @param {StoredRecord} record @param {Record<string, string>} values */
	const update = (type, record, values) => {
		checkValues(type, values);
		checkUnique(type, values, record.id);
		Object.assign(record.properties, values);
		record.updatedAt = new Date(now()).toISOString();
		return record;
	};

	/** @param {keyof typeof TYPES} type @param {string} id @param {string | null} idProperty */
	const lookUp = (type, id, idProperty) => {
		if (idProperty && idProperty !== 'hs_object_id') {
			if (!isUnique(type, idProperty)) throw new HttpError(400, 'VALIDATION_ERROR', `${idProperty} is not a unique property of ${type}`);
			return findByUnique(type, idProperty, id);
		}
		return records[type].get(id);
	};

	const notFound = () => new HttpError(404, 'OBJECT_NOT_FOUND', 'Object not found.  objectId are usually numeric.');

	/** @param {Json} filter @param {Record<string, string>} values @param {keyof typeof TYPES} type */
	const matches = (filter, values, type) => {
		if (!properties[type].has(filter.propertyName) && !READ_ONLY.has(filter.propertyName)) {
			throw new HttpError(400, 'VALIDATION_ERROR', `There was a problem with the request: property ${filter.propertyName} does not exist`);
		}
		const have = values[filter.propertyName];
		const same = (/** @type {string} */ v) => have !== undefined && have.toLowerCase() === String(v).toLowerCase();
		switch (filter.operator) {
			case 'EQ':
				return same(filter.value);
			case 'NEQ':
				return !same(filter.value);
			case 'IN':
				return (filter.values ?? []).some(same);
			case 'HAS_PROPERTY':
				return have !== undefined && have !== '';
			case 'NOT_HAS_PROPERTY':
				return have === undefined || have === '';
			default:
				throw new HttpError(501, 'NOT_IMPLEMENTED', `the mock does not implement the ${filter.operator} operator`);
		}
	};

	/** @param {keyof typeof TYPES} type @param {Json} body */
	const search = (type, body) => {
		const groups = body.filterGroups ?? [];
		const filterCount = groups.reduce((/** @type {number} */ n, /** @type {Json} */ g) => n + g.filters.length, 0);
		if (groups.length > 5 || groups.some((/** @type {Json} */ g) => g.filters.length > 6) || filterCount > 18) {
			throw new HttpError(400, 'VALIDATION_ERROR', 'There was a problem with the request: too many filter groups or filters (at most 5 groups, 6 filters each, 18 in all)');
		}
		if (body.limit > 200) throw new HttpError(400, 'VALIDATION_ERROR', 'limit may not be greater than 200');
		const visible = [...records[type].values()].filter((r) => r.indexedAt <= now());
		const found = visible.filter((r) => {
			const values = calculated(type, r);
			return groups.length === 0 || groups.some((/** @type {Json} */ g) => g.filters.every((/** @type {Json} */ f) => matches(f, values, type)));
		});
		const offset = Number(body.after || 0);
		const page = found.slice(offset, offset + (body.limit || 10));
		/** @type {Json} */
		const answer = { total: found.length, results: page.map((r) => present(type, r, body.properties)) };
		if (offset + page.length < found.length) answer.paging = { next: { after: String(offset + page.length) } };
		return answer;
	};

	/** @param {string} fromType @param {string} fromId @param {string} toType @param {string} toId @param {number[]} typeIds */
	const associate = (fromType, fromId, toType, toId, typeIds) => {
		const from = objectType(fromType);
		const to = objectType(toType);
		const allowed = /** @type {Record<string, number[]>} */ (ASSOCIATION_TYPES)[`${from}>${to}`] ?? [];
		for (const id of typeIds) {
			if (!allowed.includes(id)) throw new HttpError(400, 'VALIDATION_ERROR', `${id} is not a valid association type id between ${from} and ${to}`);
		}
		if (!records[from].has(fromId) || !records[to].has(toId)) throw notFound();
		// HubSpot keeps both directions: a note→deal association is also a deal→note one.
		const inverse = /** @type {Record<string, number[]>} */ (ASSOCIATION_TYPES)[`${to}>${from}`] ?? [];
		const forward = /** @type {Record<string, number[]>} */ (ASSOCIATION_TYPES)[`${from}>${to}`] ?? [];
		for (const [key, ids] of [
			[`${from}:${fromId}>${to}:${toId}`, typeIds],
			[`${to}:${toId}>${from}:${fromId}`, typeIds.map((id) => inverse[forward.indexOf(id)])],
		]) {
			const set = associations.get(/** @type {string} */ (key)) ?? new Set();
			/** @type {number[]} */ (ids).forEach((id) => set.add(id));
			associations.set(/** @type {string} */ (key), set);
		}
		return { from, to };
	};

	/** @param {string} method @param {string} pathname @param {URLSearchParams} query @param {any} body */
	function handle(method, pathname, query, body) {
		/** @type {RegExpExecArray | null} */
		let m;
		if (method === 'GET' && pathname === '/crm/v3/owners') {
			const email = query.get('email');
			const list = owners.filter((o) => !email || o.email.toLowerCase() === email.toLowerCase());
			const limit = Number(query.get('limit') ?? 100);
			// HubSpot pages owners by an opaque `after` cursor (here: the offset), at most 500 per page.
			const start = Number(query.get('after') ?? 0);
			const end = start + Math.min(limit, 500);
			return {
				status: 200,
				body: {
					results: list.slice(start, end).map((o) => ({ ...o, type: 'PERSON', userId: Number(o.id), archived: false, createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z' })),
					...(end < list.length ? { paging: { next: { after: String(end), link: `/crm/v3/owners?after=${end}` } } } : {}),
				},
			};
		}
		if (method === 'GET' && (m = /^\/crm\/v3\/pipelines\/([^/]+)$/.exec(pathname))) {
			if (objectType(m[1]) !== 'deals') return { status: 200, body: { results: [] } };
			return { status: 200, body: { results: pipelines } };
		}
		if (method === 'POST' && (m = /^\/crm\/v3\/properties\/([^/]+)$/.exec(pathname))) {
			const type = objectType(m[1]);
			if (properties[type].has(body.name)) throw new HttpError(409, 'OBJECT_ALREADY_EXISTS', `Property already exists: ${body.name}`);
			const def = { ...body, hasUniqueValue: body.hasUniqueValue === true };
			properties[type].set(body.name, def);
			return { status: 201, body: def };
		}
		if (method === 'GET' && (m = /^\/crm\/v3\/properties\/([^/]+)\/([^/]+)$/.exec(pathname))) {
			const def = properties[objectType(m[1])].get(decodeURIComponent(m[2]));
			if (!def) throw new HttpError(404, 'OBJECT_NOT_FOUND', `Unable to find property ${m[2]}`);
			return { status: 200, body: { hasUniqueValue: false, ...def } };
		}
		if (method === 'POST' && (m = /^\/crm\/v3\/objects\/([^/]+)\/batch\/upsert$/.exec(pathname))) {
			const type = objectType(m[1]);
			const started = new Date(now()).toISOString();
			const results = body.inputs.map((/** @type {Json} */ input) => {
				const idProperty = input.idProperty ?? 'hs_object_id';
				if (!isUnique(type, idProperty)) throw new HttpError(400, 'VALIDATION_ERROR', `${idProperty} is not a unique property of ${type}; upsert needs a property with unique values`);
				if (input.properties[idProperty] !== undefined && input.properties[idProperty].toLowerCase() !== String(input.id).toLowerCase()) {
					throw new HttpError(400, 'VALIDATION_ERROR', `properties.${idProperty} differs from the input's id`);
				}
				const existing = findByUnique(type, idProperty, input.id);
				const record = existing ? update(type, existing, input.properties) : create(type, { ...input.properties, [idProperty]: input.id });
				return { ...present(type, record), new: !existing };
			});
			return { status: 200, body: { status: 'COMPLETE', results, startedAt: started, completedAt: new Date(now()).toISOString() } };
		}
		if (method === 'POST' && (m = /^\/crm\/v3\/objects\/([^/]+)\/batch\/read$/.exec(pathname))) {
			const type = objectType(m[1]);
			if (body.inputs.length > 100) throw new HttpError(400, 'VALIDATION_ERROR', 'Batch input contains more than 100 records');
			const found = body.inputs.map((/** @type {Json} */ i) => lookUp(type, i.id, body.idProperty ?? null)).filter(Boolean);
			const at = new Date(now()).toISOString();
			return { status: 200, body: { status: 'COMPLETE', results: found.map((/** @type {StoredRecord} */ r) => present(type, r, body.properties)), startedAt: at, completedAt: at } };
		}
		if (method === 'POST' && (m = /^\/crm\/v3\/objects\/([^/]+)\/search$/.exec(pathname))) {
			return { status: 200, body: search(objectType(m[1]), body) };
		}
		if (method === 'POST' && (m = /^\/crm\/v3\/objects\/([^/]+)$/.exec(pathname))) {
			const type = objectType(m[1]);
			const record = create(type, body.properties);
			try {
				for (const a of body.associations ?? []) associate(type, record.id, guessType(a.to.id), a.to.id, a.types.map((/** @type {Json} */ t) => t.associationTypeId));
			} catch (error) {
				records[type].delete(record.id);
				throw error;
			}
			return { status: 201, body: present(type, record) };
		}
		if ((method === 'GET' || method === 'PATCH') && (m = /^\/crm\/v3\/objects\/([^/]+)\/([^/]+)$/.exec(pathname))) {
			const type = objectType(m[1]);
			const record = lookUp(type, decodeURIComponent(m[2]), query.get('idProperty'));
			if (!record) throw notFound();
			if (method === 'PATCH') update(type, record, body.properties);
			const wanted = (query.getAll('properties') ?? []).flatMap((p) => p.split(',')).filter(Boolean);
			return { status: 200, body: present(type, record, wanted) };
		}
		if (method === 'PUT' && (m = /^\/crm\/v4\/objects\/([^/]+)\/([^/]+)\/associations\/([^/]+)\/([^/]+)$/.exec(pathname))) {
			const { from, to } = associate(m[1], m[2], m[3], m[4], body.map((/** @type {Json} */ t) => t.associationTypeId));
			return { status: 201, body: { fromObjectTypeId: TYPES[from], fromObjectId: m[2], toObjectTypeId: TYPES[to], toObjectId: m[4], labels: [] } };
		}
		if (method === 'GET' && (m = /^\/crm\/v4\/objects\/([^/]+)\/([^/]+)\/associations\/([^/]+)$/.exec(pathname))) {
			const from = objectType(m[1]);
			const to = objectType(m[3]);
			const prefix = `${from}:${m[2]}>${to}:`;
			const all = [...associations.entries()]
				.filter(([key]) => key.startsWith(prefix))
				.map(([key, ids]) => ({ toObjectId: key.slice(prefix.length), associationTypes: [...ids].map((typeId) => ({ category: 'HUBSPOT_DEFINED', typeId })) }));
			// Pages as HubSpot's v4 list does: at most `limit` (500 at most) per page, `paging.next.after` to go on.
			const limit = Math.min(Number(query.get('limit') ?? 500), associationPageSize);
			const offset = Number(query.get('after') ?? 0);
			/** @type {Json} */
			const page = { results: all.slice(offset, offset + limit) };
			if (offset + limit < all.length) page.paging = { next: { after: String(offset + limit), link: `?after=${offset + limit}` } };
			return { status: 200, body: page };
		}
		throw new HttpError(501, 'NOT_IMPLEMENTED', `the mock does not implement ${method} ${pathname}`);
	}

	/** Inline associations name only the target id; find which object holds it. @param {string} id */
	function guessType(id) {
		for (const type of /** @type {Array<keyof typeof TYPES>} */ (Object.keys(records))) if (records[type].has(id)) return type;
		throw new HttpError(400, 'VALIDATION_ERROR', `No object with id ${id} to associate with`);
	}

	const rateHeaders = () => ({
		'x-hubspot-ratelimit-max': '190',
		'x-hubspot-ratelimit-remaining': '150',
		'x-hubspot-ratelimit-interval-milliseconds': String(intervalMs),
		'x-hubspot-ratelimit-daily': '1000000',
		'x-hubspot-ratelimit-daily-remaining': '999000',
	});

	/** HubSpot's documented 429 body and headers. @param {'TEN_SECONDLY_ROLLING' | 'SECONDLY' | 'DAILY'} policyName */
	const tooMany = (policyName) => ({
		status: 429,
		headers: {
			...rateHeaders(),
			'x-hubspot-ratelimit-remaining': '0',
			'x-hubspot-ratelimit-interval-milliseconds': String(policyName === 'SECONDLY' ? Math.min(intervalMs, 1000) : intervalMs),
			...(policyName === 'SECONDLY' ? { 'x-hubspot-ratelimit-secondly': '10', 'x-hubspot-ratelimit-secondly-remaining': '0' } : {}),
			...(policyName === 'DAILY' ? { 'x-hubspot-ratelimit-daily-remaining': '0' } : {}),
		},
		body: {
			status: 'error',
			message: `You have reached your ${policyName === 'TEN_SECONDLY_ROLLING' ? 'ten_secondly_rolling' : policyName.toLowerCase()} limit.`,
			errorType: 'RATE_LIMIT',
			correlationId: randomUUID(),
			policyName,
			requestId: randomUUID(),
		},
	});

	/** A 5xx as HubSpot sends it, or for a 4xx rule the missing-scope answer. */
	const serverError = (status = 500) => ({
		status,
		headers: rateHeaders(),
		body:
			status < 500
				? { status: 'error', message: 'This app hasn\'t been granted all required scopes to make this call.', correlationId: randomUUID(), category: 'MISSING_SCOPES' }
				: { status: 'error', message: 'internal error', correlationId: randomUUID(), category: 'INTERNAL_ERROR' },
	});

	/** Whether a request changes something: searches and batch reads are POSTs that do not. @param {string} method @param {string} pathname */
	const isWrite = (method, pathname) => method !== 'GET' && !/\/(search|batch\/read)$/.test(pathname);

	/** @param {string} method @param {string} pathname @param {'before' | 'after'} when */
	const takeFailRule = (method, pathname, when) =>
		takeFault(failNext, (r) => (r.when ?? 'before') === when && (!r.method || r.method === method) && (!r.path || r.path.test(pathname)));

	/** @param {http.IncomingMessage} req @param {string} raw */
	function respond(req, raw) {
		const method = req.method ?? 'GET';
		const url = new URL(req.url ?? '/', 'http://mock');
		const pathname = url.pathname;
		const record = (/** @type {number} */ status, /** @type {string} */ injected = '') => log.push({ method, path: pathname, status, ...(injected ? { injected } : {}) });
		const correlationId = randomUUID();
		/** @param {HttpError} e */
		const errorAnswer = (e) => ({ status: e.status, headers: rateHeaders(), body: { status: 'error', message: e.message, correlationId, category: e.category, ...e.extra } });

		if (req.headers.authorization !== `Bearer ${token}`) {
			record(401);
			return {
				status: 401,
				headers: {},
				body: { status: 'error', message: 'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview', correlationId, category: 'INVALID_AUTHENTICATION' },
			};
		}
		const matched = routes ? matchRoute(routes, method, pathname) : { route: null, params: {} };
		if (!matched) {
			violations.push({ method, url: req.url ?? '', problems: ['no operation in the HubSpot specs has this method and path'] });
			record(404);
			return { status: 404, headers: {}, body: { status: 'error', message: `${method} ${pathname} is not a HubSpot endpoint`, correlationId, category: 'OBJECT_NOT_FOUND' } };
		}
		/** @type {any} */
		let body;
		const hasBody = raw.length > 0;
		if (hasBody) {
			try {
				body = JSON.parse(raw);
			} catch {
				violations.push({ method, url: req.url ?? '', problems: ['body is not JSON'] });
				record(400);
				return errorAnswer(new HttpError(400, 'VALIDATION_ERROR', 'Invalid input JSON'));
			}
		}
		const problems = !matched.route ? [] : validateRequest(matched.route, { params: matched.params, query: url.searchParams, body, hasBody, contentType: String(req.headers['content-type'] ?? '') });
		if (problems.length > 0) {
			violations.push({ method, url: req.url ?? '', problems });
			record(400);
			return errorAnswer(new HttpError(400, 'VALIDATION_ERROR', `Invalid input: ${problems.join('; ')}`));
		}
		if (faults.daily) {
			record(429, 'DAILY');
			return tooMany('DAILY');
		}
		const before = takeFailRule(method, pathname, 'before');
		if (before) {
			record(before.status ?? 500, 'rule');
			return before.status === 429 ? tooMany('TEN_SECONDLY_ROLLING') : serverError(before.status);
		}
		const roll = random();
		if (roll < faults.rate429) {
			const policy = pathname.endsWith('/search') ? 'SECONDLY' : 'TEN_SECONDLY_ROLLING';
			record(429, policy);
			return tooMany(policy);
		}
		if (roll < faults.rate429 + faults.rate500) {
			record(500, 'random');
			return serverError();
		}
		/** @type {{ status: number; body: any }} */
		let answer;
		try {
			answer = handle(method, pathname, url.searchParams, body);
		} catch (error) {
			if (!(error instanceof HttpError)) throw error;
			if (error.status === 501) violations.push({ method, url: req.url ?? '', problems: [error.message] });
			answer = errorAnswer(error);
		}
		const after = answer.status < 300 ? takeFailRule(method, pathname, 'after') : undefined;
		if (after) {
			record(after.status ?? 500, 'after-write');
			return serverError(after.status);
		}
		if (answer.status < 300 && isWrite(method, pathname) && random() < faults.rateLost) {
			record(502, 'lost');
			return serverError(502);
		}
		const responseProblems = (matched.route ? validateResponse(matched.route, answer.status, answer.body) : []).filter((p) => !/\.properties\.[^:]+: null is not allowed$/.test(p));
		if (responseProblems.length > 0) responseViolations.push({ method, url: req.url ?? '', problems: responseProblems });
		record(answer.status);
		return { status: answer.status, headers: rateHeaders(), body: answer.body };
	}

	const server = http.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			let answer;
			try {
				answer = respond(req, Buffer.concat(chunks).toString('utf8'));
			} catch (error) {
				violations.push({ method: req.method ?? '', url: req.url ?? '', problems: [`mock crashed: ${error instanceof Error ? error.stack : String(error)}`] });
				answer = { status: 500, headers: {}, body: { status: 'error', message: 'mock crashed' } };
			}
			res.writeHead(answer.status, { 'content-type': 'application/json;charset=utf-8', ...answer.headers });
			res.end(JSON.stringify(answer.body));
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const address = server.address();
	const port = typeof address === 'object' && address !== null ? address.port : 0;

	/** @param {keyof typeof TYPES} type */
	const list = (type) => [...records[type].values()].map((r) => ({ id: r.id, properties: { ...r.properties }, createdAt: r.createdAt }));

	return {
		url: `http://127.0.0.1:${port}`,
		token,
		violations,
		responseViolations,
		log,
		/** @param {keyof typeof TYPES} type */
		records: list,
		/** @param {keyof typeof TYPES} type */
		count: (/** @type {keyof typeof TYPES} */ type) => records[type].size,
		/** Type ids of the association between two records, [] when none. @param {string} from @param {string} to */
		associationTypes: (/** @type {string} */ from, /** @type {string} */ to) => [...(associations.get(`${from}>${to}`) ?? [])],
		/** @param {keyof typeof TYPES} type @param {string} name */
		property: (/** @type {keyof typeof TYPES} */ type, /** @type {string} */ name) => properties[type].get(name),
		/** @param {keyof typeof TYPES} type @param {string} name */
		dropProperty: (/** @type {keyof typeof TYPES} */ type, /** @type {string} */ name) => properties[type].delete(name),
		/** @param {FailRule} rule */
		failNext: (/** @type {FailRule} */ rule) => failNext.push(rule),
		/** @param {Faults} next */
		setFaults(next) {
			faults = { rate429: 0, rate500: 0, rateLost: 0, seed: 1, daily: false, ...next };
			random = seeded(faults.seed);
		},
		/** @param {number} ms */
		setSearchLag(ms) {
			searchLagMs = ms;
		},
		/** Makes every record searchable now, as if the index had caught up. */
		catchUpIndex() {
			for (const map of Object.values(records)) for (const r of map.values()) r.indexedAt = 0;
		},
		/** Moves a deal to a stage (as a rep would). @param {string} id @param {string} stage */
		setDealStage(id, stage) {
			const deal = records.deals.get(id);
			if (deal) deal.properties.dealstage = stage;
		},
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve(undefined));
				server.closeAllConnections();
			}),
	};
}

module.exports = { startHubSpotMock, SPEC_DIR };

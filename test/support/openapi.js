// @ts-check
'use strict';
// A compact OpenAPI 3.0 request validator for the subset HubSpot's specs use: $ref, type, required,
// properties, additionalProperties, items, enum, allOf/oneOf/anyOf, nullable, pattern, min/max.
// Requests are checked closed-world (a field the schema does not name is a violation: HubSpot
// ignores or rejects such fields, and either way the node meant something else); responses open.
const fs = require('node:fs');
const path = require('node:path');

/**
 * @typedef {Record<string, any>} Json
 * @typedef {{ file: string; spec: Json; method: string; template: string; regex: RegExp; names: string[]; literals: number; operation: Json; pathItem: Json }} Route
 */

/** @param {Json} spec @param {Json} node */
function deref(spec, node) {
	let current = node;
	for (let guard = 0; current && typeof current.$ref === 'string' && guard < 20; guard++) {
		const parts = current.$ref.replace(/^#\//, '').split('/');
		current = parts.reduce((/** @type {Json} */ at, key) => (at ? at[key] : undefined), spec);
		if (current === undefined) throw new Error(`unresolvable $ref ${node.$ref}`);
	}
	return current;
}

/** @param {unknown} value */
const typeOf = (value) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/**
 * @param {Json} spec
 * @param {Json} schemaIn
 * @param {unknown} value
 * @param {string} where
 * @param {boolean} closed
 * @returns {string[]}
 */
function validate(spec, schemaIn, value, where, closed) {
	const schema = deref(spec, schemaIn ?? {});
	/** @type {string[]} */
	const problems = [];
	if (value === null) return schema.nullable ? [] : schema.type ? [`${where}: null is not allowed`] : [];
	if (schema.allOf) {
		for (const part of schema.allOf) problems.push(...validate(spec, part, value, where, false));
	}
	if (schema.oneOf) {
		const passing = schema.oneOf.filter((/** @type {Json} */ part) => validate(spec, part, value, where, closed).length === 0).length;
		if (passing !== 1) problems.push(`${where}: matches ${passing} of oneOf's schemas, not exactly one`);
	}
	if (schema.anyOf) {
		if (!schema.anyOf.some((/** @type {Json} */ part) => validate(spec, part, value, where, closed).length === 0)) {
			problems.push(`${where}: matches none of anyOf's schemas`);
		}
	}
	const actual = typeOf(value);
	switch (schema.type) {
		case undefined:
			break;
		case 'integer':
			if (actual !== 'number' || !Number.isInteger(value)) return [...problems, `${where}: expected integer, got ${JSON.stringify(value)}`];
			if (schema.format === 'int32' && Math.abs(/** @type {number} */ (value)) > 2 ** 31) problems.push(`${where}: out of int32 range`);
			break;
		case 'number':
			if (actual !== 'number') return [...problems, `${where}: expected number, got ${actual}`];
			break;
		default:
			if (actual !== schema.type) return [...problems, `${where}: expected ${schema.type}, got ${actual}`];
	}
	if (schema.enum && !schema.enum.includes(value)) problems.push(`${where}: ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`);
	if (typeof value === 'string') {
		if (schema.pattern && !new RegExp(schema.pattern).test(value)) problems.push(`${where}: does not match ${schema.pattern}`);
		if (schema.maxLength !== undefined && value.length > schema.maxLength) problems.push(`${where}: longer than ${schema.maxLength}`);
		if (schema.minLength !== undefined && value.length < schema.minLength) problems.push(`${where}: shorter than ${schema.minLength}`);
	}
	if (typeof value === 'number') {
		if (schema.maximum !== undefined && value > schema.maximum) problems.push(`${where}: above ${schema.maximum}`);
		if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${where}: below ${schema.minimum}`);
	}
	if (Array.isArray(value)) {
		if (schema.maxItems !== undefined && value.length > schema.maxItems) problems.push(`${where}: more than ${schema.maxItems} items`);
		if (schema.minItems !== undefined && value.length < schema.minItems) problems.push(`${where}: fewer than ${schema.minItems} items`);
		if (schema.items) value.forEach((item, i) => problems.push(...validate(spec, schema.items, item, `${where}[${i}]`, closed)));
	}
	if (actual === 'object' && (schema.type === 'object' || schema.properties || schema.additionalProperties)) {
		const object = /** @type {Json} */ (value);
		for (const name of schema.required ?? []) {
			if (!(name in object)) problems.push(`${where}: missing required "${name}"`);
		}
		const known = schema.properties ?? {};
		for (const [key, item] of Object.entries(object)) {
			if (key in known) problems.push(...validate(spec, known[key], item, `${where}.${key}`, closed));
			else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
				problems.push(...validate(spec, schema.additionalProperties, item, `${where}.${key}`, closed));
			} else if (schema.additionalProperties === false || (closed && schema.properties && !schema.allOf)) {
				problems.push(`${where}: unknown field "${key}"`);
			}
		}
	}
	return problems;
}

/**
 * Query and path values arrive as text: coerce them to the schema's type before validating.
 * @param {Json} spec @param {Json} schemaIn @param {string[]} raw
 */
function coerce(spec, schemaIn, raw) {
	const schema = deref(spec, schemaIn ?? {});
	/** @param {string} text @param {Json} s */
	const one = (text, s) => {
		const t = deref(spec, s ?? {}).type;
		if (t === 'integer' || t === 'number') return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
		if (t === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
		return text;
	};
	if (schema.type === 'array') return raw.flatMap((r) => r.split(',')).map((t) => one(t, schema.items));
	return one(raw[raw.length - 1], schema);
}

/**
 * Loads every *.json spec of a folder (and extra documents), making one route per path and method.
 * The deals spec names its paths by the object type id (0-3); `deals` is the same endpoint.
 * @param {string} dir
 * @param {Array<{ file: string; spec: Json }>} [extra]
 * @returns {Route[]}
 */
function loadRoutes(dir, extra = []) {
	const documents = fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.map((file) => ({ file, spec: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) }))
		.concat(extra);
	/** @type {Route[]} */
	const routes = [];
	for (const { file, spec } of documents) {
		for (const [template, pathItem] of Object.entries(spec.paths)) {
			const variants = template.includes('/objects/0-3') ? [template, template.replace('/objects/0-3', '/objects/deals')] : [template];
			for (const variant of variants) {
				/** @type {string[]} */
				const names = [];
				const source = variant.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, name) => {
					names.push(name);
					return '([^/]+)';
				});
				const literals = variant.split('/').filter((s) => s !== '' && !s.startsWith('{')).length;
				for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
					const operation = /** @type {Json} */ (pathItem)[method];
					if (operation) routes.push({ file, spec, method, template: variant, regex: new RegExp(`^${source}$`), names, literals, operation, pathItem: /** @type {Json} */ (pathItem) });
				}
			}
		}
	}
	return routes.sort((a, b) => b.literals - a.literals);
}

/**
 * @param {Route[]} routes @param {string} method @param {string} pathname
 * @returns {{ route: Route; params: Record<string, string> } | undefined}
 */
function matchRoute(routes, method, pathname) {
	for (const route of routes) {
		if (route.method !== method.toLowerCase()) continue;
		const match = route.regex.exec(pathname);
		if (!match) continue;
		/** @type {Record<string, string>} */
		const params = {};
		route.names.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1])));
		return { route, params };
	}
	return undefined;
}

/**
 * Every way the request breaks the spec of its operation; [] when it is valid.
 * @param {Route} route
 * @param {{ params: Record<string, string>; query: URLSearchParams; body: unknown; hasBody: boolean; contentType: string }} request
 */
function validateRequest(route, request) {
	const { spec, operation, pathItem } = route;
	/** @type {string[]} */
	const problems = [];
	const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((p) => deref(spec, p));
	for (const parameter of parameters.filter((p) => p.in === 'path')) {
		problems.push(...validate(spec, parameter.schema, coerce(spec, parameter.schema, [request.params[parameter.name] ?? '']), `path.${parameter.name}`, true));
	}
	const queryParams = parameters.filter((p) => p.in === 'query');
	for (const name of new Set(request.query.keys())) {
		const parameter = queryParams.find((p) => p.name === name);
		if (!parameter) {
			problems.push(`query: unknown parameter "${name}"`);
			continue;
		}
		problems.push(...validate(spec, parameter.schema, coerce(spec, parameter.schema, request.query.getAll(name)), `query.${name}`, true));
	}
	for (const parameter of queryParams) {
		if (parameter.required && !request.query.has(parameter.name)) problems.push(`query: missing required "${parameter.name}"`);
	}
	const requestBody = operation.requestBody ? deref(spec, operation.requestBody) : undefined;
	if (!requestBody) {
		if (request.hasBody) problems.push('body: this operation takes no body');
		return problems;
	}
	if (!request.hasBody) {
		if (requestBody.required) problems.push('body: required');
		return problems;
	}
	if (!/application\/json/.test(request.contentType)) problems.push(`body: content type ${request.contentType || '(none)'} is not application/json`);
	const schema = requestBody.content?.['application/json']?.schema;
	if (schema) problems.push(...validate(spec, schema, request.body, 'body', true));
	return problems;
}

/**
 * Problems of a response body against the operation's schema for that status (open-world).
 * @param {Route} route @param {number} status @param {unknown} body
 */
function validateResponse(route, status, body) {
	const { spec, operation } = route;
	const response = operation.responses?.[String(status)] ?? operation.responses?.default;
	if (!response) return [`response: status ${status} is not in the spec`];
	const schema = deref(spec, response).content?.['application/json']?.schema;
	return schema ? validate(spec, schema, body, 'response', false) : [];
}

module.exports = { loadRoutes, matchRoute, validateRequest, validateResponse, validate };

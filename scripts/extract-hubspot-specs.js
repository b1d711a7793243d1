// @ts-check
// Refreshes test/fixtures/hubspot-openapi/ from HubSpot's official OpenAPI specs: keeps what the
// mock's request validator reads (paths, methods, parameters, request and response schemas,
// required fields, types, enums, patterns, limits) and drops prose (descriptions, summaries,
// examples, tags, vendor extensions), so the repository carries the contract and stands on its own.
//
//   node scripts/extract-hubspot-specs.js <folder with HubSpot's *.json specs> [snapshot date]
const fs = require('node:fs');
const path = require('node:path');

const OUT_DIR = path.resolve(__dirname, '../test/fixtures/hubspot-openapi');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
/** Schema keywords that constrain a value; everything else in a schema object is prose. */
const SCHEMA_KEYWORDS = ['$ref', 'type', 'format', 'required', 'enum', 'nullable', 'pattern', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'default'];

/**
 * @typedef {Record<string, any>} Json
 * @param {Json} source @param {string[]} keys
 */
const pick = (source, keys) => Object.fromEntries(keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]));

/** @param {Record<string, Json> | undefined} map @param {(value: Json) => Json} each */
const mapValues = (map, each) => (map === undefined ? undefined : Object.fromEntries(Object.entries(map).map(([key, value]) => [key, each(value)])));

/** @param {Json | undefined} schema @returns {Json | undefined} */
function schemaOf(schema) {
	if (schema === undefined) return undefined;
	const kept = pick(schema, SCHEMA_KEYWORDS);
	if (schema.properties) kept.properties = mapValues(schema.properties, (s) => /** @type {Json} */ (schemaOf(s)));
	if (schema.items) kept.items = schemaOf(schema.items);
	if (typeof schema.additionalProperties === 'object') kept.additionalProperties = schemaOf(schema.additionalProperties);
	else if (schema.additionalProperties !== undefined) kept.additionalProperties = schema.additionalProperties;
	for (const combinator of ['allOf', 'oneOf', 'anyOf']) {
		if (Array.isArray(schema[combinator])) kept[combinator] = schema[combinator].map(schemaOf);
	}
	return kept;
}

/** @param {Json} content */
const contentOf = (content) => mapValues(content, (media) => pick({ schema: schemaOf(media.schema) }, ['schema']));

/** @param {Json} parameter */
const parameterOf = (parameter) => (parameter.$ref ? pick(parameter, ['$ref']) : { ...pick(parameter, ['name', 'in', 'required', 'style', 'explode']), schema: schemaOf(parameter.schema) });

/** @param {Json} body */
const requestBodyOf = (body) => (body.$ref ? pick(body, ['$ref']) : { ...pick(body, ['required']), content: contentOf(body.content ?? {}) });

/** @param {Json} response */
const responseOf = (response) => (response.$ref ? pick(response, ['$ref']) : response.content ? { content: contentOf(response.content) } : {});

/** @param {Json} operation */
function operationOf(operation) {
	const kept = /** @type {Json} */ ({});
	if (operation.parameters) kept.parameters = operation.parameters.map(parameterOf);
	if (operation.requestBody) kept.requestBody = requestBodyOf(operation.requestBody);
	kept.responses = mapValues(operation.responses ?? {}, responseOf);
	return kept;
}

/** @param {Json} pathItem */
function pathItemOf(pathItem) {
	const kept = /** @type {Json} */ ({});
	if (pathItem.parameters) kept.parameters = pathItem.parameters.map(parameterOf);
	for (const method of METHODS) if (pathItem[method]) kept[method] = operationOf(pathItem[method]);
	return kept;
}

/** @param {Json} spec */
function structureOf(spec) {
	const components = spec.components ?? {};
	return {
		openapi: spec.openapi,
		info: pick(spec.info ?? {}, ['title', 'version']),
		paths: mapValues(spec.paths, pathItemOf),
		components: {
			...(components.schemas ? { schemas: mapValues(components.schemas, (s) => /** @type {Json} */ (schemaOf(s))) } : {}),
			...(components.parameters ? { parameters: mapValues(components.parameters, parameterOf) } : {}),
			...(components.requestBodies ? { requestBodies: mapValues(components.requestBodies, requestBodyOf) } : {}),
			...(components.responses ? { responses: mapValues(components.responses, responseOf) } : {}),
		},
	};
}

function main() {
	const [sourceDir, snapshot = 'unknown'] = process.argv.slice(2);
	if (!sourceDir || !fs.existsSync(sourceDir)) {
		process.stderr.write('usage: node scripts/extract-hubspot-specs.js <folder with HubSpot OpenAPI *.json> [snapshot date]\n');
		process.exit(2);
	}
	fs.mkdirSync(OUT_DIR, { recursive: true });
	const rows = [];
	for (const file of fs.readdirSync(sourceDir).filter((f) => f.endsWith('.json')).sort()) {
		const spec = JSON.parse(fs.readFileSync(path.join(sourceDir, file), 'utf8'));
		const structure = structureOf(spec);
		fs.writeFileSync(path.join(OUT_DIR, file), `${JSON.stringify(structure, null, '\t')}\n`);
		rows.push(`| ${file} | ${structure.info.title} | ${structure.info.version} | ${Object.keys(structure.paths).length} |`);
		process.stdout.write(`[specs] ${file}: ${Object.keys(structure.paths).length} paths\n`);
	}
	const readme = [
		'# HubSpot OpenAPI structure (test fixtures)',
		'',
		"What test/support/hubspot-mock.js validates every request against: the structural parts (paths, methods, parameters, request and response schemas, required fields, types, enums, patterns and limits) of HubSpot's official OpenAPI 3.0 specs, from HubSpot's public API spec collection. Prose (descriptions, summaries, examples, tags, `x-` extensions) is left out.",
		'',
		`Source snapshot: ${snapshot}. Extracted: ${new Date().toISOString().slice(0, 10)}.`,
		'',
		'| file | API | version | paths |',
		'| --- | --- | --- | --- |',
		...rows,
		'',
		'Refresh: download the specs into a folder, then `node scripts/extract-hubspot-specs.js <folder> <snapshot date>` and commit the result.',
		'',
	].join('\n');
	fs.writeFileSync(path.join(OUT_DIR, 'README.md'), readme);
	process.stdout.write(`[specs] wrote ${rows.length} files and README.md to ${path.relative(process.cwd(), OUT_DIR)}\n`);
}

main();

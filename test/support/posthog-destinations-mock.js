// @ts-check
// PostHog's hog-function (destination) API as the PQL Trigger's lifecycle methods use it:
// create, read, and soft delete (PATCH deleted=true), with PostHog's error bodies, and faults on demand.
const http = require('node:http');

/**
 * @param {{ projectId: string, apiKey: string }} options
 */
async function startPostHogDestinationsMock({ projectId, apiKey }) {
	/** @type {Map<string, any>} */
	const functions = new Map();
	/** @type {Array<{ method: string, url: string }>} */
	const requests = [];
	/** Answers given instead of the real one, first first; `times` counts down. @type {Array<{ status: number, headers?: Record<string, string>, times: number }>} */
	const faults = [];
	let nextId = 1;

	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			requests.push({ method: req.method ?? '', url: req.url ?? '' });
			/** @param {number} status @param {unknown} data */
			const send = (status, data) => {
				res.writeHead(status, { 'content-type': 'application/json' });
				res.end(JSON.stringify(data));
			};
			if (req.headers.authorization !== `Bearer ${apiKey}`) {
				return send(401, { type: 'authentication_error', code: 'authentication_failed', detail: 'Incorrect authentication credentials.', attr: null });
			}
			const fault = faults[0];
			if (fault !== undefined) {
				if (--fault.times <= 0) faults.shift();
				res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
				return res.end(JSON.stringify({ type: 'server_error', code: 'error', detail: `Mock fault ${fault.status}.`, attr: null }));
			}
			const base = `/api/projects/${projectId}/`;
			const url = (req.url ?? '').split('?')[0];
			if (url === base && req.method === 'GET') return send(200, { id: Number(projectId), name: 'Mock project' });
			if (!url.startsWith(`${base}hog_functions/`)) return send(404, { type: 'invalid_request', code: 'not_found', detail: 'Not found.', attr: null });
			const id = url.slice(`${base}hog_functions/`.length).replace(/\/$/, '');
			if (id === '' && req.method === 'POST') {
				const input = JSON.parse(body || '{}');
				if (input.type !== 'destination' || !input.inputs?.url?.value) {
					return send(400, { type: 'validation_error', code: 'invalid_input', detail: 'This field is required.', attr: 'inputs__url' });
				}
				const created = { ...input, id: `01930000-0000-7000-8000-${String(nextId++).padStart(12, '0')}`, deleted: false, created_at: new Date().toISOString() };
				functions.set(created.id, created);
				return send(201, created);
			}
			const found = functions.get(id);
			if (!found || found.deleted) return send(404, { type: 'invalid_request', code: 'not_found', detail: 'Not found.', attr: null });
			if (req.method === 'GET') return send(200, found);
			if (req.method === 'PATCH') {
				Object.assign(found, JSON.parse(body || '{}'));
				return send(200, found);
			}
			return send(405, { type: 'invalid_request', code: 'method_not_allowed', detail: `Method "${req.method}" not allowed.`, attr: null });
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		/** Destinations that exist (not deleted). */
		live: () => [...functions.values()].filter((f) => !f.deleted),
		all: () => [...functions.values()],
		/**
		 * The next `times` requests (default 1) get `status` (with `headers`, e.g. retry-after) instead of their answer.
		 * @param {number} status @param {{ times?: number, headers?: Record<string, string> }} [options]
		 */
		failNext: (status, options = {}) => faults.push({ status, headers: options.headers, times: options.times ?? 1 }),
		close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
	};
}

module.exports = { startPostHogDestinationsMock };

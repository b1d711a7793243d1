// @ts-check
'use strict';
/** A local HTTP server for workflow tests (node:http lives here: .ts files may not import it). */
const http = require('node:http');

/**
 * @typedef {{ method: string; url: string; headers: Record<string, string | string[] | undefined>; body: string }} ReceivedRequest
 * @typedef {{ status?: number; headers?: Record<string, string>; body?: unknown }} MockReply
 * @typedef {{ url: string; requests: ReceivedRequest[]; close: () => Promise<void> }} MockServer
 */

/**
 * Starts a server on 127.0.0.1 (random port) answering every request with `reply(request)`.
 * @param {(request: ReceivedRequest) => MockReply} reply
 * @returns {Promise<MockServer>}
 */
function startMockServer(reply) {
	/** @type {ReceivedRequest[]} */
	const requests = [];
	const server = http.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			const received = {
				method: req.method ?? 'GET',
				url: req.url ?? '/',
				headers: req.headers,
				body: Buffer.concat(chunks).toString('utf8'),
			};
			requests.push(received);
			const { status = 200, headers = {}, body } = reply(received);
			const text = typeof body === 'string' ? body : JSON.stringify(body ?? {});
			res.writeHead(status, { 'content-type': 'application/json', ...headers });
			res.end(text);
		});
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address !== null ? address.port : 0;
			resolve({
				url: `http://127.0.0.1:${port}`,
				requests,
				close: () => new Promise((done) => server.close(() => done())),
			});
		});
	});
}

module.exports = { startMockServer };

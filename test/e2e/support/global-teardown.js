// @ts-check
const fs = require('node:fs');
const { STATE_FILE } = require('./instance');

module.exports = async function globalTeardown() {
	const server = /** @type {any} */ (globalThis).__PQL_N8N__;
	if (server) {
		if (process.env.PQL_KEEP_N8N_LOG) process.stderr.write(`[n8n] log kept at ${server.logFile}\n`);
		await server.stop();
	}
	fs.rmSync(STATE_FILE, { force: true });
};

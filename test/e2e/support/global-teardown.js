// @ts-check
const fs = require('node:fs');
const path = require('node:path');

module.exports = async function globalTeardown() {
	const server = /** @type {any} */ (globalThis).__PQL_N8N__;
	if (!server) return;
	await server.stop();
	const runDir = path.dirname(server.userFolder);
	if (process.env.PQL_KEEP_E2E) process.stderr.write(`[n8n] run folder kept: ${runDir}\n`);
	else fs.rmSync(runDir, { recursive: true, force: true });
};

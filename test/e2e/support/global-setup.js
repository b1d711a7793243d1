// @ts-check
// One real n8n for the whole end-to-end suite: a fresh user folder, this package installed from
// its npm tarball, owner and API key created headlessly. Tests attach to it through state.json.
const fs = require('node:fs');
const path = require('node:path');
const { N8nServer, packPackage, ROOT } = require('../../support/n8n-server');

module.exports = async function globalSetup() {
	if (!fs.existsSync(path.join(ROOT, 'dist/nodes/PqlTrigger/PqlTrigger.node.js'))) {
		throw new Error('dist/ is missing: run `npm run build` (npm test does it for you)');
	}
	const runDir = path.join(ROOT, '.e2e', `run-${Date.now()}`);
	fs.mkdirSync(runDir, { recursive: true });
	const tarball = packPackage(runDir);
	const server = new N8nServer({ userFolder: path.join(runDir, 'n8n') });
	// Teardown runs in this same process; also stop n8n if set-up itself fails half-way.
	/** @type {any} */ (globalThis).__PQL_N8N__ = server;
	try {
		await server.start({ tarball });
	} catch (error) {
		await server.stop();
		throw error;
	}
	const stateFile = path.join(runDir, 'state.json');
	fs.writeFileSync(stateFile, JSON.stringify({ ...server.state, tarball, runDir }));
	process.env.PQL_E2E_STATE = stateFile;
};

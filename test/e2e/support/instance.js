// @ts-check
// The running n8n of this end-to-end run, for test files (which, being .ts under n8n's strict
// lint, cannot read files or the environment themselves).
const fs = require('node:fs');
const path = require('node:path');
const { N8nServer, ROOT } = require('../../support/n8n-server');

/** Set by global-setup for this jest run, so concurrent runs on one machine keep apart. */
const stateFile = () => {
	const file = process.env.PQL_E2E_STATE;
	if (!file) throw new Error('PQL_E2E_STATE is not set: run end-to-end tests through jest (npm test)');
	return file;
};

/** @returns {N8nServer} */
function n8n() {
	return N8nServer.attach(JSON.parse(fs.readFileSync(stateFile(), 'utf8')));
}

/**
 * An n8n of the test's own (for what must not touch the suite's shared one, such as restarts), with
 * the same package tarball; with `workers`, in queue mode (main + workers over Redis and a fresh
 * PostgreSQL database). The caller stops it.
 * @param {{ workers?: number, label?: string }} [options]
 */
async function startOwnN8n({ workers = 0, label = 'own' } = {}) {
	const state = JSON.parse(fs.readFileSync(stateFile(), 'utf8'));
	const userFolder = path.join(state.runDir, `${label}-${Date.now()}`, 'n8n');
	const server = new N8nServer({ userFolder, ...(workers > 0 ? { queue: { workers } } : {}) });
	try {
		return await server.start({ tarball: state.tarball });
	} catch (error) {
		await server.stop();
		throw error;
	}
}

/** A second n8n in queue mode (main + `workers` workers); the caller stops it. @param {number} workers */
const startQueueModeN8n = (workers = 2) => startOwnN8n({ workers, label: 'queue' });

/** @param {string} name a file in workflows/ */
function template(name) {
	return JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows', name), 'utf8'));
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = { n8n, template, sleep, startQueueModeN8n, startOwnN8n };

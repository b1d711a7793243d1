// @ts-check
// The running n8n of this end-to-end run, for test files (which, being .ts under n8n's strict
// lint, cannot read files or the environment themselves).
const fs = require('node:fs');
const path = require('node:path');
const { N8nServer, ROOT } = require('../../support/n8n-server');

const STATE_FILE = path.join(ROOT, '.e2e', 'state.json');

/** @returns {N8nServer} */
function n8n() {
	return N8nServer.attach(JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')));
}

/** @param {string} name a file in workflows/ */
function template(name) {
	return JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows', name), 'utf8'));
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = { n8n, template, sleep, STATE_FILE };

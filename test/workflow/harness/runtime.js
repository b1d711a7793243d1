// @ts-check
'use strict';
/**
 * The only part of the harness that touches Node built-ins (the n8n community lint forbids them in
 * .ts files). It gives n8n-core a throw-away user folder before anything asks its DI container for
 * `InstanceSettings` (which reads N8N_USER_FOLDER and writes `<folder>/.n8n/config`), fixes the
 * encryption key so nothing is generated, and turns Buffers into strings and back for the fake
 * webhook request.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** @type {string | undefined} */
let userFolder;

/**
 * Idempotent: the first call creates a temporary N8N_USER_FOLDER (unless one is already set).
 * @returns {string} the user folder n8n-core will use
 */
function prepareN8nEnvironment() {
	if (userFolder !== undefined) return userFolder;
	if (!process.env.N8N_USER_FOLDER) {
		process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-pql-harness-'));
	}
	process.env.N8N_ENCRYPTION_KEY ??= 'n8n-nodes-pql-workflow-harness';
	process.env.N8N_DIAGNOSTICS_ENABLED ??= 'false';
	// n8n-core logs every node error to the console; tests read errors from the run result.
	process.env.N8N_LOG_LEVEL ??= 'silent';
	userFolder = process.env.N8N_USER_FOLDER;
	return userFolder;
}

/**
 * @param {string | Uint8Array | undefined} value
 * @returns {Buffer | undefined}
 */
function toBuffer(value) {
	if (value === undefined) return undefined;
	return typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value);
}

module.exports = { prepareN8nEnvironment, toBuffer };

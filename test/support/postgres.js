// @ts-check
'use strict';
/**
 * The local PostgreSQL (127.0.0.1:5432, trust auth) for workflow tests that run n8n's own Postgres
 * node: a database of the test's own, the documented SQL, and closing the pools n8n's node keeps.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const SQL_DIR = path.join(__dirname, '..', '..', 'docs', 'postgres');

/** Runs `sql` in `database`; its result rows, one line each (fields joined by "|"). @param {string} database @param {string} sql */
function runSql(database, sql) {
	const out = execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', database, '-v', 'ON_ERROR_STOP=1', '-qAtc', sql], {
		stdio: ['ignore', 'pipe', 'inherit'],
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024,
	});
	return out.split('\n').filter((line) => line !== '');
}

/** A fresh, empty database with a unique name. @param {string} prefix */
function createDatabase(prefix) {
	const name = `${prefix}_${process.pid}_${Date.now()}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
	runSql('postgres', `CREATE DATABASE ${name}`);
	return name;
}

/** @param {string} name */
function dropDatabase(name) {
	runSql('postgres', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/** The text of one of the documented statements in docs/postgres. @param {string} file */
function readSql(file) {
	return fs.readFileSync(path.join(SQL_DIR, file), 'utf8');
}

/** Whether docs/nodes/score.md shows `file` of docs/postgres as it is (it shows the DDL in full). @param {string} file */
function shownInScoreDocs(file) {
	return fs.readFileSync(path.join(SQL_DIR, '..', 'nodes', 'score.md'), 'utf8').includes(readSql(file));
}

/**
 * A connection of the test's own, outside n8n's pools, e.g. to hold a transaction open while an
 * execution runs; through pg-promise, as n8n's Postgres node. `end` closes it.
 * @param {string} database
 */
async function connect(database) {
	const pgp = require('pg-promise')();
	const db = pgp({ host: '127.0.0.1', port: 5432, user: 'postgres', database });
	const connection = await db.connect();
	return {
		/** @param {string} sql @param {unknown[]} [values] */
		query: (sql, values) => connection.any(sql, values),
		end: async () => {
			connection.done();
			// This pool only: pgp.end() would end n8n's too (one pg-promise in the process).
			await db.$pool.end();
		},
	};
}

/**
 * n8n's Postgres node keeps its connection pools in a process-wide manager with a clean-up timer.
 * Creating the manager here first keeps that timer from holding the test process open.
 */
function poolManager() {
	const { ConnectionPoolManager } = require('n8n-nodes-base/dist/utils/connection-pool-manager');
	const setIntervalBefore = global.setInterval;
	/** @type {any} */ (global).setInterval = (/** @type {() => void} */ callback, /** @type {number} */ ms) =>
		setIntervalBefore(callback, ms).unref();
	const quiet = () => undefined;
	try {
		return ConnectionPoolManager.getInstance({ debug: quiet, info: quiet, warn: quiet, error: quiet });
	} finally {
		global.setInterval = setIntervalBefore;
	}
}

/** Ends every pool n8n's Postgres node opened, so that the database can be dropped. */
async function closePools() {
	const manager = poolManager();
	/** @type {Map<string, { pool: { pgp: { end(): void } } }>} */
	const pools = /** @type {any} */ (manager).map;
	for (const { pool } of pools.values()) pool.pgp.end();
	manager.purgeConnections();
}

module.exports = { createDatabase, dropDatabase, readSql, shownInScoreDocs, runSql, connect, poolManager, closePools };

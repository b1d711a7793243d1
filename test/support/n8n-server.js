// @ts-check
// A real n8n 2.x server for end-to-end tests, benchmarks and `npm start`: fresh user folder, this
// package installed the way the Community Nodes screen installs it, owner and API key created
// headlessly. Plain JavaScript because it needs Node built-ins (processes, files, sockets), which
// n8n's strict lint forbids in every .ts file of a community package.
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const axios = require('axios').default;

const ROOT = path.resolve(__dirname, '../..');
const OWNER = { email: 'owner@pql.test', password: 'PqlOwner2026!', firstName: 'Pql', lastName: 'Owner' };
/** n8n's default N8N_GRACEFUL_SHUTDOWN_TIMEOUT: how long a stopped n8n waits for running executions. */
const GRACEFUL_SHUTDOWN_SECONDS = 30;

/** @param {string} message */
const log = (message) => process.stderr.write(`[n8n] ${message}\n`);

/**
 * Process groups of the n8n processes this process started. n8n runs detached, so it would outlive
 * us: they are killed on a normal exit, and on Ctrl+C / SIGTERM unless the program handles those
 * signals itself (then it stops n8n its own way), after which the signal ends this process.
 * @type {Set<number>}
 */
const LIVE_GROUPS = new Set();
const killGroups = () => {
	for (const pid of LIVE_GROUPS) {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
};
process.once('exit', killGroups);
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
	process.once(signal, () => {
		if (process.listenerCount(signal) > 0) return;
		killGroups();
		process.kill(process.pid, signal);
	});
}

/** Node 24 and the n8n binary, installed once into the cache by scripts/runtime.sh. */
function ensureRuntime() {
	const out = execFileSync('bash', [path.join(ROOT, 'scripts/runtime.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	/** @type {Record<string,string>} */
	const vars = {};
	for (const line of out.trim().split('\n')) {
		const m = /^(\w+)=(.*)$/.exec(line);
		if (m) vars[m[1]] = m[2];
	}
	if (!vars.N8N_NODE || !vars.N8N_BIN) throw new Error('scripts/runtime.sh did not print N8N_NODE and N8N_BIN');
	return { node: vars.N8N_NODE, bin: vars.N8N_BIN };
}

/** @returns {Promise<number>} */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/**
 * `npm pack` this package (from dist/, as published) and return the tarball's path.
 * @param {string} destination
 */
function packPackage(destination) {
	fs.mkdirSync(destination, { recursive: true });
	const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', destination], {
		cwd: ROOT,
		encoding: 'utf8',
	})
		.trim()
		.split('\n')
		.pop();
	return path.join(destination, /** @type {string} */ (name));
}

/**
 * Install the tarball into <userFolder>/.n8n/nodes as n8n's Community Nodes screen does.
 * @param {string} userFolder
 * @param {string} tarball
 */
function installPackage(userFolder, tarball) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	const manifest = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(manifest)) {
		fs.writeFileSync(manifest, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }));
	}
	execFileSync(
		'npm',
		['install', '--omit=dev', '--omit=peer', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', tarball],
		{ cwd: nodesDir, stdio: ['ignore', 'ignore', 'inherit'] },
	);
}

class N8nServer {
	/**
	 * @param {{ userFolder: string, port?: number, env?: Record<string,string>, logFile?: string, label?: string,
	 *   queue?: { workers: number } }} options  `queue`: n8n's queue mode — main + workers over
	 *   Redis (127.0.0.1:6379) and a fresh PostgreSQL database (127.0.0.1:5432), dropped on stop.
	 */
	constructor(options) {
		this.options = options;
		/** @type {import('node:child_process').ChildProcess[]} */
		this.workers = [];
		this.database = '';
		this.userFolder = options.userFolder;
		this.port = options.port ?? 0;
		this.baseUrl = '';
		this.apiKey = '';
		/** @type {import('node:child_process').ChildProcess | null} */
		this.child = null;
		this.runtime = ensureRuntime();
		this.logFile = options.logFile ?? path.join(this.userFolder, 'n8n.log');
	}

	get env() {
		return {
			PATH: `${path.dirname(this.runtime.node)}:${process.env.PATH}`,
			HOME: process.env.HOME ?? '/root',
			N8N_USER_FOLDER: this.userFolder,
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: `http://127.0.0.1:${this.port}/`,
			N8N_EDITOR_BASE_URL: `http://127.0.0.1:${this.port}/`,
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_ENCRYPTION_KEY: 'n8n-nodes-pql-test-encryption-key',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_SECURE_COOKIE: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_LOG_LEVEL: 'warn',
			// n8n's own default, named because stopProcess waits for it: a stop lets running executions finish.
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: String(GRACEFUL_SHUTDOWN_SECONDS),
			N8N_PUBLIC_API_DISABLED: 'false',
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
			EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
			DB_SQLITE_POOL_SIZE: '4',
			...(this.database ? this.queueEnv : {}),
			...this.options.env,
		};
	}

	get queueEnv() {
		return {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: '6379',
			QUEUE_BULL_PREFIX: this.database,
			// n8n caches webhooks in Redis under this prefix: instances sharing one Redis must not share it.
			N8N_REDIS_KEY_PREFIX: this.database,
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: '5432',
			DB_POSTGRESDB_DATABASE: this.database,
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: '',
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		};
	}

	/** @param {string} sql */
	psql(sql) {
		execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qc', sql], {
			stdio: ['ignore', 'ignore', 'inherit'],
		});
	}

	/** @param {string} command @param {Record<string,string>} env */
	spawnN8n(command, env) {
		const out = fs.openSync(this.logFile, 'a');
		const child = spawn(this.runtime.node, [this.runtime.bin, ...command.split(' ')], {
			env,
			stdio: ['ignore', out, out],
			detached: true,
		});
		fs.closeSync(out);
		if (child.pid) {
			const pid = child.pid;
			LIVE_GROUPS.add(pid);
			child.once('exit', () => LIVE_GROUPS.delete(pid));
		}
		return child;
	}

	/** Start the queue-mode workers and wait until each answers its health check. */
	async startWorkers() {
		const count = this.options.queue?.workers ?? 0;
		for (let i = 0; i < count; i++) {
			const healthPort = await freePort();
			const worker = this.spawnN8n('worker --concurrency=10', {
				...this.env,
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(healthPort),
				N8N_WORKER_SERVER_PORT: String(healthPort),
			});
			this.workers.push(worker);
			const started = Date.now();
			for (;;) {
				if (worker.exitCode !== null) throw new Error(`n8n worker ${i + 1} exited; see ${this.logFile}:\n${this.tail()}`);
				const res = await axios.get(`http://127.0.0.1:${healthPort}/healthz`, { validateStatus: () => true }).catch(() => null);
				if (res?.status === 200) break;
				if (Date.now() - started > 120_000) throw new Error(`n8n worker ${i + 1} not healthy after 120 s; see ${this.logFile}`);
				await new Promise((r) => setTimeout(r, 500));
			}
			log(`worker ${i + 1} of ${count} ready`);
		}
	}

	/** Start n8n (installing this package first when `tarball` is given) and make it ready for API use. */
	async start({ tarball } = /** @type {{ tarball?: string }} */ ({})) {
		if (!this.port) this.port = await freePort();
		this.brokerPort = await freePort();
		this.baseUrl = `http://127.0.0.1:${this.port}`;
		fs.mkdirSync(this.userFolder, { recursive: true });
		if (tarball) {
			log(`installing ${path.basename(tarball)} into ${this.userFolder}/.n8n/nodes`);
			installPackage(this.userFolder, tarball);
		}
		if (this.options.queue && !this.database) {
			this.database = `pql_${path.basename(path.dirname(this.userFolder)).replace(/\W/g, '_')}_${process.pid}`.toLowerCase();
			log(`queue mode: PostgreSQL database ${this.database}, Redis prefix ${this.database}`);
			this.psql(`CREATE DATABASE ${this.database}`);
		}
		log(`starting n8n on ${this.baseUrl} (log: ${this.logFile})`);
		const started = Date.now();
		this.child = this.spawnN8n('start', this.env);
		await this.waitHealthy(started);
		await this.ensureOwnerAndApiKey();
		await this.startWorkers();
		log(`ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);
		return this;
	}

	/** @param {number} started */
	async waitHealthy(started, timeoutMs = 180_000) {
		let exited = false;
		this.child?.once('exit', () => (exited = true));
		while (Date.now() - started < timeoutMs) {
			if (exited) throw new Error(`n8n exited during start-up; see ${this.logFile}:\n${this.tail()}`);
			try {
				const res = await axios.get(`${this.baseUrl}/healthz/readiness`, { timeout: 2000, validateStatus: () => true });
				if (res.status === 200) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 500));
		}
		throw new Error(`n8n did not become ready within ${timeoutMs / 1000} s; see ${this.logFile}:\n${this.tail()}`);
	}

	tail(lines = 40) {
		try {
			return fs.readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
		} catch {
			return '(no log)';
		}
	}

	async ensureOwnerAndApiKey() {
		const rest = axios.create({ baseURL: `${this.baseUrl}/rest`, validateStatus: () => true });
		const setup = await rest.post('/owner/setup', OWNER);
		if (setup.status >= 400 && !/already/i.test(JSON.stringify(setup.data))) {
			// An owner from an earlier start of the same user folder is fine; anything else is not.
			const login = await rest.post('/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
			if (login.status !== 200) throw new Error(`owner set-up failed: ${setup.status} ${JSON.stringify(setup.data)}`);
		}
		const login = await rest.post('/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
		if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.data)}`);
		const cookie = (login.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
		this.cookie = cookie;
		const scopesRes = await rest.get('/api-keys/scopes', { headers: { cookie } });
		const scopes = scopesRes.status === 200 ? scopesRes.data.data : undefined;
		const key = await rest.post(
			'/api-keys',
			{ label: `pql-${Date.now()}`, scopes, expiresAt: null },
			{ headers: { cookie } },
		);
		if (key.status !== 200) throw new Error(`API key creation failed: ${key.status} ${JSON.stringify(key.data)}`);
		this.apiKey = key.data.data.rawApiKey;
	}

	/** The public API (`/api/v1`) with this instance's key. */
	get api() {
		return axios.create({
			baseURL: `${this.baseUrl}/api/v1`,
			headers: { 'X-N8N-API-KEY': this.apiKey },
			validateStatus: () => true,
		});
	}

	/**
	 * Create a workflow from template JSON through the public API and activate it.
	 * @param {any} workflow
	 * @param {{ activate?: boolean }} [options]
	 */
	async importWorkflow(workflow, { activate = true } = {}) {
		const body = {
			name: workflow.name,
			nodes: workflow.nodes,
			connections: workflow.connections,
			settings: { executionOrder: 'v1', ...(workflow.settings ?? {}) },
		};
		const created = await this.api.post('/workflows', body);
		if (created.status !== 200) throw new Error(`import of "${workflow.name}" failed: ${created.status} ${JSON.stringify(created.data)}`);
		const id = created.data.id;
		if (activate) {
			const act = await this.api.post(`/workflows/${id}/activate`, {});
			if (act.status !== 200) throw new Error(`activation of "${workflow.name}" failed: ${act.status} ${JSON.stringify(act.data)}`);
		}
		return id;
	}

	/**
	 * @param {string} type credential type name, e.g. postHogWebhookAuth
	 * @param {string} name
	 * @param {Record<string, unknown>} data
	 * @returns {Promise<{ id: string, name: string }>}
	 */
	async createCredential(type, name, data) {
		const res = await this.api.post('/credentials', { name, type, data });
		if (res.status !== 200) throw new Error(`credential ${type}: ${res.status} ${JSON.stringify(res.data)}`);
		return { id: res.data.id, name: res.data.name };
	}

	/**
	 * The id of the Data Table `name`, created with these columns (a name alone: a String column)
	 * unless another test of the run made it already (as an ops person would in the UI).
	 * @param {string} name
	 * @param {Array<string | { name: string, type: 'string' | 'number' }>} columns
	 * @returns {Promise<string>}
	 */
	async ensureDataTable(name, columns) {
		const created = await this.api.post('/data-tables', { name, columns: columns.map((column) => (typeof column === 'string' ? { name: column, type: 'string' } : column)) });
		if (created.status === 201) return created.data.id;
		if (created.status !== 409) throw new Error(`creating data table ${name}: ${created.status} ${JSON.stringify(created.data)}`);
		// n8n wants the JSON filter fully percent-encoded, which axios's params serializer does not do.
		const listed = await this.api.get(`/data-tables?filter=${encodeURIComponent(JSON.stringify({ name }))}`);
		const found = (listed.data.data ?? []).find((/** @type {{ id: string, name: string }} */ table) => table.name === name);
		if (!found) throw new Error(`listing data tables: ${listed.status} ${JSON.stringify(listed.data)}`);
		return found.id;
	}

	/**
	 * Every row of a Data Table matching the filters (`[{ columnName, condition, value }]`, all must hold).
	 * @param {string} tableId
	 * @param {Array<{ columnName: string, condition: string, value: unknown }>} filters
	 * @returns {Promise<Array<Record<string, any>>>}
	 */
	async dataTableRows(tableId, filters) {
		const filter = JSON.stringify({ type: 'and', filters });
		const rows = [];
		let cursor;
		do {
			const query = `filter=${encodeURIComponent(filter)}&limit=250${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
			/** @type {import('axios').AxiosResponse} */
			const res = await this.api.get(`/data-tables/${tableId}/rows?${query}`);
			if (res.status !== 200) throw new Error(`reading rows of ${tableId}: ${res.status} ${JSON.stringify(res.data)}`);
			rows.push(...res.data.data);
			cursor = res.data.nextCursor ?? undefined;
		} while (cursor);
		return rows;
	}

	/**
	 * Wait until a PQL Trigger's production webhook is registered (n8n registers triggers in the
	 * background after activation). The probe is a POST of `{}`, which the trigger refuses with 400
	 * without starting an execution; an OPTIONS probe can pass before POST is routed. For n8n's own
	 * Webhook node, where a POST would start an execution, pass `probe: 'OPTIONS'` and retry 404s.
	 * @param {string} urlPath
	 * @param {{ probe?: 'POST' | 'OPTIONS', timeoutMs?: number }} [options]
	 */
	async waitForWebhook(urlPath, { probe = 'POST', timeoutMs = 30_000 } = {}) {
		const started = Date.now();
		while (Date.now() - started < timeoutMs) {
			const res = await axios.request({ method: probe, url: `${this.baseUrl}${urlPath}`, data: probe === 'POST' ? {} : undefined, validateStatus: () => true });
			if (res.status !== 404) return;
			await new Promise((r) => setTimeout(r, 200));
		}
		throw new Error(`webhook ${urlPath} still 404 after ${timeoutMs} ms`);
	}

	/**
	 * Every execution of a workflow, with data, following the public API's cursor.
	 * @param {string} workflowId
	 */
	async executions(workflowId) {
		const all = [];
		let cursor;
		do {
			/** @type {import('axios').AxiosResponse} */
			const res = await this.api.get('/executions', {
				params: { workflowId, includeData: true, limit: 100, ...(cursor ? { cursor } : {}) },
			});
			if (res.status !== 200) throw new Error(`executions: ${res.status} ${JSON.stringify(res.data)}`);
			all.push(...res.data.data);
			cursor = res.data.nextCursor;
		} while (cursor);
		return all;
	}

	/**
	 * Every item that reached a template's "Failed Items" node, in any execution of the workflow: the
	 * one place a person sees what failed (an execution whose failed items went there ends as a success).
	 * @param {string} workflowId
	 * @returns {Promise<Array<Record<string, any>>>}
	 */
	async failedItems(workflowId) {
		const executions = await this.executions(workflowId);
		return executions.flatMap((execution) =>
			(execution.data?.resultData?.runData?.['Failed Items'] ?? []).flatMap((/** @type {any} */ run) => (run.data?.main?.[0] ?? []).map((/** @type {any} */ item) => item.json)),
		);
	}

	/**
	 * Poll until `predicate(executions)` holds, e.g. until N executions finished.
	 * @param {string} workflowId
	 * @param {(executions: any[]) => boolean} predicate
	 */
	async waitForExecutions(workflowId, predicate, timeoutMs = 60_000) {
		const started = Date.now();
		let last = [];
		while (Date.now() - started < timeoutMs) {
			last = await this.executions(workflowId);
			if (last.every((e) => e.finished || e.status === 'error' || e.status === 'success') && predicate(last)) return last;
			await new Promise((r) => setTimeout(r, 300));
		}
		return last;
	}

	/** What another process needs to use this running instance (see `attach`). */
	get state() {
		return { userFolder: this.userFolder, port: this.port, baseUrl: this.baseUrl, apiKey: this.apiKey, cookie: this.cookie };
	}

	/**
	 * Use an instance started by another process (jest's global set-up) without starting one.
	 * @param {{ userFolder: string, port: number, baseUrl: string, apiKey: string, cookie?: string }} state
	 */
	static attach(state) {
		const server = Object.create(N8nServer.prototype);
		Object.assign(server, state, { options: { userFolder: state.userFolder }, child: null });
		return /** @type {N8nServer} */ (server);
	}

	/** @param {number | undefined} pid */
	killNow(pid) {
		if (!pid) return;
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}

	/** @param {import('node:child_process').ChildProcess | null} child */
	async stopProcess(child) {
		if (!child || child.exitCode !== null) return;
		const exited = new Promise((r) => child.once('exit', r));
		try {
			process.kill(-(/** @type {number} */ (child.pid)), 'SIGTERM');
		} catch {
			return;
		}
		// SIGKILL only once n8n's graceful shutdown has had its time: before that, a running execution
		// (a fault run's CRM step waiting out 429s) would be killed and left `crashed`, not finished.
		const timer = setTimeout(() => this.killNow(child.pid), (GRACEFUL_SHUTDOWN_SECONDS + 15) * 1000);
		await exited;
		clearTimeout(timer);
	}

	/** Stop the main process only and start it again on the same folder, port and database. */
	async restartMain() {
		await this.stopProcess(this.child);
		const started = Date.now();
		this.child = this.spawnN8n('start', this.env);
		await this.waitHealthy(started);
	}

	async stop() {
		await Promise.all([this.stopProcess(this.child), ...this.workers.map((w) => this.stopProcess(w))]);
		this.child = null;
		this.workers = [];
		if (this.database) {
			try {
				this.psql(`DROP DATABASE IF EXISTS ${this.database} WITH (FORCE)`);
			} catch {
				log(`could not drop database ${this.database}; drop it by hand`);
			}
			this.dropRedisKeys(this.database);
			this.database = '';
		}
	}

	/** @param {string} prefix */
	dropRedisKeys(prefix) {
		try {
			const keys = execFileSync('redis-cli', ['-h', '127.0.0.1', '--scan', '--pattern', `${prefix}*`], { encoding: 'utf8' })
				.split('\n')
				.filter(Boolean);
			for (let i = 0; i < keys.length; i += 500) execFileSync('redis-cli', ['-h', '127.0.0.1', 'del', ...keys.slice(i, i + 500)]);
		} catch {
			log(`could not remove Redis keys ${prefix}*`);
		}
	}
}

module.exports = { N8nServer, ensureRuntime, packPackage, installPackage, freePort, OWNER, ROOT };

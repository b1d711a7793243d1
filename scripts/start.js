// @ts-check
// `npm start`: build the package, bring Node 24 + n8n (cached), install this package into a local
// n8n as a community package, import every template, and keep n8n running until Ctrl+C.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { N8nServer, packPackage, OWNER, ROOT } = require('../test/support/n8n-server');

const home = process.env.PQL_HOME ?? path.join(os.homedir(), '.n8n-nodes-pql');
const port = Number(process.env.PQL_PORT ?? 5678);

/** @param {string} message */
const say = (message) => process.stdout.write(`[start] ${message}\n`);

async function importTemplates(server) {
	const existing = await server.api.get('/workflows', { params: { limit: 250 } });
	const names = new Set((existing.data.data ?? []).map((/** @type {{name: string}} */ w) => w.name));
	const files = fs.readdirSync(path.join(ROOT, 'workflows')).filter((f) => f.endsWith('.json'));
	for (const file of files) {
		const workflow = JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows', file), 'utf8'));
		if (names.has(workflow.name)) {
			say(`template already imported: ${workflow.name}`);
			continue;
		}
		// Imported inactive: each template needs its credentials before it can be activated.
		await server.importWorkflow(workflow, { activate: false });
		say(`imported template: ${workflow.name}`);
	}
}

async function main() {
	say('building the package');
	execFileSync(path.join(ROOT, 'node_modules', '.bin', 'gulp'), ['build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
	const userFolder = path.join(home, 'n8n');
	fs.mkdirSync(userFolder, { recursive: true });
	const tarball = packPackage(path.join(home, 'package'));
	const server = new N8nServer({ userFolder, port, logFile: path.join(home, 'n8n.log') });
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		say('stopping n8n');
		await server.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	await server.start({ tarball });
	await importTemplates(server);
	say('');
	say(`n8n is ready at   ${server.baseUrl}`);
	say(`log in with       ${OWNER.email} / ${OWNER.password}`);
	say(`data and log in   ${home}`);
	say('templates are under Overview; add credentials, then activate. Ctrl+C stops n8n.');
	server.child?.once('exit', (code) => {
		if (!stopping) {
			say(`n8n exited (code ${code}); see ${server.logFile}`);
			process.exit(1);
		}
	});
}

main().catch((error) => {
	process.stderr.write(`[start] failed: ${error instanceof Error ? error.message : error}\n`);
	process.exit(1);
});

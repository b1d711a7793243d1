// @ts-check
// The fault run of issue 13 (not a timing benchmark: it fails when the promise breaks): the
// templates in a real n8n with every ordinary fault at once, then recovery as a user does it, and
// the checks — see test/support/fault-run.js. Prints per template what it found; ok only when
// every check passed.
//
//   PQL_BENCH_ONLY=fault-run npm run bench    through bench/run.js
//   node bench/fault-run.js                   standalone, after `npx gulp build` (an n8n of its own)
// Tunables: PQL_FAULT_RUN_ACCOUNTS=200 (accounts per template), PQL_FAULT_RUN_SEED=13
const { envNumber, log, runOnOwnN8n } = require('./lib');
const { runFaultRun, formatReport } = require('../test/support/fault-run');

/** Set-up, three phases, the restart, recovery rounds: about 20 minutes at 200 accounts per template (three templates) on 2 busy cores. */
const budgetSeconds = () => 60 + 9 * envNumber('PQL_FAULT_RUN_ACCOUNTS', 200);

/** @param {import('../test/support/n8n-server').N8nServer} server */
async function run(server) {
	const result = await runFaultRun(server, {
		accounts: envNumber('PQL_FAULT_RUN_ACCOUNTS', 200),
		seed: envNumber('PQL_FAULT_RUN_SEED', 13),
		log: (line) => log(`fault-run: ${line}`),
	});
	process.stdout.write(`${formatReport(result)}\n`);
	return { ok: result.ok };
}

module.exports = { name: 'fault-run', run, budgetSeconds };

// Standalone: an n8n of its own with the dist/ already built (`npx gulp build` first).
if (require.main === module) runOnOwnN8n('fault-run', run);

// @ts-check
// The PostHog → HubSpot template's PQL Score settings on populations with realistic traps
// (test/support/trap-population.js): precision and recall against the accounts known to be PQLs,
// seed by seed, and which kinds of account each setting qualifies. The template's own nodes
// ("Prepare History Rows", then "PQL Score" on history rows) run inside n8n-core's executor on the
// compiled code in dist/ (run `npx gulp build` first); beside them, the same with "Disqualify Below
// Core Feature Uses per Member" at 0 (off, as before it defaulted to 5), and PQL Score version 1 at
// its defaults on the raw events, as the templates scored before. Runs alone (`node bench/traps.js`) or from bench/run.js, in a process
// of its own. Not a timing: the numbers are the same on any machine.
const template = require('../workflows/posthog-to-hubspot.json');
const { TRAP_SEEDS, TRAP_KINDS, generateTrapPopulation, trapQuality } = require('../test/support/trap-population');
const { pqlScoreExecutor } = require('./pqlScoreExecutor');
const { childProcessBenchmark, log } = require('./lib');

/** @param {string} name */
function templateParameters(name) {
	const node = template.nodes.find((candidate) => candidate.name === name);
	if (!node) throw new Error(`workflows/posthog-to-hubspot.json has no node "${name}"`);
	return /** @type {import('n8n-workflow').INodeParameters} */ (node.parameters);
}

/** @param {Array<Array<{ json: any }>>} outputs */
const qualifiedOf = (outputs) => new Set(outputs[0].filter(({ json }) => json.pql?.qualified).map(({ json }) => json.pql.entity.id));

async function run() {
	const prepare = pqlScoreExecutor(templateParameters('Prepare History Rows'));
	const settings = templateParameters('PQL Score');
	const shipped = pqlScoreExecutor(settings);
	const lightUseOff = pqlScoreExecutor({ ...settings, minCoreUses: 0 });
	const version1 = pqlScoreExecutor({ inputMode: 'events', level: 'account' }, 1);
	const kinds = Object.keys(TRAP_KINDS);
	const rows = [];
	let ok = true;
	for (const seed of TRAP_SEEDS) {
		log(`traps: seed ${seed}`);
		const accounts = generateTrapPopulation({ seed });
		const events = accounts.flatMap((account) => account.events).map((json) => ({ json }));
		const [historyRows] = await prepare(events);
		const results = [
			['template as shipped', trapQuality(accounts, qualifiedOf(await shipped(historyRows)))],
			['template, light use not disqualified', trapQuality(accounts, qualifiedOf(await lightUseOff(historyRows)))],
			['PQL Score 1 at its defaults', trapQuality(accounts, qualifiedOf(await version1(events)))],
		];
		for (const [setting, quality] of /** @type {Array<[string, ReturnType<typeof trapQuality>]>} */ (results)) {
			rows.push(`| ${seed} | ${setting} | ${quality.precision.toFixed(2)} | ${quality.recall.toFixed(2)} | ${kinds.map((kind) => quality.byKind[kind]).join(' | ')} |`);
		}
		const shippedQuality = /** @type {ReturnType<typeof trapQuality>} */ (results[0][1]);
		ok &&= shippedQuality.precision >= 0.95 && shippedQuality.recall >= 0.9;
	}
	const lines = [
		'',
		`The template's PQL Score on trap populations (${TRAP_SEEDS.length} seeds, 80 accounts each): qualified / accounts of each kind`,
		`| seed | setting | precision | recall | ${kinds.join(' | ')} |`,
		`| --- | --- | --- | --- | ${kinds.map(() => '---').join(' | ')} |`,
		...rows,
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	return { ok };
}

module.exports = childProcessBenchmark('traps', __filename, 120, run, module);

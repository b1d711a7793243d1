// @ts-check
// Reading what a workflow's trigger emitted back out of n8n's executions (public API).

/**
 * The items the trigger node emitted across all executions of a workflow, oldest first; when
 * `atLeast` is given, waits (up to 60 s) until that many are there.
 * @param {import('../../support/n8n-server').N8nServer} server
 * @param {string} workflowId
 * @param {number} [atLeast]
 * @param {string} [nodeName]
 * @returns {Promise<Array<import('../../../core/contract/event').CanonicalEvent>>}
 */
async function triggerItems(server, workflowId, atLeast = 0, nodeName = 'PQL Trigger') {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const executions = await server.executions(workflowId);
		const done = executions.filter((e) => e.status !== 'running' && e.status !== 'new');
		const items = done
			.sort((a, b) => Number(a.id) - Number(b.id))
			.flatMap((e) => e.data?.resultData?.runData?.[nodeName]?.[0]?.data?.main?.[0] ?? [])
			.map((/** @type {{ json: any }} */ item) => item.json);
		if (items.length >= atLeast || Date.now() > deadline) return items;
		await new Promise((r) => setTimeout(r, 300));
	}
}

/**
 * What made the workflow's executions after `afterId` fail, one line each (node, message,
 * description), so a test that finds an unexpected failed execution can say why.
 * @param {import('../../support/n8n-server').N8nServer} server
 * @param {string} workflowId
 * @param {number} afterId
 * @returns {Promise<string[]>}
 */
async function executionErrors(server, workflowId, afterId) {
	const executions = await server.waitForExecutions(workflowId, () => true);
	return executions
		.filter((e) => Number(e.id) > afterId && e.status === 'error')
		.map((e) => {
			const error = e.data?.resultData?.error ?? {};
			return [error.node?.name, error.message, error.description].filter(Boolean).join(': ');
		});
}

/** The newest execution id of a workflow (0 if none): what `executionErrors` counts from. */
async function lastExecutionId(/** @type {import('../../support/n8n-server').N8nServer} */ server, /** @type {string} */ workflowId) {
	return Math.max(0, ...(await server.executions(workflowId)).map((e) => Number(e.id)));
}

module.exports = { triggerItems, executionErrors, lastExecutionId };

// @ts-check
// Qualified accounts as PQL Score → Enrich → Route hand them to PQL CRM, and posting them to a test
// workflow's webhook.
const axios = require('axios').default;
const { REP, qualifiedAccount: qualified } = require('../../support/qualified-account');
const { sleep } = require('./instance');

/**
 * A qualified account of its own domain (the company is "<domain> Inc", so a Slack message names it).
 * @param {string} accountId @param {string} domain @param {number} [score]
 */
const qualifiedAccount = (accountId, domain, score = 84) => qualified({ accountId, domain, companyName: `${domain} Inc`, score });

/**
 * Posts `{ accounts }` to a workflow's webhook; `postAll` re-sends what met the brief 404 right
 * after activation (those requests started nothing).
 * @param {{ baseUrl: string }} server @param {string} hook
 */
function accountPoster(server, hook) {
	/** @param {object[]} accounts */
	const post = async (accounts) => await axios.post(`${server.baseUrl}/webhook/${hook}`, { accounts }, { validateStatus: () => true, timeout: 120_000 });
	/** @param {object[][]} bodies */
	const postAll = async (bodies) => {
		let responses = await Promise.all(bodies.map(async (body) => ({ body, response: await post(body) })));
		for (let attempt = 0; responses.some((r) => r.response.status === 404) && attempt < 40; attempt++) {
			await sleep(250);
			responses = await Promise.all(responses.map(async (r) => (r.response.status === 404 ? { body: r.body, response: await post(r.body) } : r)));
		}
		return responses.map((r) => r.response);
	};
	return { post, postAll };
}

module.exports = { REP, qualifiedAccount, accountPoster };

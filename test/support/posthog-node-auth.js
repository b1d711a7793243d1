// @ts-check
// posthog-node sends only the project API key, which is public (posthog-js puts it in every page):
// PQL Trigger wants the secret header as well. This is the `fetch` option a user gives posthog-node
// for that (the README shows it), used by every test and benchmark that drives the trigger with it.

/**
 * @param {Record<string, string>} headers added to every request, e.g. `{ authorization: 'Bearer <secret>' }`
 * @param {(url: string, options: any) => Promise<any>} [inner] the fetch to wrap (global fetch by default)
 * @returns {(url: string, options: any) => Promise<any>}
 */
const fetchWithHeaders =
	(headers, inner = (url, options) => fetch(url, options)) =>
	(url, options) =>
		inner(url, { ...options, headers: { ...(options.headers ?? {}), ...headers } });

module.exports = { fetchWithHeaders };

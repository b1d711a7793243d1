import type { IWebhookDescription } from 'n8n-workflow';

import { ROUTE_PATHS, type WebhookRoute } from '../../core/ingest';

const ROUTES = (Object.entries(ROUTE_PATHS) as Array<[WebhookRoute, readonly string[]]>).flatMap(([name, paths]) =>
	paths.map((path) => ({ name, path })),
);

/**
 * The base URL takes PostHog destination and Segment webhook deliveries; the sub-paths are the ones
 * posthog-node / posthog-js and Segment's libraries append to the host they are given.
 */
export const WEBHOOKS: IWebhookDescription[] = ROUTES.map(({ path }) => ({
	name: 'default',
	httpMethod: 'POST',
	responseMode: 'onReceived',
	responseData: '',
	isFullPath: path === '',
	path,
}));

/** The route a request came in on, from the end of its URL path (longest match first). */
export function routeOf(urlPath: string): WebhookRoute {
	const trimmed = urlPath.replace(/\/+$/, '');
	const matches = ROUTES.filter(({ path }) => path !== '' && trimmed.endsWith(`/${path}`));
	return matches.sort((a, b) => b.path.length - a.path.length)[0]?.name ?? 'default';
}

import { formatReport, runFaultRun } from '../support/fault-run';
import { startOwnN8n } from './support/instance';

// The fault run of issue 13, small: the three templates on an n8n of the test's own (it is restarted
// mid-run), 40 accounts each, every fault at once, recovery as a user does it, the same checks as
// `PQL_BENCH_ONLY=fault-run npm run bench` (200 accounts; numbers in docs/reliability.md).
let server: Awaited<ReturnType<typeof startOwnN8n>>;

beforeAll(async () => {
	server = await startOwnN8n({ label: 'fault-run' });
}, 240_000);

afterAll(async () => {
	await server?.stop();
});

test('40 accounts per template through 429s, 5xx, lost answers, the org limit, re-sent events, malformed items, a restart, midnight and 95 days: every promise kept after recovery', async () => {
	const result = await runFaultRun(server, { accounts: 40, seed: 7 });
	const failed = result.reports.flatMap((report) => report.checks.filter((c) => !c.ok).map((c) => `${report.template}: ${c.name}: ${c.value} (expected ${c.expected})`));
	expect({ failed, report: failed.length ? formatReport(result) : '' }).toEqual({ failed: [], report: '' });
	expect(result.reports.every((report) => report.qualifying > 0 && report.malformed > 0)).toBe(true);
}, 1_200_000);

import type { FollowUpOutcome } from '../../../../core/crm/followUp';
import { encodeState, followUp, parseState, recordAlert } from '../../../../core/crm/followUp';
import { Crashed, FakeCallError, FakeCrm, type PortCall } from './fakeCrm';
import { Scheduler, everySchedule } from './scheduler';

const ACCOUNT = 'acct-1';
const LEASE = 5 * 60_000;
const FLAVORS = ['hubspot', 'salesforce'] as const;

interface Run {
	token?: string;
	retrying?: boolean;
	alertRecorded?: boolean;
	email?: string | null;
}

/** One execution of the template's chain for one item: PQL CRM → (alert due) PQL Alert → Record Alert. */
async function execute(fake: FakeCrm, execution: string, run: Run = {}): Promise<FollowUpOutcome> {
	const token = run.token ?? `token-${execution}`;
	const ports = fake.ports(execution, ACCOUNT, run.email === undefined ? 'ana@acme.test' : run.email);
	const outcome = await followUp(ports, { accountId: ACCOUNT, token, leaseMs: LEASE, alertRecorded: run.alertRecorded ?? true, retrying: run.retrying ?? false });
	if (outcome.followUp === 'alertDue') {
		await fake.postAlert(execution, outcome.record.key);
		await recordAlert(ports, { key: outcome.record.key, token, sentAt: new Date(fake.clock).toISOString() });
	}
	return outcome;
}

/** Runs it, returning what it threw (an injected failure or a crash) instead of failing the test. */
const attempt = async (fake: FakeCrm, execution: string, run: Run = {}): Promise<unknown> => await execute(fake, execution, run).catch((error: unknown) => error);

const openRecords = (fake: FakeCrm) => [...fake.records.values()].filter((r) => r.open);

/** The promise: one open record, one story on it, one person, one alert, and the record says so. */
function expectDoneOnce(fake: FakeCrm, alerts = 1): void {
	const open = openRecords(fake);
	expect(open).toHaveLength(1);
	const [record] = open;
	expect(fake.storiesOf(record.key)).toBe(1);
	expect(fake.people).toHaveLength(fake.flavor === 'salesforce' ? 1 : 0);
	expect(fake.alerts.filter((a) => a.key === record.key)).toHaveLength(alerts);
	const state = parseState(record.followUp);
	expect(state).toMatchObject({ ready: true, claim: null, story: fake.stories.find((s) => s.recordKey === record.key)?.id });
	expect(state.alertedAt).not.toBeNull();
}

/**
 * The documented window: when the last call that went through was Slack's post or the marker's read
 * (Slack took the alert, the marker is not written), the alert goes out once more on the retry.
 */
const alertsAfterFailureAt = (calls: PortCall[], index: number): number => (index >= calls.indexOf('postAlert') && index < calls.length - 1 ? 2 : 1);

/** How many port calls one undisturbed execution makes for a new account, and which. */
async function cleanCalls(flavor: 'hubspot' | 'salesforce'): Promise<PortCall[]> {
	const fake = new FakeCrm(flavor);
	await execute(fake, 'A');
	return fake.callsOf('A');
}

describe.each(FLAVORS)('follow-up core (%s)', (flavor) => {
	test('one execution: creates cycle 1 with its claim, the person, the story; alert due; Record Alert completes it', async () => {
		const fake = new FakeCrm(flavor);
		const outcome = await execute(fake, 'A');
		expect(outcome).toMatchObject({ cycle: 1, status: 'created', owner: true, followUp: 'alertDue', record: { key: 'acct-1:c1' } });
		expect(outcome.state).toMatchObject({ ready: true, claim: { token: 'token-A' } });
		expectDoneOnce(fake);
		expect(fake.callsOf('A')).toEqual(
			flavor === 'salesforce'
				? ['listCycles', 'createCycle', 'refresh', 'findPerson', 'createPerson', 'createStory', 'writeFollowUp', 'postAlert', 'getCycle', 'writeFollowUp']
				: ['listCycles', 'getCycle', 'createCycle', 'refresh', 'createStory', 'writeFollowUp', 'postAlert', 'getCycle', 'writeFollowUp'],
		);
		const again = await execute(fake, 'B');
		expect(again).toMatchObject({ status: 'deduplicated', owner: false, followUp: 'complete' });
		expectDoneOnce(fake);
	});

	test('every interleaving of two concurrent executions for a new account: one record, story, person and alert', async () => {
		let outcomes: string[] = [];
		const runs = await everySchedule(async (choose) => {
			const fake = new FakeCrm(flavor);
			fake.searchLagMs = flavor === 'hubspot' ? 60_000 : 0;
			fake.scheduler = new Scheduler(choose);
			const results = await fake.scheduler.run({ A: async () => await execute(fake, 'A'), B: async () => await execute(fake, 'B') });
			expect([results.A.error, results.B.error]).toEqual([undefined, undefined]);
			expectDoneOnce(fake);
			const statuses = [results.A.value, results.B.value].map((o) => `${o?.status}/${o?.followUp}`).sort();
			expect(statuses.filter((s) => s.startsWith('created/'))).toHaveLength(1);
			outcomes.push(statuses.join(' '));
		});
		expect(runs).toBeGreaterThan(100);
		outcomes = [...new Set(outcomes)].sort();
		expect(outcomes).toEqual(['created/alertDue deduplicated/complete', 'created/alertDue deduplicated/pendingElsewhere']);
	});

	/** For each k: a fake CRM in which execution A died right after its k-th call. */
	async function* crashedAfterEachCall(calls: PortCall[]): AsyncGenerator<[FakeCrm, number]> {
		for (let k = 1; k <= calls.length; k++) {
			const fake = new FakeCrm(flavor);
			fake.crashAfterCalls('A', k);
			expect(await attempt(fake, 'A')).toBeInstanceOf(Crashed);
			yield [fake, k];
		}
	}

	test('a crash after any call, then n8n\'s retry of that execution: it finishes; a second alert only if it died between the alert and its marker', async () => {
		const calls = await cleanCalls(flavor);
		for await (const [fake, k] of crashedAfterEachCall(calls)) {
			// n8n's retry runs the failed node again on the same saved item: the same claim.
			const retried = await execute(fake, 'A-retry', { token: 'token-A' });
			expect(retried.status).toBe(k === calls.length ? 'deduplicated' : calls.slice(0, k).includes('createCycle') ? 'resumed' : 'created');
			expectDoneOnce(fake, alertsAfterFailureAt(calls, k - 1));
		}
	});

	test('a crash after any call, then another execution: left alone while the claim\'s lease runs, taken over after it', async () => {
		const calls = await cleanCalls(flavor);
		for await (const [fake, k] of crashedAfterEachCall(calls)) {
			const early = await execute(fake, 'B');
			if (!calls.slice(0, k).includes('createCycle')) expect(early).toMatchObject({ status: 'created', owner: true });
			else if (k < calls.length) expect(early).toMatchObject({ status: 'deduplicated', owner: false, followUp: 'pendingElsewhere' });
			else expect(early).toMatchObject({ owner: false, followUp: 'complete' });
			fake.clock += LEASE + 1;
			await execute(fake, 'C');
			expectDoneOnce(fake, alertsAfterFailureAt(calls, k - 1));
		}
	});

	test('a lost answer after any write, then a retry: one record, story, person and alert', async () => {
		const calls = await cleanCalls(flavor);
		const writes: PortCall[] = ['createCycle', 'writeFollowUp', 'createPerson', 'createStory', 'refresh'];
		for (const [index, call] of calls.entries()) {
			if (!writes.includes(call)) continue;
			const fake = new FakeCrm(flavor);
			fake.fail({ call, when: 'after', skip: calls.slice(0, index).filter((c) => c === call).length });
			expect(await attempt(fake, 'A')).toBeInstanceOf(FakeCallError);
			await execute(fake, 'A-retry', { token: 'token-A' });
			// The marker write itself was lost: it is there all the same, so no second alert.
			expectDoneOnce(fake);
		}
	});

	test('the create\'s answer lost and the transport\'s repeat refused as a duplicate: still "created" by this execution', async () => {
		const fake = new FakeCrm(flavor);
		fake.fail({ call: 'createCycle', when: 'repeated' });
		expect(await execute(fake, 'A')).toMatchObject({ status: 'created', owner: true, followUp: 'alertDue' });
		expectDoneOnce(fake);
	});

	test('a refusal at any call (a 429 or 5xx the transport gave up on), then a retry: one of everything', async () => {
		const calls = await cleanCalls(flavor);
		for (const [index, call] of calls.entries()) {
			const fake = new FakeCrm(flavor);
			fake.fail({ call, when: 'before', skip: calls.slice(0, index).filter((c) => c === call).length });
			expect(await attempt(fake, 'A')).toBeInstanceOf(FakeCallError);
			if (index < calls.indexOf('postAlert')) {
				// A failed CRM step released its claim: another execution goes on at once, without waiting out the lease.
				expect(await execute(fake, 'B')).toMatchObject({ owner: true });
			} else {
				// PQL Alert or Record Alert failed: n8n's retry of the execution finishes it.
				expect(await execute(fake, 'A-retry', { token: 'token-A' })).toMatchObject({ owner: true, status: 'resumed' });
			}
			expectDoneOnce(fake, alertsAfterFailureAt(calls, index - 1));
		}
	});

	test('two executions taking over an abandoned follow-up, every interleaving while the settle pause holds (up to 3 preemptions when it does not): one owner then; never a second record', async () => {
		const abandoned = encodeState({ claim: { token: 'token-dead', until: '2026-11-20T09:00:00.000Z' }, story: null, ready: false, alertedAt: null });
		for (const honourSleep of [true, false]) {
			const seen = new Set<string>();
			const runs = await everySchedule(async (choose) => {
				const fake = new FakeCrm(flavor);
				fake.seed(ACCOUNT, 'acct-1:c1', true, abandoned);
				fake.scheduler = new Scheduler(choose, honourSleep ? { honourSleep } : { preemptions: 3 });
				const results = await fake.scheduler.run({ A: async () => await execute(fake, 'A'), B: async () => await execute(fake, 'B') });
				const owners = [results.A.value, results.B.value].filter((o) => o?.owner).length;
				seen.add(`${owners} owner(s)`);
				expect(fake.records.size).toBe(1);
				if (honourSleep) expectDoneOnce(fake);
				else {
					// Without the pause holding, both may finish it: the bound of this window.
					expect(fake.alerts.length).toBe(owners);
					expect(fake.storiesOf('acct-1:c1')).toBeLessThanOrEqual(owners);
					expect(fake.people.length).toBeLessThanOrEqual(owners);
				}
			});
			expect(runs).toBeGreaterThan(20);
			expect([...seen].sort()).toEqual(honourSleep ? ['1 owner(s)'] : ['1 owner(s)', '2 owner(s)']);
		}
	});

	test('n8n\'s retry of a failed execution recognises the claim of the one it repeats (same item, another execution); a concurrent execution does not', async () => {
		const fake = new FakeCrm(flavor);
		fake.crashAfterCalls('A', 3);
		expect(await attempt(fake, 'A', { token: 'item1.exec1' })).toBeInstanceOf(Crashed);
		expect(await execute(fake, 'B', { token: 'item1.exec2' })).toMatchObject({ owner: false, followUp: 'pendingElsewhere' });
		expect(await execute(fake, 'A-retry', { token: 'item1.exec3', retrying: true })).toMatchObject({ owner: true, status: 'resumed' });
		expectDoneOnce(fake);
	});

	test('midnight: executions either side of it find the same cycle (no date in the key)', async () => {
		const fake = new FakeCrm(flavor, Date.parse('2026-11-20T23:59:59.990Z'));
		fake.searchLagMs = flavor === 'hubspot' ? 60_000 : 0;
		const before = await execute(fake, 'A');
		fake.clock = Date.parse('2026-11-21T00:00:00.010Z');
		const after = await execute(fake, 'B');
		expect(after.record.key).toBe(before.record.key);
		expectDoneOnce(fake);
	});

	test('a closed cycle: the next qualification gets cycle 2 with its own story and alert; the closed one is left alone', async () => {
		const fake = new FakeCrm(flavor);
		await execute(fake, 'A');
		fake.close('acct-1:c1');
		fake.clock += 86_400_000;
		const next = await execute(fake, 'B');
		expect(next).toMatchObject({ cycle: 2, status: 'created', record: { key: 'acct-1:c2' } });
		expectDoneOnce(fake);
		expect(fake.storiesOf('acct-1:c1')).toBe(1);
		expect(fake.alerts.map((a) => a.key)).toEqual(['acct-1:c1', 'acct-1:c2']);
	});

	test('an open day-keyed record of an earlier version is adopted as the cycle, not duplicated; a closed one is not', async () => {
		const fake = new FakeCrm(flavor);
		fake.seed(ACCOUNT, 'acct-1:2026-11-19', true);
		const adopted = await execute(fake, 'A');
		expect(adopted).toMatchObject({ cycle: 0, status: 'resumed', owner: true, record: { key: 'acct-1:2026-11-19' } });
		// Its note is found by its own key's marker when there is one; it carried no alert marker, so the owner hears once more.
		expectDoneOnce(fake);
		fake.close('acct-1:2026-11-19');
		expect(await execute(fake, 'B')).toMatchObject({ cycle: 1, status: 'created', record: { key: 'acct-1:c1' } });
	});

	test('a pending follow-up leaves the other execution without note and alert', async () => {
		const fake = new FakeCrm(flavor);
		fake.crashAfterCalls('A', 3);
		expect(await attempt(fake, 'A')).toBeInstanceOf(Crashed);
		const waiting = await execute(fake, 'B');
		expect(waiting).toMatchObject({ owner: false, followUp: 'pendingElsewhere' });
		expect([fake.stories.length, fake.alerts.length]).toEqual([0, 0]);
	});

	test('without Record Alert the follow-up is complete once the story is written, and the claim is released', async () => {
		const fake = new FakeCrm(flavor);
		const outcome = await execute(fake, 'A', { alertRecorded: false });
		expect(outcome).toMatchObject({ owner: true, followUp: 'complete' });
		expect(outcome.state).toMatchObject({ ready: true, claim: null });
		expect(fake.alerts).toEqual([]);
		expect(await execute(fake, 'B', { alertRecorded: false })).toMatchObject({ owner: false, followUp: 'complete' });
	});

	test('Record Alert: repeating it changes nothing; an alert that was not sent only releases the claim', async () => {
		const fake = new FakeCrm(flavor);
		const ports = fake.ports('A', ACCOUNT);
		const outcome = await followUp(ports, { accountId: ACCOUNT, token: 't', leaseMs: LEASE, alertRecorded: true, retrying: false });
		const skipped = await recordAlert(ports, { key: outcome.record.key, token: 't', sentAt: null });
		expect(skipped.state).toMatchObject({ claim: null, alertedAt: null, ready: true });
		expect(await execute(fake, 'B')).toMatchObject({ status: 'resumed', owner: true, followUp: 'alertDue' });
		const first = parseState(openRecords(fake)[0].followUp).alertedAt;
		const again = await recordAlert(ports, { key: outcome.record.key, token: 'token-B', sentAt: '2030-01-01T00:00:00.000Z' });
		expect(again.state.alertedAt).toBe(first);
		await expect(recordAlert(ports, { key: 'acct-1:c9', token: 't', sentAt: null })).rejects.toThrow('No PQL deal or opportunity has the key acct-1:c9');
	});
});

describe('follow-up core (salesforce only)', () => {
	test('a validation rule refuses the Lead: the item fails and releases its claim; after the fix a retry makes Lead, Task and alert', async () => {
		const fake = new FakeCrm('salesforce');
		fake.personRule = () => 'FIELD_CUSTOM_VALIDATION_EXCEPTION: Lead Source is required';
		const refused = await attempt(fake, 'A');
		expect(refused).toBeInstanceOf(FakeCallError);
		expect((refused as Error).message).toContain('Lead Source is required');
		expect([fake.people.length, fake.stories.length, fake.alerts.length]).toEqual([0, 0, 0]);
		fake.personRule = null;
		expect(await execute(fake, 'A-retry', { token: 'token-A' })).toMatchObject({ status: 'resumed', owner: true });
		expectDoneOnce(fake);
	});

	test('an item without an e-mail makes no person but still its story and alert', async () => {
		const fake = new FakeCrm('salesforce');
		await execute(fake, 'A', { email: null });
		expect(fake.people).toEqual([]);
		expect([fake.stories.length, fake.alerts.length]).toEqual([1, 1]);
	});
});

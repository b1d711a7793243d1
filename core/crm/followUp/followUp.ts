import type { CrmWriteStatus, FollowUpStatus } from '../../contract/crm';
import { cycleKey, cycleOfKey } from './cycleKey';
import type { CycleRecord, EnsuredStep, FollowUpPorts } from './ports';
import { isOwnClaim } from './claimToken';
import type { FollowUpState } from './state';
import { EMPTY_STATE, encodeState, parseState } from './state';

export interface FollowUpRequest {
	accountId: string;
	/** This execution's claim (see claimToken). */
	token: string;
	/** Whether n8n runs this execution as the retry of a failed one (its claim is recognised). */
	retrying: boolean;
	/** How long a claim keeps other executions away. */
	leaseMs: number;
	/** Whether Record Alert follows: the follow-up is complete only once it wrote the alert marker. */
	alertRecorded: boolean;
}

export interface FollowUpOutcome {
	record: CycleRecord;
	/** 0 for a day-keyed record of an earlier version, adopted as the account's open cycle. */
	cycle: number;
	status: CrmWriteStatus;
	owner: boolean;
	followUp: FollowUpStatus;
	state: FollowUpState;
}

/**
 * How long a claimant waits between writing its claim over an abandoned one and reading it back:
 * a rival that read the same abandoned claim has written its own by then, and only the last writer
 * goes on. (No CRM here offers a conditional update on any record.)
 */
export const TAKEOVER_SETTLE_MS = 1_000;

/** Cycles probed past the highest one listed before giving up (a guard, never reached in practice). */
const MAX_PROBES = 50;

const isoAfter = (now: number, ms: number): string => new Date(now + ms).toISOString();

const ownsClaim = (state: FollowUpState, request: FollowUpRequest): boolean => state.claim !== null && isOwnClaim(state.claim.token, request.token, request.retrying);

interface Found {
	record: CycleRecord;
	cycle: number;
	created: boolean;
}

/**
 * The account's open cycle, or a new one. An open record of the account is the cycle; otherwise the
 * next number is created. HubSpot's list (search) lags, so there each key is confirmed by a
 * consistent read, starting at the highest number listed: an open record is the cycle, a closed one
 * moves on to the next number, a missing one is created — unless a day-keyed record of an earlier
 * version is still open, which is adopted instead.
 */
async function findOrCreateCycle(ports: FollowUpPorts, request: FollowUpRequest, initial: string): Promise<Found> {
	const listed = (await ports.listCycles())
		.map((record) => ({ record, cycle: cycleOfKey(record.key, request.accountId) }))
		.filter((r): r is { record: CycleRecord; cycle: number } => r.cycle !== null)
		.sort((a, b) => b.cycle - a.cycle);
	const byKey = new Map(listed.map((r) => [r.record.key, r.record]));
	const read = async (key: string): Promise<CycleRecord | null> => (ports.listIsCurrent ? (byKey.get(key) ?? null) : await ports.getCycle(key));

	if (ports.listIsCurrent) {
		const open = listed.find((r) => r.cycle > 0 && r.record.open);
		if (open !== undefined) return { ...open, created: false };
	}
	let cycle = Math.max(1, listed[0]?.cycle ?? 1);
	for (let probe = 0; probe < MAX_PROBES; probe++, cycle++) {
		const key = cycleKey(request.accountId, cycle);
		let record = await read(key);
		if (record === null) {
			for (const legacy of listed.filter((r) => r.cycle === 0 && r.record.open)) {
				const now = await read(legacy.record.key);
				if (now?.open) return { record: now, cycle: 0, created: false };
			}
			const made = await ports.createCycle(key, initial);
			if (made !== 'exists') return { record: made, cycle, created: true };
			record = await ports.getCycle(key);
			if (record === null) throw new Error(`The CRM refused ${key} as a duplicate but finds no record with it`);
			// Refused as a duplicate of a record carrying this very claim: the transport repeated a create whose answer was lost.
			if (record.open && ownsClaim(parseState(record.followUp), request)) return { record, cycle, created: true };
		}
		if (record.open) return { record, cycle, created: false };
	}
	throw new Error(`No open PQL cycle of ${request.accountId} found within ${MAX_PROBES} keys`);
}

interface Ownership {
	owner: boolean;
	/** The record as last read (after a takeover, read back). */
	record: CycleRecord;
	state: FollowUpState;
}

const isComplete = (state: FollowUpState, alertRecorded: boolean): boolean => state.ready && (!alertRecorded || state.alertedAt !== null);

/**
 * Whether this execution does the follow-up: the creator does; a finished follow-up needs nobody;
 * a retry recognises its own claim; a live claim of another execution is left alone; an expired or
 * released one is taken over (written, then read back after a pause: only the last writer goes on).
 */
async function decideOwnership(ports: FollowUpPorts, request: FollowUpRequest, found: Found): Promise<Ownership> {
	const state = parseState(found.record.followUp);
	if (found.created || (!isComplete(state, request.alertRecorded) && ownsClaim(state, request))) {
		return { owner: true, record: found.record, state };
	}
	const live = state.claim !== null && Date.parse(state.claim.until) > ports.now();
	if (isComplete(state, request.alertRecorded) || live) return { owner: false, record: found.record, state };

	const mine: FollowUpState = { ...state, claim: { token: request.token, until: isoAfter(ports.now(), request.leaseMs) } };
	await ports.writeFollowUp(found.record, encodeState(mine));
	await ports.sleep(TAKEOVER_SETTLE_MS);
	const after = (await ports.getCycle(found.record.key)) ?? found.record;
	const read = parseState(after.followUp);
	return { owner: read.claim?.token === request.token && after.id === found.record.id, record: after, state: read };
}

async function ensure(step: EnsuredStep, mayExist = true): Promise<string> {
	return (mayExist ? await step.find() : null) ?? (await step.create());
}

/**
 * The owner's steps, each checked before it is done: the person, then the usage story; then the
 * record says it is ready. A record this execution just created has no story to look for.
 */
async function followUpAsOwner(ports: FollowUpPorts, request: FollowUpRequest, found: Found, state: FollowUpState): Promise<FollowUpState> {
	const record = found.record;
	const claim = state.claim?.token === request.token ? state.claim : { token: request.token, until: isoAfter(ports.now(), request.leaseMs) };
	if (ports.person !== undefined) await ensure(ports.person);
	const story = state.story ?? (ports.story === undefined ? null : await ensure(ports.story(record), !found.created));
	const done: FollowUpState = { ...state, story, ready: true, claim: request.alertRecorded ? claim : null };
	await ports.writeFollowUp(record, encodeState(done));
	return done;
}

/**
 * After a failure: gives this execution's claim back (best effort, and only if the record still
 * names it), so that a retry or the next execution finishes at once instead of waiting out the lease.
 */
async function release(ports: FollowUpPorts, key: string, request: FollowUpRequest): Promise<void> {
	try {
		const record = await ports.getCycle(key);
		const state = parseState(record?.followUp ?? null);
		if (record !== null && ownsClaim(state, request)) await ports.writeFollowUp(record, encodeState({ ...state, claim: null }));
	} catch {
		// The CRM is unreachable: the lease frees the follow-up instead.
	}
}

/**
 * One item's follow-up: finds or creates the account's open cycle record, refreshes it, and — in
 * the one execution that owns it — ensures the person and the usage story. The record's own
 * follow-up field says what is done, so a retry or a later execution finishes what a failed one
 * started.
 */
export async function followUp(ports: FollowUpPorts, request: FollowUpRequest): Promise<FollowUpOutcome> {
	const initial: FollowUpState = { ...EMPTY_STATE, claim: { token: request.token, until: isoAfter(ports.now(), request.leaseMs) } };
	const found = await findOrCreateCycle(ports, request, encodeState(initial));
	let finished = false;
	try {
		await ports.refresh(found.record, found.created);
		const decided = await decideOwnership(ports, request, found);
		const status: CrmWriteStatus = found.created ? 'created' : decided.owner ? 'resumed' : 'deduplicated';
		let outcome: FollowUpOutcome;
		if (decided.owner) {
			const state = await followUpAsOwner(ports, request, { ...found, record: decided.record }, decided.state);
			outcome = { ...decided, state, cycle: found.cycle, status, followUp: request.alertRecorded ? 'alertDue' : 'complete' };
		} else {
			const complete = isComplete(decided.state, request.alertRecorded);
			outcome = { ...decided, cycle: found.cycle, status, followUp: complete ? 'complete' : 'pendingElsewhere' };
		}
		finished = true;
		return outcome;
	} finally {
		if (!finished) await release(ports, found.record.key, request);
	}
}

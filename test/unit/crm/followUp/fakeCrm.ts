import type { CycleRecord, FollowUpPorts } from '../../../../core/crm/followUp';
import type { Scheduler } from './scheduler';

/** The port calls, as fault rules and logs name them. */
export type PortCall = 'listCycles' | 'getCycle' | 'createCycle' | 'writeFollowUp' | 'refresh' | 'findPerson' | 'createPerson' | 'findStory' | 'createStory' | 'sleep' | 'postAlert';

/** A CRM or Slack call that failed: `status` 0 when its answer was lost (the write may have happened). */
export class FakeCallError extends Error {
	constructor(
		message: string,
		readonly status: number,
	) {
		super(message);
	}
}

/** The execution's process died: nothing it does from here on reaches anything. */
export class Crashed extends Error {}

export interface Fault {
	execution?: string;
	call: PortCall;
	/**
	 * 'before': refused, nothing written (a 429 or 5xx the transport gave up on); 'after': written,
	 * answer lost; 'repeated': written, answer lost, and the transport repeated the call, whose own
	 * answer comes back.
	 */
	when: 'before' | 'after' | 'repeated';
	/** Calls of that kind to let through first. */
	skip?: number;
}

interface StoredRecord extends CycleRecord {
	account: string;
	createdAt: number;
}

/**
 * An in-memory CRM behind the follow-up's ports: records unique by key, notes/Tasks, people by
 * e-mail; HubSpot's lagging search or Salesforce's current SOQL; injected refusals, lost answers,
 * crashes after any call, and validation rules on new people. Slack is here too (`postAlert`), so a
 * crash between the alert and its marker can be placed like any other.
 */
export class FakeCrm {
	clock: number;
	readonly records = new Map<string, StoredRecord>();
	readonly stories: Array<{ id: string; recordKey: string }> = [];
	readonly people: Array<{ id: string; email: string }> = [];
	readonly alerts: Array<{ key: string; execution: string }> = [];
	readonly calls: Array<{ execution: string; call: PortCall }> = [];
	/** Search finds a record this many ms after it was made (HubSpot); 0 and `current` for Salesforce. */
	searchLagMs = 0;
	/** A validation or duplicate rule on new people: the message it refuses with, or null. */
	personRule: ((email: string) => string | null) | null = null;
	scheduler: Scheduler | null = null;
	private readonly faults: Fault[] = [];
	private readonly crashAfter = new Map<string, number>();
	private readonly crashed = new Set<string>();
	private sequence = 0;

	constructor(
		readonly flavor: 'hubspot' | 'salesforce',
		now = Date.parse('2026-11-20T10:00:00Z'),
	) {
		this.clock = now;
	}

	fail(fault: Fault): void {
		this.faults.push({ ...fault });
	}

	/** The execution dies right after its `calls`-th call went through (its write, if any, done). */
	crashAfterCalls(execution: string, calls: number): void {
		this.crashAfter.set(execution, calls);
	}

	/** A record made outside the follow-up: a rep's, or one of an earlier version. */
	seed(account: string, key: string, open: boolean, followUp: string | null = null): StoredRecord {
		const record = { id: `r${++this.sequence}`, key, open, followUp, account, createdAt: this.clock - 86_400_000 };
		this.records.set(key, record);
		return record;
	}

	close(key: string): void {
		const record = this.records.get(key);
		if (record) record.open = false;
	}

	callsOf(execution: string): PortCall[] {
		return this.calls.filter((c) => c.execution === execution).map((c) => c.call);
	}

	private take(execution: string, call: PortCall): Fault | undefined {
		const index = this.faults.findIndex((f) => f.call === call && (f.execution === undefined || f.execution === execution));
		if (index === -1) return undefined;
		const fault = this.faults[index];
		if (fault.skip) {
			fault.skip--;
			return undefined;
		}
		return this.faults.splice(index, 1)[0];
	}

	/** One call of one execution: its turn, its fault, the change to the store, then a crash if due. */
	async step<T>(execution: string, call: PortCall, change: () => T): Promise<T> {
		if (this.crashed.has(execution)) throw new Crashed(`${execution} crashed`);
		await this.scheduler?.turn(execution, call === 'sleep');
		if (call !== 'sleep') this.clock += 1;
		const fault = this.take(execution, call);
		if (fault?.when === 'before') throw new FakeCallError(`${call} refused (503)`, 503);
		let result = change();
		if (fault?.when === 'repeated') result = change();
		this.calls.push({ execution, call });
		const limit = this.crashAfter.get(execution);
		if (limit !== undefined && this.callsOf(execution).length >= limit) {
			this.crashed.add(execution);
			throw new Crashed(`${execution} crashed after ${call}`);
		}
		if (fault?.when === 'after') throw new FakeCallError(`${call}: answer lost`, 0);
		return result;
	}

	private view(record: StoredRecord): CycleRecord {
		return { id: record.id, key: record.key, open: record.open, followUp: record.followUp };
	}

	/** The ports one execution uses for one item of `account` (with an e-mail, or none). */
	ports(execution: string, account: string, email: string | null = 'ana@acme.test'): FollowUpPorts {
		const step = <T>(call: PortCall, change: () => T): Promise<T> => this.step(execution, call, change);
		const salesforce = this.flavor === 'salesforce';
		return {
			listIsCurrent: salesforce,
			listCycles: async () =>
				await step('listCycles', () =>
					[...this.records.values()].filter((r) => r.account === account && r.createdAt + this.searchLagMs <= this.clock).map((r) => this.view(r)),
				),
			getCycle: async (key) =>
				await step('getCycle', () => {
					const record = this.records.get(key);
					return record === undefined ? null : this.view(record);
				}),
			createCycle: async (key, followUp) =>
				await step('createCycle', () => {
					if (this.records.has(key)) return 'exists' as const;
					const record = { id: `r${++this.sequence}`, key, open: true, followUp, account, createdAt: this.clock };
					this.records.set(key, record);
					return this.view(record);
				}),
			writeFollowUp: async (record, followUp) =>
				await step('writeFollowUp', () => {
					const stored = [...this.records.values()].find((r) => r.id === record.id);
					if (stored) stored.followUp = followUp;
				}),
			refresh: async () => await step('refresh', () => undefined),
			person:
				salesforce && email !== null
					? {
							find: async () => await step('findPerson', () => this.people.find((p) => p.email === email)?.id ?? null),
							create: async () =>
								await step('createPerson', () => {
									const refusal = this.personRule?.(email) ?? null;
									if (refusal !== null) throw new FakeCallError(refusal, 400);
									const person = { id: `p${++this.sequence}`, email };
									this.people.push(person);
									return person.id;
								}),
						}
					: undefined,
			story: (record) => ({
				find: async () => await step('findStory', () => this.stories.find((s) => s.recordKey === record.key)?.id ?? null),
				create: async () =>
					await step('createStory', () => {
						const story = { id: `s${++this.sequence}`, recordKey: record.key };
						this.stories.push(story);
						return story.id;
					}),
			}),
			now: () => this.clock,
			sleep: async (ms) =>
				await step('sleep', () => {
					this.clock += ms;
				}),
		};
	}

	/** Slack, as PQL Alert posts to it. */
	async postAlert(execution: string, key: string): Promise<void> {
		await this.step(execution, 'postAlert', () => this.alerts.push({ key, execution }));
	}

	storiesOf(key: string): number {
		return this.stories.filter((s) => s.recordKey === key).length;
	}
}

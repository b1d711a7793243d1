export interface ScheduleLimits {
	/**
	 * An execution that sleeps (the takeover's settle pause) goes on only once every other one is
	 * paused or done: the assumption the pause stands for.
	 */
	honourSleep?: boolean;
	/**
	 * At most this many preemptions (switching away from an execution that could go on): bounds
	 * the search where every schedule would be too many, keeping the ones most races need.
	 */
	preemptions?: number;
}

/**
 * Runs several executions of the follow-up so that their CRM calls interleave in an order a test
 * chooses. Every port call is a turn: the execution waits until the scheduler lets it go.
 */
export type Choose = (options: string[]) => string;

export class Scheduler {
	private readonly waiting = new Map<string, { resolve: () => void; sleeping: boolean }>();
	private wake: (() => void) | null = null;
	private running = new Set<string>();
	private last: string | null = null;
	private preempted = 0;

	constructor(
		private readonly choose: Choose,
		private readonly limits: ScheduleLimits = {},
	) {}

	async turn(execution: string, sleeping = false): Promise<void> {
		if (!this.running.has(execution)) return;
		await new Promise<void>((resolve) => {
			this.waiting.set(execution, { resolve, sleeping });
			this.wake?.();
		});
	}

	private async allPaused(): Promise<void> {
		while (this.waiting.size < this.running.size) await new Promise<void>((resolve) => (this.wake = resolve));
		this.wake = null;
	}

	/** Starts every execution, then hands out turns until all are done; returns each one's result or error. */
	async run<T>(executions: Record<string, () => Promise<T>>): Promise<Record<string, { value?: T; error?: unknown }>> {
		const results: Record<string, { value?: T; error?: unknown }> = {};
		this.running = new Set(Object.keys(executions));
		for (const [name, execute] of Object.entries(executions)) {
			void execute()
				.then((value) => (results[name] = { value }), (error: unknown) => (results[name] = { error }))
				.finally(() => {
					this.running.delete(name);
					this.wake?.();
				});
		}
		for (;;) {
			await this.allPaused();
			if (this.running.size === 0) return results;
			const awake = [...this.waiting.entries()].filter(([, w]) => !w.sleeping).map(([name]) => name);
			let options = (this.limits.honourSleep && awake.length > 0 ? awake : [...this.waiting.keys()]).sort();
			const canContinue = this.last !== null && options.includes(this.last);
			if (canContinue && this.preempted >= (this.limits.preemptions ?? Infinity)) options = [this.last as string];
			const next = options.length === 1 ? options[0] : this.choose(options);
			if (canContinue && next !== this.last) this.preempted++;
			this.last = next;
			const waiter = this.waiting.get(next);
			this.waiting.delete(next);
			waiter?.resolve();
		}
	}
}

/**
 * Every schedule of a scenario, depth first: the scenario is run again and again, each time with
 * the next untried choice at the deepest point that has one. Returns how many schedules ran.
 */
export async function everySchedule(scenario: (choose: Choose) => Promise<void>): Promise<number> {
	const stack: Array<{ options: number; chosen: number }> = [];
	let runs = 0;
	do {
		let depth = 0;
		await scenario((options) => {
			if (depth === stack.length) stack.push({ options: options.length, chosen: 0 });
			return options[stack[depth++].chosen];
		});
		runs++;
		while (stack.length > 0 && stack[stack.length - 1].chosen === stack[stack.length - 1].options - 1) stack.pop();
		if (stack.length > 0) stack[stack.length - 1].chosen++;
	} while (stack.length > 0);
	return runs;
}

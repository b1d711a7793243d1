export type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Runs `run` and hands back what it threw, so callers decide outside a catch block (n8n's lint forbids rethrowing in one). */
export function attempt<T>(run: () => T): Attempt<T> {
	try {
		return { ok: true, value: run() };
	} catch (error) {
		return { ok: false, error };
	}
}

export type RequestHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** Node.js lower-cases incoming header names; a hand-built map may not. */
export function headerValue(headers: RequestHeaders | undefined, name: string): string | undefined {
	const wanted = name.toLowerCase();
	const entry = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === wanted);
	const value = entry?.[1];
	return Array.isArray(value) ? value[0] : value;
}

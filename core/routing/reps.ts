import type { Pool, Rep, Target } from '../contract/routing';
import { settingError } from './settingError';

const same = (a: string | null, b: string): boolean => a !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

/** A rep's stable id: the e-mail (lower-cased) when set, else the name. */
export function repId(rep: { name: string; email: string | null }): string {
	return rep.email !== null && rep.email.trim() !== '' ? rep.email.trim().toLowerCase() : rep.name.trim();
}

/** The rep a reference names: its id, e-mail, name or CRM owner id (case-insensitive). */
export function findRep(reps: readonly Rep[], reference: string): Rep | undefined {
	return (
		reps.find((rep) => same(rep.id, reference)) ??
		reps.find((rep) => same(rep.email, reference) || same(rep.name, reference)) ??
		reps.find((rep) => same(rep.crmOwnerId, reference))
	);
}

/** A rule's "Assign To" text: a pool's name, or a rep's name or e-mail. */
export function resolveTarget(reps: readonly Rep[], pools: readonly Pool[], reference: string, field: string): Target {
	const pool = pools.find((candidate) => same(candidate.name, reference));
	const rep = findRep(reps, reference);
	if (pool !== undefined && rep !== undefined) {
		throw settingError(`"${reference}" names both a pool and a rep`, field, 'Rename the pool or the rep so that each name is unique');
	}
	if (pool !== undefined) return { kind: 'pool', pool: pool.name };
	if (rep !== undefined) return { kind: 'rep', rep: rep.id };
	throw settingError(
		`"${reference}" is neither a rep nor a pool`,
		field,
		'Enter the name or e-mail of a rep from "Reps", or the name of a pool from "Pools"',
	);
}

export const isAvailable = (rep: Rep): boolean => rep.status === 'available';

export const STATUS_WORDS: Record<Rep['status'], string> = {
	available: 'available',
	outOfOffice: 'out of office',
	inactive: 'inactive',
};

import { createHash } from 'node:crypto';

export interface WeightedCandidate {
	id: string;
	weight: number;
}

const TWO_POW_52 = 2 ** 52;

/** A uniform number in (0, 1) that depends only on the key and the candidate: the same in every process. */
export function stableUniform(key: string, candidateId: string): number {
	const digest = createHash('sha256').update(key).update('\u0000').update(candidateId).digest();
	// 52 bits fill a double's mantissa exactly; the half step keeps the result off 0 and 1.
	const high = digest.readUInt32BE(0) >>> 12;
	const low = digest.readUInt32BE(4);
	return (high * 2 ** 32 + low + 0.5) / TWO_POW_52;
}

/**
 * Weighted rendezvous hashing: every candidate scores `-weight / ln(u)` and the highest wins.
 * A candidate wins a share of keys proportional to its weight, and removing one candidate moves
 * only the keys it had won, since every other candidate's score for a key stays the same.
 */
export function rendezvousPick<T extends WeightedCandidate>(key: string, candidates: readonly T[]): T | undefined {
	let best: T | undefined;
	let bestScore = -Infinity;
	for (const candidate of candidates) {
		if (!(candidate.weight > 0)) continue;
		const score = -candidate.weight / Math.log(stableUniform(key, candidate.id));
		if (score > bestScore || (score === bestScore && best !== undefined && candidate.id < best.id)) {
			best = candidate;
			bestScore = score;
		}
	}
	return best;
}

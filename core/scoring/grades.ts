import type { GradeBand } from '../contract/pql';

/** The band with the highest minimum the score reaches; below every band, the lowest band. */
export function gradeFor(score: number, bands: GradeBand[]): string {
	const ordered = [...bands].sort((a, b) => b.minScore - a.minScore);
	return (ordered.find((band) => score >= band.minScore) ?? ordered[ordered.length - 1]).name;
}

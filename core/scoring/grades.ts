import type { GradeBand } from '../contract/pql';

/** The band with the highest minimum the score reaches; below every band, the lowest band. */
export function gradeFor(score: number, bands: GradeBand[]): string {
	let reached: GradeBand | undefined;
	let lowest = bands[0];
	for (const band of bands) {
		if (band.minScore < lowest.minScore) lowest = band;
		if (score >= band.minScore && (!reached || band.minScore > reached.minScore)) reached = band;
	}
	return (reached ?? lowest).name;
}

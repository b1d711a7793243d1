// @ts-check
// A seeded synthetic population with a known conversion mechanism, for PQL Model's tests and
// benchmark. Conversion depends only on three "engaged" behaviours (the drivers):
//   logit P(converted) = INTERCEPT + STEP · ([core feature used ≥ 5] + [teammate invited ≥ 1] + [active on ≥ 3 days])
// Every other signal is drawn independently of conversion (noise). Plain JavaScript so the
// benchmark can use it without compiling.

const INTERCEPT = -5.6;
const STEP = 2.8;
const DRIVERS = ['coreFeatureUsed', 'teammateInvited', 'activeDays'];
const NOISE = [
	'pricingPageViewed',
	'exportUsed',
	'projectsCreated',
	'docsViewed',
	'apiCalls',
	'integrationsConnected',
	'sessions',
	'dashboardsShared',
];
const SIZE_BANDS = ['1-10', '11-50', '51-200', '201+'];
const START_MS = Date.UTC(2026, 0, 1);
const DAY_MS = 86_400_000;

/** mulberry32: a small, fast, seeded generator of numbers in [0, 1). @param {number} seed */
function random(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** @param {() => number} next @param {number} low @param {number} high inclusive */
const between = (next, low, high) => low + Math.floor(next() * (high - low + 1));

/**
 * @typedef {Record<string, number | boolean | string> & { userId: string, converted: boolean, probability: number, windowEnd: string }} Row
 * @param {{ seed: number, size: number, extraNoise?: number }} options extraNoise adds noise signals noise1…noiseN
 * @returns {{ rows: Row[], drivers: string[], signalFields: string[] }}
 */
function generatePopulation({ seed, size, extraNoise = 0 }) {
	const next = random(seed);
	const extra = Array.from({ length: extraNoise }, (_, i) => `noise${i + 1}`);
	/** @type {Row[]} */
	const rows = [];
	for (let i = 0; i < size; i++) {
		const core = next() < 0.5;
		const invited = next() < 0.45;
		const active = next() < 0.5;
		const logit = INTERCEPT + STEP * (Number(core) + Number(invited) + Number(active));
		const probability = 1 / (1 + Math.exp(-logit));
		/** @type {Row} */
		const row = {
			userId: `u-${seed}-${i}`,
			coreFeatureUsed: core ? between(next, 6, 20) : between(next, 0, 3),
			teammateInvited: invited ? between(next, 1, 4) : 0,
			activeDays: active ? between(next, 3, 7) : between(next, 0, 2),
			pricingPageViewed: between(next, 0, 5),
			exportUsed: next() < 0.3,
			projectsCreated: between(next, 0, 10),
			docsViewed: Math.floor(-10 * Math.log(1 - next())),
			apiCalls: next() < 0.6 ? 0 : between(next, 1, 500),
			integrationsConnected: between(next, 0, 3),
			sessions: between(next, 1, 40),
			dashboardsShared: next() < 0.2 ? between(next, 1, 3) : 0,
			sizeBand: SIZE_BANDS[between(next, 0, 3)],
			converted: false,
			probability,
			windowEnd: new Date(START_MS + between(next, 0, 364) * DAY_MS).toISOString().slice(0, 10),
		};
		for (const name of extra) row[name] = Math.round(next() * 1000) / 100;
		row.converted = next() < probability;
		rows.push(row);
	}
	return { rows, drivers: DRIVERS, signalFields: [...DRIVERS, ...NOISE, 'sizeBand', ...extra] };
}

module.exports = { generatePopulation, DRIVERS, INTERCEPT, STEP };

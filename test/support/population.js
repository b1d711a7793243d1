// @ts-check
// A seeded synthetic PLG population with a known conversion mechanism, for PQL Model's tests and
// benchmark. Signals from the three families (usage, intent, fit); conversion is additive in
// log-odds over a few of them, with the shapes products show:
//   saturation  — core feature use (1 − e^(−uses/6)), projects created (capped at 5), company size
//                 (log-scale, flat below 10 and above 1,000 employees);
//   thresholds  — active on 4+ of the last 14 days, a teammate invited (and 3+), the pricing page
//                 viewed twice, the usage limit hit, a work e-mail.
// A latent engagement (and a latent intent) moves many signals together, so the drivers are
// correlated with each other and with signals that have no effect of their own (sessions,
// dashboards, onboarding, upgrade clicks); the rest are pure noise. `probability` is the true
// conversion probability, so its AUC is the best any model can reach (the ceiling).
// Plain JavaScript so the benchmark can use it without compiling.

const DRIVERS = [
	'coreFeatureUsed',
	'activeDays',
	'teammatesInvited',
	'projectsCreated',
	'pricingPageViews',
	'usageLimitHit',
	'employees',
	'workEmail',
];
/** Correlated with the drivers, no effect of their own. */
const CORRELATED = ['sessions', 'dashboardsShared', 'onboardingCompleted', 'upgradeClicked'];
/** Independent of everything. */
const NOISE = ['docsViewed', 'exportUsed', 'apiCalls', 'integrationsConnected'];
const FIT = new Set(['employees', 'workEmail', 'sizeBand']);
const INTENT = new Set(['pricingPageViews', 'usageLimitHit', 'upgradeClicked']);
/** Puts the base conversion rate near 10 %. */
const INTERCEPT = -7.3;
const START_MS = Date.UTC(2026, 0, 1);
const DAY_MS = 86_400_000;

const random = require('./seeded').seeded;

/** @param {number} x */
const sigmoid = (x) => 1 / (1 + Math.exp(-x));
/** @param {number} x @param {number} low @param {number} high */
const clamp = (x, low, high) => Math.min(high, Math.max(low, x));

/** @param {number} employees */
function sizeBand(employees) {
	return employees <= 10 ? '1-10' : employees <= 50 ? '11-50' : employees <= 200 ? '51-200' : '201+';
}

/**
 * The generating mechanism: log-odds of converting from the drivers alone.
 * @param {Record<string, number | boolean | string>} row
 */
function logOdds(row) {
	const n = (/** @type {string} */ key) => Number(row[key]);
	return (
		INTERCEPT +
		2.1 * (1 - Math.exp(-n('coreFeatureUsed') / 6)) +
		1.8 * Number(n('activeDays') >= 4) +
		1.0 * Number(n('teammatesInvited') >= 1) +
		0.5 * Number(n('teammatesInvited') >= 3) +
		(1.2 * Math.min(n('projectsCreated'), 5)) / 5 +
		0.9 * Number(n('pricingPageViews') >= 2) +
		1.3 * n('usageLimitHit') +
		1.1 * clamp((Math.log10(Math.max(n('employees'), 1)) - 1) / 2, 0, 1) +
		0.6 * Number(row.workEmail === true)
	);
}

/** @param {number} seed */
function draws(seed) {
	const next = random(seed);
	const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
	/** Poisson by inversion (small means). @param {number} mean */
	const poisson = (mean) => {
		let k = 0;
		let p = Math.exp(-mean);
		let cumulative = p;
		const u = next();
		while (u > cumulative && k < 500) {
			k++;
			p *= mean / k;
			cumulative += p;
		}
		return k;
	};
	return { next, normal, poisson };
}

/** Which family a field belongs to. @param {string} field @returns {'usage' | 'intent' | 'fit'} */
function categoryOf(field) {
	return FIT.has(field) ? 'fit' : INTENT.has(field) ? 'intent' : 'usage';
}

/**
 * @typedef {Record<string, number | boolean | string> & { userId: string, converted: boolean, probability: number, windowEnd: string }} Row
 * @param {{ seed: number, size: number, extraNoise?: number }} options extraNoise adds noise signals noise1…noiseN
 * @returns {{ rows: Row[], drivers: string[], correlated: string[], noise: string[], signalFields: string[] }}
 */
function generatePopulation({ seed, size, extraNoise = 0 }) {
	const { next, normal, poisson } = draws(seed);
	const extra = Array.from({ length: extraNoise }, (_, i) => `noise${i + 1}`);
	/** @type {Row[]} */
	const rows = [];
	for (let i = 0; i < size; i++) {
		const engagement = normal();
		const intent = normal();
		const activeDays = clamp(Math.round(14 * sigmoid(-1 + 1.3 * engagement + 0.7 * normal())), 0, 14);
		const invited = next() < sigmoid(-0.8 + 0.9 * engagement) ? 1 + poisson(1.2) : 0;
		const employees = Math.max(1, Math.round(Math.exp(2.6 + 1.6 * normal())));
		/** @type {Row} */
		const row = {
			userId: `u-${seed}-${i}`,
			coreFeatureUsed: Math.max(0, Math.round(Math.exp(1.3 + 0.9 * engagement + 0.6 * normal())) - 1),
			activeDays,
			teammatesInvited: invited,
			projectsCreated: poisson(Math.exp(0.6 + 0.6 * engagement + 0.4 * normal())),
			pricingPageViews: poisson(Math.exp(-0.4 + 0.9 * intent)),
			usageLimitHit: Number(next() < sigmoid(-2.2 + 0.8 * engagement + 0.7 * intent)),
			employees,
			workEmail: next() < sigmoid(0.2 + 0.4 * Math.log10(employees)),
			sessions: activeDays + poisson(1 + 2 * activeDays),
			dashboardsShared: invited > 0 ? poisson(0.5 + invited) : poisson(0.2),
			onboardingCompleted: next() < sigmoid(0.3 + 1.1 * engagement),
			upgradeClicked: poisson(Math.exp(-1.2 + 1.0 * intent)),
			docsViewed: Math.floor(-8 * Math.log(1 - next())),
			exportUsed: next() < 0.3,
			apiCalls: next() < 0.6 ? 0 : Math.floor(next() * 500),
			integrationsConnected: Math.floor(next() * 4),
			sizeBand: sizeBand(employees),
			converted: false,
			probability: 0,
			windowEnd: new Date(START_MS + Math.floor(next() * 365) * DAY_MS).toISOString().slice(0, 10),
		};
		for (const name of extra) row[name] = Math.round(next() * 1000) / 100;
		row.probability = sigmoid(logOdds(row));
		row.converted = next() < row.probability;
		rows.push(row);
	}
	return {
		rows,
		drivers: DRIVERS,
		correlated: CORRELATED,
		noise: [...NOISE, ...extra],
		signalFields: [...DRIVERS, ...CORRELATED, ...NOISE, 'sizeBand', ...extra],
	};
}

module.exports = { generatePopulation, categoryOf, random, DRIVERS, CORRELATED, NOISE };

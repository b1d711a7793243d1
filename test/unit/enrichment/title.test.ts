import { classifyTitle, DECISION_MAKER_SENIORITIES } from '../../../core/enrichment';
import { TITLES } from './titles';

describe('classifyTitle', () => {
	const results = TITLES.map(([title, seniority, fn]) => {
		const got = classifyTitle(title);
		return { title, expected: { seniority, function: fn }, got, correct: got?.seniority === seniority && got?.function === fn };
	});

	const wrong = results.filter((r) => !r.correct);
	const accuracy = (results.length - wrong.length) / results.length;
	// The accuracy and every miss are in the test's name, so each run shows what a rule change broke or fixed.
	const misses = wrong.map((r) => `${r.title}: expected ${JSON.stringify(r.expected)}, got ${JSON.stringify(r.got)}`).join('; ');

	it(`classifies ${(accuracy * 100).toFixed(1)} % of ${results.length} real-world titles exactly (≥ 95 % required); misses: ${misses || 'none'}`, () => {
		expect(results.length).toBeGreaterThanOrEqual(200);
		expect(accuracy).toBeGreaterThanOrEqual(0.95);
	});

	it('gets seniority right for at least 97 % on its own', () => {
		const right = results.filter((r) => r.got?.seniority === r.expected.seniority).length;
		expect(right / results.length).toBeGreaterThanOrEqual(0.97);
	});

	it('reads the German, French and Spanish forms the sales team meets most', () => {
		expect(classifyTitle('Werkstudent')?.seniority).toBe('studentIntern');
		expect(classifyTitle('Stagiaire')?.seniority).toBe('studentIntern');
		expect(classifyTitle('GESCHAEFTSFUEHRER')).toEqual({ seniority: 'cLevel', function: 'executive', isDecisionMaker: true });
		expect(classifyTitle('Jefe de ventas')).toEqual({ seniority: 'manager', function: 'sales', isDecisionMaker: false });
	});

	it('marks owners, C-level, VPs, directors and heads as decision makers, nobody else', () => {
		expect([...DECISION_MAKER_SENIORITIES].sort()).toEqual(['cLevel', 'director', 'owner', 'vp']);
		expect(classifyTitle('Co-Founder')?.isDecisionMaker).toBe(true);
		expect(classifyTitle('Head of Data')?.isDecisionMaker).toBe(true);
		expect(classifyTitle('Leiter Vertrieb')?.isDecisionMaker).toBe(true);
		expect(classifyTitle('Senior Product Manager')?.isDecisionMaker).toBe(false);
		expect(classifyTitle('Executive Assistant to the CEO')?.isDecisionMaker).toBe(false);
		expect(classifyTitle('Product Owner')?.isDecisionMaker).toBe(false);
		for (const r of results) expect(r.got?.isDecisionMaker).toBe(DECISION_MAKER_SENIORITIES.has(r.got!.seniority));
	});

	it('does not take words inside other words for ranks', () => {
		expect(classifyTitle('Internal Auditor')?.seniority).toBe('individualContributor');
		expect(classifyTitle('Partner Marketing Manager')?.seniority).toBe('manager');
		expect(classifyTitle('Channel Partner Manager')?.seniority).toBe('manager');
		expect(classifyTitle('Account Executive')?.function).toBe('sales');
	});

	it('answers null for no title and an individual contributor without function for an unknown one', () => {
		expect(classifyTitle(undefined)).toBeNull();
		expect(classifyTitle('   ')).toBeNull();
		expect(classifyTitle(42)).toBeNull();
		expect(classifyTitle('Associate')).toEqual({ seniority: 'individualContributor', function: null, isDecisionMaker: false });
	});
});

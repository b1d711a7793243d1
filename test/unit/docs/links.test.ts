import { brokenDocLinks } from '../../support/doc-links';

describe('the manual (README.md and docs/)', () => {
	it('links only to files and headings that exist', () => {
		expect(brokenDocLinks()).toEqual([]);
	});
});

// @ts-check
// The manual is the README plus docs/: every relative link in it must reach a file of the repository,
// and every #anchor a heading of that file (GitHub's slugs), so a page moved or renamed breaks a test.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');

/** @param {string} dir @returns {string[]} */
function markdownFiles(dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return markdownFiles(full);
		return entry.name.endsWith('.md') ? [full] : [];
	});
}

/** GitHub's heading anchor. @param {string} heading */
const slug = (heading) =>
	heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');

/** @param {string} text */
function anchorsOf(text) {
	const anchors = new Set();
	let inCode = false;
	for (const line of text.split('\n')) {
		if (line.startsWith('```')) inCode = !inCode;
		const heading = !inCode && line.match(/^#{1,6} (.*)/);
		if (heading) anchors.add(slug(heading[1]));
	}
	return anchors;
}

/** @returns {{file: string, link: string, problem: string}[]} */
function brokenDocLinks() {
	const files = [path.join(ROOT, 'README.md'), ...markdownFiles(path.join(ROOT, 'docs'))];
	const broken = [];
	for (const file of files) {
		const text = fs.readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
		for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
			const link = match[1];
			if (/^[a-z]+:/i.test(link)) continue;
			const [target, anchor] = link.split('#');
			const targetFile = target ? path.resolve(path.dirname(file), target) : file;
			const where = path.relative(ROOT, file);
			if (!targetFile.startsWith(ROOT + path.sep) || !fs.existsSync(targetFile)) {
				broken.push({ file: where, link, problem: 'no such file in the repository' });
			} else if (anchor && !anchorsOf(fs.readFileSync(targetFile, 'utf8')).has(anchor)) {
				broken.push({ file: where, link, problem: 'no such heading' });
			}
		}
	}
	return broken;
}

module.exports = { brokenDocLinks, markdownFiles };

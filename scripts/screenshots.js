// @ts-check
// `npm run screenshots` (after `npx gulp build`): pictures of every template in workflows/ as n8n's
// editor draws it, for the README. Packs this package, starts a real n8n with it in a fresh folder
// under .bench/, imports each template inactive, signs in through the UI in headless Chromium and
// writes the canvas, zoomed to fit, to docs/templates/<template>.png (1400 CSS pixels wide, at most
// 800 high: empty bands above and below a flat workflow are trimmed).
//   node scripts/screenshots.js                       every template
//   node scripts/screenshots.js my-template.json …    only these
// CHROMIUM_PATH overrides /usr/bin/chromium (Debian: `apt-get install -y chromium`).
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { N8nServer, packPackage, OWNER, ROOT } = require('../test/support/n8n-server');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];
/**
 * Size of the canvas in CSS pixels (the PNG is as wide, and trimmed in height to the workflow); it
 * has SCALE times as many pixels, so sticky-note text stays sharp when GitHub scales it down.
 */
const CANVAS = { width: 1400, height: 800 };
const SCALE = 2;
const TEMPLATES = path.join(ROOT, 'workflows');
const OUT_DIR = path.join(ROOT, 'docs', 'templates');

/** @param {string} message */
const say = (message) => process.stdout.write(`[screenshots] ${message}\n`);

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {{ file: string, workflow: { name: string, nodes: unknown[] } }} Template */

/** @param {string[]} only template file names given on the command line */
function readTemplates(only) {
	const files = fs.readdirSync(TEMPLATES).filter((f) => f.endsWith('.json')).sort();
	const unknown = only.filter((f) => !files.includes(path.basename(f)));
	if (unknown.length) throw new Error(`no such template in workflows/: ${unknown.join(', ')}`);
	const chosen = only.length ? files.filter((f) => only.some((o) => path.basename(o) === f)) : files;
	return chosen.map((file) => /** @type {Template} */ ({ file, workflow: JSON.parse(fs.readFileSync(path.join(TEMPLATES, file), 'utf8')) }));
}

function checkPrerequisites() {
	if (!fs.existsSync(path.join(ROOT, 'dist', 'nodes'))) throw new Error('dist/ is missing: run `npx gulp build` first');
	if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: \`apt-get install -y chromium\` or set CHROMIUM_PATH`);
}

/** @param {Page} page @param {string} baseUrl */
async function signIn(page, baseUrl) {
	await page.goto(`${baseUrl}/signin`);
	await page.fill('#emailOrLdapLoginId', OWNER.email);
	await page.fill('#password', OWNER.password);
	await page.click('[data-test-id="form-submit-button"]');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
}

/** @param {Page} page */
async function canvasBox(page) {
	const box = await page.locator('[data-test-id="canvas"]').boundingBox();
	if (!box) throw new Error('the editor shows no canvas');
	return box;
}

/** Resize the window so that the canvas itself (not the window) is CANVAS wide and high. @param {Page} page */
async function sizeCanvas(page) {
	const viewport = page.viewportSize() ?? { width: CANVAS.width, height: CANVAS.height };
	const box = await canvasBox(page);
	await page.setViewportSize({
		width: Math.round(viewport.width + CANVAS.width - box.width),
		height: Math.round(viewport.height + CANVAS.height - box.height),
	});
	const sized = await canvasBox(page);
	if (Math.round(sized.width) !== CANVAS.width || Math.round(sized.height) !== CANVAS.height) {
		throw new Error(`canvas is ${sized.width}×${sized.height} after resizing, expected ${CANVAS.width}×${CANVAS.height}`);
	}
	return sized;
}

/** Close whatever n8n pops up on first visits (dialogs, drawers, notifications). @param {Page} page */
async function dismissPopups(page) {
	await page.keyboard.press('Escape');
	const closers = page.locator(
		'.el-dialog__headerbtn:visible, .el-drawer__close-btn:visible, .el-notification__closeBtn:visible, .el-message__closeBtn:visible',
	);
	for (let i = await closers.count(); i > 0; i--) await closers.first().click({ timeout: 2_000 }).catch(() => {});
}

/**
 * Hide the editor's own controls that float over the canvas (tab bar, zoom buttons, node-creator
 * buttons, "Execute workflow"): they are not part of the template.
 * @param {Page} page
 */
async function hideCanvasChrome(page) {
	await page.evaluate(() => {
		const canvas = /** @type {HTMLElement} */ (document.querySelector('[data-test-id="canvas"]'));
		const wrapper = canvas.closest('[data-test-id="canvas-wrapper"]');
		/** @type {Element[]} */
		const floating = Array.from(document.querySelectorAll('[data-test-id="canvas-controls"], .tab-bar-container'));
		for (let el = canvas; el.parentElement && el !== wrapper; el = el.parentElement) {
			floating.push(...Array.from(el.parentElement.children).filter((sibling) => sibling !== el));
		}
		for (const el of floating) /** @type {HTMLElement} */ (el).style.visibility = 'hidden';
	});
}

/**
 * Every node and sticky note is drawn, its icon loaded, and nothing from outside the canvas
 * covers it (a modal or banner would): the point at each node's centre belongs to the canvas.
 * @param {Page} page @param {number} nodes
 */
async function waitForCleanCanvas(page, nodes) {
	await page.waitForFunction(
		(expected) => {
			const drawn = document.querySelectorAll('[data-test-id="canvas"] .vue-flow__node');
			const images = Array.from(document.querySelectorAll('[data-test-id="canvas"] img'), (img) => /** @type {HTMLImageElement} */ (img));
			return drawn.length === expected && images.every((img) => img.complete && img.naturalWidth > 0);
		},
		nodes,
		{ timeout: 30_000 },
	);
	const covered = await page.evaluate(() => {
		const canvas = /** @type {HTMLElement} */ (document.querySelector('[data-test-id="canvas"]'));
		const area = canvas.getBoundingClientRect();
		return Array.from(canvas.querySelectorAll('.vue-flow__node'))
			.map((node) => node.getBoundingClientRect())
			.map((r) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 }))
			.filter((p) => p.x > area.left && p.x < area.right && p.y > area.top && p.y < area.bottom)
			.filter((p) => !canvas.contains(document.elementFromPoint(p.x, p.y))).length;
	});
	if (covered) throw new Error(`${covered} node(s) covered by something outside the canvas (a modal or banner n8n showed)`);
}

/**
 * The canvas without the empty bands above and below a wide, flat workflow: full width, and the
 * drawn nodes, notes and labels plus a margin in height (at most the whole canvas).
 * @param {Page} page @param {{ x: number, y: number, width: number, height: number }} canvas
 */
async function trimmedClip(page, canvas) {
	const content = await page.evaluate(() => {
		const parts = Array.from(document.querySelectorAll('[data-test-id="canvas"] .vue-flow__node, [data-test-id="canvas"] .vue-flow__node *'))
			.filter((el) => !el.closest('[data-test-id="canvas-node-toolbar"]'))
			.map((el) => el.getBoundingClientRect())
			.filter((r) => r.width > 0 && r.height > 0);
		return { top: Math.min(...parts.map((r) => r.top)), bottom: Math.max(...parts.map((r) => r.bottom)) };
	});
	const margin = 40;
	const top = Math.max(canvas.y, content.top - margin);
	const bottom = Math.min(canvas.y + canvas.height, content.bottom + margin);
	return { x: canvas.x, y: Math.floor(top), width: canvas.width, height: Math.ceil(bottom) - Math.floor(top) };
}

/**
 * @param {Page} page @param {string} baseUrl @param {string} id @param {Template} template
 * @returns {Promise<string>} the PNG written
 */
async function screenshotWorkflow(page, baseUrl, id, template) {
	await page.goto(`${baseUrl}/workflow/${id}`);
	await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60_000 });
	await dismissPopups(page);
	const box = await sizeCanvas(page);
	await page.click('[data-test-id="zoom-to-fit"]');
	await hideCanvasChrome(page);
	// Away from the nodes, so that no hover toolbar is drawn.
	await page.mouse.move(0, 0);
	await waitForCleanCanvas(page, template.workflow.nodes.length);
	// Zoom to fit animates the viewport.
	await page.waitForTimeout(600);
	const file = path.join(OUT_DIR, template.file.replace(/\.json$/, '.png'));
	await page.screenshot({ path: file, clip: await trimmedClip(page, box), animations: 'disabled' });
	return file;
}

/** @param {Template[]} templates */
async function run(templates) {
	const started = Date.now();
	const runDir = path.join(ROOT, '.bench', `screenshots-${new Date().toISOString().replace(/[:.]/g, '-')}`);
	say(`packing the package into ${path.relative(ROOT, runDir)}`);
	const tarball = packPackage(path.join(runDir, 'package'));
	const server = new N8nServer({ userFolder: path.join(runDir, 'n8n') });
	const stopOnSignal = async () => {
		await server.stop();
		process.exit(130);
	};
	process.once('SIGINT', stopOnSignal);
	process.once('SIGTERM', stopOnSignal);
	/** @type {import('playwright-core').Browser | undefined} */
	let browser;
	let succeeded = false;
	try {
		await server.start({ tarball });
		/** @type {Map<Template, string>} */
		const ids = new Map();
		for (const template of templates) {
			ids.set(template, await server.importWorkflow(template.workflow, { activate: false }));
			say(`imported ${template.file} (${template.workflow.name})`);
		}
		browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
		const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: SCALE });
		await signIn(page, server.baseUrl);
		say('signed in to the editor');
		fs.mkdirSync(OUT_DIR, { recursive: true });
		/** @type {string[]} */
		const written = [];
		for (const [template, id] of ids) {
			const file = await screenshotWorkflow(page, server.baseUrl, id, template);
			written.push(file);
			say(`wrote ${path.relative(ROOT, file)}`);
		}
		say(`${written.length} screenshot(s) in ${((Date.now() - started) / 1000).toFixed(0)} s:`);
		for (const file of written) process.stdout.write(`${path.relative(ROOT, file)}\n`);
		succeeded = true;
	} finally {
		await browser?.close();
		say('stopping n8n');
		await server.stop();
		process.off('SIGINT', stopOnSignal);
		process.off('SIGTERM', stopOnSignal);
	}
	// Kept after a failure: its n8n.log says what went wrong.
	if (succeeded) fs.rmSync(runDir, { recursive: true, force: true });
}

async function main() {
	checkPrerequisites();
	const templates = readTemplates(process.argv.slice(2));
	if (!templates.length) throw new Error('workflows/ holds no template');
	await run(templates);
}

main().catch((error) => {
	process.stderr.write(`[screenshots] failed: ${error instanceof Error ? error.message : error}\n`);
	process.exit(1);
});

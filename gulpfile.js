// The build: TypeScript, then the files n8n loads beside the compiled nodes (icons, codex
// files) and the workflow templates shipped in the npm package.
const { src, dest, series } = require('gulp');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');

function clean(done) {
	fs.rmSync('dist', { recursive: true, force: true });
	done();
}

function compile(done) {
	execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], { stdio: 'inherit' });
	done();
}

const icons = () => src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(dest('dist'));

const codex = () => src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));

function templates() {
	// A template that does not parse or names a node type this package does not ship must fail the
	// build, not the user's import.
	const shipped = new Set(
		require('./package.json').n8n.nodes.map((file) => `n8n-nodes-pql.${file.split('/').pop().replace('.node.js', '').replace(/^./, (c) => c.toLowerCase())}`),
	);
	for (const file of fs.readdirSync('workflows').filter((f) => f.endsWith('.json'))) {
		const workflow = JSON.parse(fs.readFileSync(`workflows/${file}`, 'utf8'));
		for (const node of workflow.nodes) {
			if (node.type.startsWith('n8n-nodes-pql.') && !shipped.has(node.type)) {
				throw new Error(`workflows/${file}: node "${node.name}" uses ${node.type}, which package.json does not register`);
			}
		}
	}
	return src('workflows/*.json').pipe(dest('dist/workflows'));
}

/** Every file package.json registers must be in dist/, or n8n refuses to load the whole package. */
function registered(done) {
	const { n8n } = require('./package.json');
	const missing = [...n8n.nodes, ...n8n.credentials].filter((file) => !fs.existsSync(file));
	done(missing.length ? new Error(`package.json registers files the build did not produce: ${missing.join(', ')}`) : undefined);
}

exports.build = series(clean, compile, icons, codex, templates, registered);
exports.default = exports.build;

import { readTemplate, templateFiles } from '../../support/templates';

interface TemplateNode {
	name: string;
	type: string;
	parameters: { operation?: string };
	onError?: string;
	retryOnFail?: boolean;
	maxTries?: number;
}

interface Template {
	nodes: TemplateNode[];
	connections: Record<string, { main: unknown[][] }>;
}

// n8n's Data Table Get reads more than 1,000 rows in pages and fails when another execution changes
// the count in between; the read fails no item of its own, so the node tries again rather than
// sending its accounts unscored to Failed Items (see docs/templates.md, "Failures in one place").
describe.each(templateFiles())('%s: Data Table reads', (file) => {
	const template = readTemplate(file) as Template;
	const reads = template.nodes.filter((node) => node.type === 'n8n-nodes-base.dataTable' && node.parameters.operation === 'get');

	test('retry on fail, with no error output that would drop their accounts', () => {
		expect(
			reads.map(({ name, onError, retryOnFail, maxTries }) => ({ name, onError, retryOnFail, maxTries, outputs: template.connections[name]?.main.length })),
		).toEqual(reads.map(({ name }) => ({ name, onError: undefined, retryOnFail: true, maxTries: 5, outputs: 1 })));
	});
});

import { readTemplate, templateFiles } from '../../support/templates';

// What n8n's editor draws for a node (its box; the name and subtitle hang below it) and a sticky note.
const NODE = { width: 100, height: 140 };
const STICKY = 'n8n-nodes-base.stickyNote';

interface Box {
	name: string;
	left: number;
	top: number;
	right: number;
	bottom: number;
}

interface TemplateNode {
	name: string;
	type: string;
	position: [number, number];
	parameters: { width?: number; height?: number };
}

function boxOf(node: TemplateNode): Box {
	const [left, top] = node.position;
	const sticky = node.type === STICKY;
	const width = sticky ? Number(node.parameters.width ?? 240) : NODE.width;
	const height = sticky ? Number(node.parameters.height ?? 160) : NODE.height;
	return { name: node.name, left, top, right: left + width, bottom: top + height };
}

const overlap = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const templates = templateFiles();

describe.each(templates)('%s as the editor draws it', (file) => {
	const nodes = (readTemplate(file) as { nodes: TemplateNode[] }).nodes;
	const boxes = nodes.map(boxOf);

	test('no node or sticky note covers another', () => {
		const covered = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => overlap(a, b)).map((b) => `${a.name} / ${b.name}`));
		expect(covered).toEqual([]);
	});
});

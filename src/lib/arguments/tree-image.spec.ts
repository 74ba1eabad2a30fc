import { describe, expect, it } from 'vitest';
import { mapImageSvg } from './tree-image';
import type { TreeNode } from './view';

const node = (
	id: string,
	parentId: string | null,
	relation: TreeNode['relation'],
	claim: string
): TreeNode => ({ id, parentId, relation, claim, status: 'accepted', editorial: false });

const nodes: TreeNode[] = [
	node('t', null, 'thesis', 'Taxes & <growth> go together.'),
	node('s', 't', 'supports', 'A supporting claim that is long enough to wrap onto a second line.'),
	node('r', 't', 'rebuts', 'A rebuttal.'),
	node('rr', 'r', 'supports', 'Deep below the rebuttal.')
];
const map = { title: 'A "test" map', question: 'Do taxes & growth go together?' };

describe('mapImageSvg(map, nodes)', () => {
	const image = mapImageSvg(map, nodes);

	it('is a standalone SVG document of the size it reports', () => {
		expect(image.text).toMatch(/^<\?xml[^>]*>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
		expect(image.text).toContain(`width="${image.width}" height="${image.height}"`);
		expect(image.width).toBeGreaterThan(3 * 240);
		expect(image.text.trimEnd().endsWith('</svg>')).toBe(true);
	});

	it('draws every node, expanded, with its claim escaped', () => {
		expect(image.text).toContain('Taxes &amp; &lt;growth&gt; go together.');
		expect(image.text).toContain('Deep below the rebuttal.');
		expect(image.text).toContain('A &quot;test&quot; map');
		expect(image.text.match(/<tspan /g)!.length).toBeGreaterThanOrEqual(5);
	});

	it('tells relations apart by tag and outline, not colour alone', () => {
		expect(image.text.match(/✓ SUPPORTS/g)).toHaveLength(2);
		expect(image.text.match(/✗ REBUTS/g)).toHaveLength(1);
		expect(image.text).toMatch(/stroke="#a0301f" stroke-width="2" stroke-dasharray="6 3"/);
	});

	it('marks proposed and editorial nodes in the tag', () => {
		const marked = mapImageSvg(map, [
			{ ...nodes[0]!, status: 'proposed' },
			{ ...nodes[1]!, editorial: true }
		]);
		expect(marked.text).toContain('◆ THESIS · PROPOSED');
		expect(marked.text).toContain('✓ SUPPORTS · EDITORIAL');
	});
});

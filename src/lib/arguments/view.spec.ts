import { describe, expect, it } from 'vitest';
import type { Content, Source } from './model';
import { segmentSource } from './view';
import { loadFixtureMaps } from '../../../tests/fixtures/content-helpers';

function contentWith(
	text: string,
	ranges: [number, number, string][]
): { content: Content; source: Source } {
	const source = {
		id: 's',
		file: 's.txt',
		title: 'S',
		kind: 'essay',
		date: '2020',
		language: 'en',
		description: 'D',
		text
	} as Source;
	const nodes = ranges.map(([, , id]) => ({ id, claim: `claim ${id}` }));
	const map = {
		id: 'm',
		title: 'M',
		nodeById: new Map(nodes.map((n) => [n.id, n]))
	} as unknown as Content['maps'] extends Map<string, infer M> ? M : never;
	return {
		source,
		content: {
			sources: new Map([['s', source]]),
			maps: new Map([['m', map]]),
			citations: new Map([
				['s', ranges.map(([start, end, nodeId]) => ({ start, end, mapId: 'm', nodeId }))]
			]),
			timelines: new Map(),
			glossary: []
		}
	};
}

describe('segmentSource(content, source)', () => {
	it('cuts overlapping passages so each stretch knows every passage covering it', () => {
		const { content, source } = contentWith('abcdefghij', [
			[1, 5, 'x'],
			[3, 8, 'y']
		]);
		const { segments, passages } = segmentSource(content, source);
		expect(passages.map((p) => p.quote)).toEqual(['bcde', 'defgh']);
		expect(segments.map((s) => [s.text, s.passages])).toEqual([
			['a', []],
			['bc', [0]],
			['de', [0, 1]],
			['fgh', [1]],
			['ij', []]
		]);
		expect(segments.map((s) => s.text).join('')).toBe(source.text);
	});

	it('groups nodes citing the same passage, across maps', () => {
		const { content, source } = contentWith('abcdef', [
			[0, 3, 'x'],
			[0, 3, 'y']
		]);
		const { passages } = segmentSource(content, source);
		expect(passages).toHaveLength(1);
		expect(passages[0]!.citedBy.map((c) => c.nodeId)).toEqual(['x', 'y']);
	});

	it('lists the fixture map’s citations of the real thread', () => {
		const { content } = loadFixtureMaps('valid');
		const { passages, segments } = segmentSource(content, content.sources.get('boric-thread')!);
		expect(passages).toHaveLength(5);
		expect(segments.map((s) => s.text).join('')).toBe(content.sources.get('boric-thread')!.text);
	});
});

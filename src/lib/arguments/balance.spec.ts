import { describe, expect, it } from 'vitest';
import { balanceWarnings, formatBalance, mapBalance, sidesOf } from './balance';
import { loadContent } from './load';

const SOURCES = `- { id: s, file: s.txt, title: S, kind: essay, date: 2021, language: en, description: A source. }
`;

function map(body: string) {
	const { content, problems } = loadContent({
		sourcesFile: { path: 'seeds/sources.yaml', text: SOURCES },
		sourceTexts: new Map([['s.txt', 'one two three four five']]),
		maps: [
			{
				path: 'content/arguments/m.yaml',
				text: `id: m\ntitle: M\nquestion: Q?\nsummary: S.\n${body}`
			}
		]
	});
	expect(problems).toEqual([]);
	return content.maps.get('m')!;
}

const cite = (q: string) => `cites: [{ source: s, quote: ${q} }]`;

describe('mapBalance(map)', () => {
	const m = map(`thesis:
  id: t
  claim: T.
  ${cite('one')}
  supports:
    - { id: a, claim: A., ${cite('two')} }
  rebuts:
    - id: b
      claim: B.
      voice: reported
      ${cite('three')}
      rebuts:
        - { id: c, claim: C., ${cite('four')} }
      supports:
        - { id: d, claim: D., editorial: Editors. }
`);

	it('puts a rebuttal on the other side and a support on its parent side', () => {
		expect(Object.fromEntries(sidesOf(m))).toEqual({
			t: 'for',
			a: 'for',
			b: 'against',
			c: 'for',
			d: 'against'
		});
	});

	it('counts relations, sources, reported and editorial nodes per side', () => {
		expect(mapBalance(m).sides).toEqual({
			for: { supports: 1, rebuts: 1, editorial: 0, referenced: 0, sourced: 3, reported: 0 },
			against: { supports: 1, rebuts: 1, editorial: 1, referenced: 0, sourced: 1, reported: 1 }
		});
		expect(formatBalance(mapBalance(m))).toMatch(
			/^m: for 3 .* · against 2 \(1 supports, 1 rebuts; 1 sourced of which 1 reported, 1 editorial, 0 with references\)$/
		);
	});

	it('warns when a side speaks only through its opponents or the editors', () => {
		expect(balanceWarnings(m).map((p) => p.message)).toEqual([
			'the side against the thesis has no node in its own voice (1 editorial without references, 1 reported by the other side)'
		]);
	});

	it("counts an editors' node with references as the side's own voice", () => {
		const referenced = map(`thesis:
  id: t
  claim: T.
  ${cite('one')}
  rebuts:
    - id: r
      claim: R.
      editorial: No source in this map argues it.
      references: [{ title: The official result, publisher: An electoral service }]
`);
		expect(mapBalance(referenced).sides.against).toMatchObject({ editorial: 1, referenced: 1 });
		expect(balanceWarnings(referenced)).toEqual([]);
	});

	it('warns when a side has no node at all, and not when both speak', () => {
		const oneSided = map(`thesis: { id: t, claim: T., ${cite('one')} }\n`);
		expect(balanceWarnings(oneSided).map((p) => p.message)).toEqual([
			'the side against the thesis has no node at all'
		]);
		const both = map(`thesis:
  id: t
  claim: T.
  ${cite('one')}
  rebuts: [{ id: r, claim: R., ${cite('two')} }]
`);
		expect(balanceWarnings(both)).toEqual([]);
	});
});

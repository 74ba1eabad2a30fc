import { describe, expect, it } from 'vitest';
import { invalidDate, linkTerms, termMatcher } from './context';
import { loadContent } from './load';
import { formatProblem } from './problems';
import type { GlossaryTerm } from './schema';

const ref = [{ title: 'A reference', publisher: 'A publisher' }];
const glossary: GlossaryTerm[] = [
	{ id: 'concertacion', term: 'Concertación', definition: 'd', references: ref },
	{
		id: 'afp',
		term: 'AFP',
		aliases: ['pension fund administrator'],
		definition: 'd',
		references: ref
	},
	{ id: 'monroe', term: 'Monroe Doctrine', definition: 'd', references: ref },
	{ id: 'monroe-2', term: 'Monroe Doctrine 2.0', definition: 'd', references: ref },
	{
		id: 'estallido',
		term: 'estallido social',
		aliases: ['social upheaval'],
		definition: 'd',
		references: ref
	}
];
const termsIn = termMatcher(glossary);

describe('termMatcher(glossary)', () => {
	it('finds terms and aliases as whole words, ignoring case and accents', () => {
		const text = 'The concertacion and the AFP system; a Pension Fund Administrator.';
		expect(termsIn(text).map((m) => [text.slice(m.start, m.end), m.termId])).toEqual([
			['concertacion', 'concertacion'],
			['AFP', 'afp'],
			['Pension Fund Administrator', 'afp']
		]);
	});

	it('never matches inside a longer word', () => {
		expect(termsIn('AFPs and SAFP and Concertacionist')).toEqual([]);
	});

	it('prefers the longest phrase and does not overlap', () => {
		const text = 'Bannon speaks of a Monroe Doctrine 2.0, not the Monroe Doctrine.';
		expect(termsIn(text).map((m) => [text.slice(m.start, m.end), m.termId])).toEqual([
			['Monroe Doctrine 2.0', 'monroe-2'],
			['Monroe Doctrine', 'monroe']
		]);
	});

	it('needs the words of a phrase together, not across punctuation', () => {
		expect(termsIn('the social, upheaval')).toEqual([]);
		expect(termsIn('the social upheaval')).toHaveLength(1);
	});

	it('linkTerms cuts the text into plain runs and links', () => {
		const text = 'Before the estallido social began.';
		expect(linkTerms(text, termsIn(text))).toEqual([
			{ text: 'Before the ' },
			{ text: 'estallido social', termId: 'estallido' },
			{ text: ' began.' }
		]);
	});
});

describe('invalidDate(date)', () => {
	it('accepts real dates and rejects impossible ones', () => {
		expect(invalidDate('2024-02-29')).toBeUndefined();
		expect(invalidDate('1973')).toBeUndefined();
		expect(invalidDate('2023-02-29')).toMatch(/no day 29/);
		expect(invalidDate('2022-13')).toMatch(/no month 13/);
	});
});

const SOURCES = `- id: s
  file: s.txt
  title: S
  kind: essay
  date: 2021-12
  language: en
  description: A source.
`;
const MAP = (extra: string) => `id: m
title: M
question: Q?
summary: S.
timeline: chile
${extra}
thesis:
  id: a
  claim: A claim about the Concertación.
  cites:
    - source: s
      quote: one
  supports:
    - id: b
      claim: B.
      terms: [afp, nonesuch]
      cites:
        - source: s
          quote: two
    - id: c
      claim: C.
      editorial: Editors' point.
      references:
        - title: Only a title
`;
const TIMELINE = `id: chile
title: Chile
events:
  - id: coup
    date: 1973-09-11
    title: Coup
    description: The military takes power.
    references:
      - { title: Ref, publisher: Pub }
  - id: coup
    date: 1973-02-30
    title: Twice
    description: Again.
    references:
      - { title: Ref, url: 'https://example.org/' }
`;
const BROKEN_TIMELINE = `id: other
title: Other
events:
  - id: e
    date: 1990
    title: E
    description: E.
    references:
      - { title: Ref, url: 'ftp://example.org/' }
`;
const GLOSSARY = `- id: afp
  term: AFP
  definition: A pension fund administrator.
  references: [{ title: Ref, publisher: Pub }]
- id: afp-again
  term: Afp
  definition: Same words.
  references: [{ title: Ref, publisher: Pub }]
`;

function load(extra: string) {
	return loadContent({
		sourcesFile: { path: 'seeds/sources.yaml', text: SOURCES },
		sourceTexts: new Map([['s.txt', 'one two three four five']]),
		maps: [{ path: 'content/arguments/m.yaml', text: MAP(extra) }],
		timelines: [
			{ path: 'content/context/timelines/chile.yaml', text: TIMELINE },
			{ path: 'content/context/timelines/other.yaml', text: BROKEN_TIMELINE }
		],
		glossary: { path: 'content/context/glossary.yaml', text: GLOSSARY }
	});
}

describe('loadContent(files) with timelines, glossary and a lesson', () => {
	it('reports each broken link and entry at its line and column', () => {
		const { problems } = load(`lesson:
  path: [b, a, b, zz]
  skip:
    - { node: a, name: Everything }
next:
  text: Later.
  events: [coup, nowhere]`);
		expect(problems.map(formatProblem)).toEqual([
			'content/arguments/m.yaml:7:10: lesson path starts at "b", not at the thesis "a" — start the path with the thesis',
			'content/arguments/m.yaml:7:10: lesson path shows "b" before (or without) its parent "a" — put the parent on the path first, so the slide has its context',
			'content/arguments/m.yaml:7:16: lesson path lists "b" twice — list each node once',
			'content/arguments/m.yaml:7:19: lesson path names unknown node "zz" — list ids of nodes in this map',
			'content/arguments/m.yaml:9:15: lesson both shows and skips "a" — take it off the path or off the skip list',
			'content/arguments/m.yaml:12:18: timeline "chile" has no event "nowhere" — use the id of an event in that timeline',
			'content/arguments/m.yaml:22:20: unknown glossary term "nonesuch" — add it to content/context/glossary.yaml or use the id of an existing term',
			'content/arguments/m.yaml:30:18: thesis.supports[1].references[0].title: a reference needs a url or a publisher, so a reader can find it',
			'content/context/glossary.yaml:6:9: "Afp" is already a term or alias of "afp" — a word or phrase can link to one glossary entry only',
			'content/context/timelines/chile.yaml:10:9: duplicate event id "coup", first used on line 4 — give each event in a timeline its own id',
			'content/context/timelines/chile.yaml:11:11: date 1973-02-30 has no day 30 — check the date',
			'content/context/timelines/other.yaml:9:28: events[0].references[0].url: url is an http(s) address, e.g. "https://www.servel.cl/" (saw "ftp://example.org/")'
		]);
	});

	it('loads a map with its lesson, next and the context', () => {
		const good = loadContent({
			sourcesFile: { path: 'seeds/sources.yaml', text: SOURCES },
			sourceTexts: new Map([['s.txt', 'one two three four five']]),
			maps: [
				{
					path: 'content/arguments/m.yaml',
					text: MAP(`lesson:
  path: [a, b]
  skip: [{ node: c, name: The editors' aside }]
next: { text: Later., events: [coup] }
source_questions: [Who wrote it?]`)
						.replace('[afp, nonesuch]', '[afp]')
						.replace('- title: Only a title', '- { title: A title, publisher: P }')
				}
			],
			timelines: [
				{
					path: 'content/context/timelines/chile.yaml',
					text: TIMELINE.split('  - id: coup\n    date: 1973-02-30')[0]!
				}
			],
			glossary: {
				path: 'content/context/glossary.yaml',
				text: GLOSSARY.split('- id: afp-again')[0]!
			}
		});
		expect(good.problems.map(formatProblem)).toEqual([]);
		const map = good.content.maps.get('m')!;
		expect(map).toMatchObject({
			timeline: 'chile',
			lesson: { path: ['a', 'b'], skip: [{ node: 'c', name: "The editors' aside" }] },
			next: { text: 'Later.', events: ['coup'] },
			sourceQuestions: ['Who wrote it?']
		});
		expect(map.nodeById.get('b')!.terms).toEqual(['afp']);
		expect(map.nodeById.get('c')!.references).toEqual([{ title: 'A title', publisher: 'P' }]);
		expect(good.content.timelines.get('chile')!.events).toHaveLength(1);
		expect(good.content.glossary.map((g) => g.id)).toEqual(['afp']);
	});
});

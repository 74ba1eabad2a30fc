import { describe, expect, it } from 'vitest';
import { claimParts, displayDate, mapContext, nodeTermIds } from './context-view';
import { loadContent } from './load';

const SOURCES = `- { id: thread, file: t.txt, title: Comments, kind: reader comments, date: 2021-12, date_note: Approximate., language: en, description: D. }
- { id: essay, file: e.txt, title: An essay, kind: essay, date: 2013, language: en, description: D. }
`;
const TIMELINE = `id: chile
title: Chile
events:
  - { id: later, date: 2022-09-04, title: Draft rejected, description: D., references: [{ title: R, publisher: P }] }
  - { id: run-off, date: 2021-12-19, title: Run-off, description: D., references: [{ title: R, publisher: P }] }
  - { id: year, date: 2013, title: A year, description: D., references: [{ title: R, publisher: P }] }
`;
const GLOSSARY = `- { id: afp, term: AFP, definition: Pension funds., references: [{ title: R, publisher: P }] }
- { id: estallido, term: estallido social, definition: The 2019 protests., references: [{ title: R, publisher: P }] }
- { id: unused, term: Nothing here, definition: D., references: [{ title: R, publisher: P }] }
`;
const MAP = `id: m
title: M
question: Q?
summary: S.
timeline: chile
source_questions: [Who speaks?]
next: { text: The draft failed., events: [later] }
lesson:
  path: [t, a]
  skip: [{ node: b, name: the essay }]
thesis:
  id: t
  claim: The AFP system fails.
  cites: [{ source: thread, quote: one }]
  supports:
    - { id: a, claim: After the estallido social., terms: [afp], cites: [{ source: thread, quote: two }] }
    - { id: b, claim: An essay., cites: [{ source: essay, quote: three }] }
`;

function load(map = MAP) {
	const { content, problems } = loadContent({
		sourcesFile: { path: 'seeds/sources.yaml', text: SOURCES },
		sourceTexts: new Map([
			['t.txt', 'one two'],
			['e.txt', 'three']
		]),
		maps: [{ path: 'content/arguments/m.yaml', text: map }],
		timelines: [{ path: 'content/context/timelines/chile.yaml', text: TIMELINE }],
		glossary: { path: 'content/context/glossary.yaml', text: GLOSSARY }
	});
	expect(problems).toEqual([]);
	return { content, map: content.maps.get('m')! };
}

describe('mapContext(content, map)', () => {
	it('places the sources on the timeline by date, a month- or year-dated text after that period’s events', () => {
		const { content, map } = load();
		const entries = mapContext(content, map).timeline!.entries;
		expect(entries.map((e) => [e.kind, e.id])).toEqual([
			['event', 'year'],
			['source', 'essay'],
			['event', 'run-off'],
			['source', 'thread'],
			['event', 'later']
		]);
		expect(entries.find((e) => e.id === 'thread')).toMatchObject({
			title: 'Comments',
			description: 'reader comments',
			dateNote: 'Approximate.'
		});
		expect(entries.filter((e) => e.next).map((e) => e.id)).toEqual(['later']);
	});

	it('gives what happened next with its events, the source questions, the lesson and the terms used', () => {
		const { content, map } = load();
		const context = mapContext(content, map);
		expect(context.next).toEqual({
			text: 'The draft failed.',
			events: [{ id: 'later', date: '2022-09-04', title: 'Draft rejected' }]
		});
		expect(context.sourceQuestions).toEqual(['Who speaks?']);
		expect(context.lesson).toEqual({
			path: [
				{ id: 't', claim: 'The AFP system fails.' },
				{ id: 'a', claim: 'After the estallido social.' }
			],
			skip: [{ node: 'b', name: 'the essay' }]
		});
		expect(context.terms.map((t) => t.id)).toEqual(['afp', 'estallido']);
	});

	it('has no timeline, next or lesson for a map without them', () => {
		const { content, map } = load(
			`id: m\ntitle: M\nquestion: Q?\nsummary: S.\nthesis: { id: t, claim: Plain., cites: [{ source: thread, quote: one }] }\n`
		);
		expect(mapContext(content, map)).toEqual({
			timeline: undefined,
			next: undefined,
			sourceQuestions: [],
			lesson: undefined,
			terms: []
		});
	});
});

describe('claimParts(content, node) and nodeTermIds', () => {
	it('links the terms a claim names, and counts those it lists in terms:', () => {
		const { content, map } = load();
		expect(claimParts(content, map.nodeById.get('a')!)).toEqual([
			{ text: 'After the ' },
			{ text: 'estallido social', termId: 'estallido' },
			{ text: '.' }
		]);
		expect(nodeTermIds(content, map.nodeById.get('a')!)).toEqual(['estallido', 'afp']);
		expect(claimParts(content, map.nodeById.get('b')!)).toEqual([{ text: 'An essay.' }]);
	});
});

describe('displayDate(date)', () => {
	it('writes a day, a month or a year as a reader says it', () => {
		expect(displayDate('2021-12-19')).toBe('19 Dec 2021');
		expect(displayDate('2021-12')).toBe('Dec 2021');
		expect(displayDate('2013')).toBe('2013');
	});
});

describe('the classroom carries the context', () => {
	it('slides and handouts hold the map’s context and each node’s reading; only the teacher handout the lesson', async () => {
		const { slides, handout } = await import('./classroom');
		const { content, map } = load(
			MAP.replace(
				'    - { id: b, claim: An essay.,',
				'    - { id: b, claim: An essay., reading: The map places it here.,'
			)
		);
		const deck = slides(content, map);
		expect(deck.context.timeline?.entries).toHaveLength(5);
		expect(deck.slides.find((s) => s.id === 'b')?.reading).toBe('The map places it here.');
		const md = (s: string) => `<p>${s}</p>`;
		expect(handout(content, map, 'student', md).context.lesson).toBeUndefined();
		expect(handout(content, map, 'teacher', md).context.lesson?.path).toHaveLength(2);
		expect(handout(content, map, 'student', md).context.next?.text).toBe('The draft failed.');
	});
});

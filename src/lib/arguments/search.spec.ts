import { describe, expect, it } from 'vitest';
import {
	buildSearchIndex,
	fold,
	highlight,
	queryTerms,
	search,
	searchResults,
	snippet,
	type SearchDoc
} from './search';

const docs: SearchDoc[] = [
	{ mapId: 'm', nodeId: 'a', claim: 'A great result in Chile.', quotes: ['A great result'] },
	{
		mapId: 'm',
		nodeId: 'b',
		claim: 'The constitution matters.',
		note: 'Dates from **1980**, under Pinochet.',
		quotes: ['support for Chile´s punitive abortion laws']
	},
	{ mapId: 'm', nodeId: 'c', claim: 'José Antonio Kast won.', quotes: [] },
	{
		mapId: 'n',
		nodeId: 'd',
		claim: 'A counterpoint.',
		editorial: 'No source says this.',
		quotes: []
	}
];
const index = buildSearchIndex(docs);
const ids = (q: string) => search(index, q).map((h) => h.doc.nodeId);

describe('fold', () => {
	it('fold(text) drops case, diacritics and apostrophe kinds', () => {
		expect(fold('José CHILE´s “x”')).toBe('jose chile\'s "x"');
	});
});

describe('queryTerms', () => {
	it('queryTerms(query) splits words and keeps "quoted phrases" whole', () => {
		expect(queryTerms('  Great "result in" great ')).toEqual(['great', 'result in']);
	});
});

describe('search', () => {
	it.each([
		['great', ['a']],
		['jose', ['c']],
		["chile's", ['b']],
		['pinochet', ['b']],
		['no source', ['d']],
		['constitution 1980', ['b']],
		['constitution 1981', []],
		['', []]
	])('search(index, %j) finds %j', (query, expected) => {
		expect(ids(query)).toEqual(expected);
	});

	it('search(index, query) ranks claim matches above quote and note matches', () => {
		const more = buildSearchIndex([
			{ mapId: 'm', nodeId: 'in-note', claim: 'x', note: 'chile', quotes: [] },
			{ mapId: 'm', nodeId: 'in-claim', claim: 'chile', quotes: [] }
		]);
		const hits = search(more, 'chile');
		expect(hits.map((h) => h.doc.nodeId)).toEqual(['in-claim', 'in-note']);
		expect(hits[1]!.fields).toEqual(['note']);
	});

	it('search(index, query, limit) returns at most limit hits', () => {
		expect(search(index, 'a', 2)).toHaveLength(2);
	});
});

describe('highlight', () => {
	it('highlight(text, terms) marks matches in the original spelling', () => {
		expect(highlight('José and jose', ['jose'])).toEqual([
			{ text: 'José', hit: true },
			{ text: ' and ', hit: false },
			{ text: 'jose', hit: true }
		]);
	});

	it('highlight(text, terms) merges overlapping matches', () => {
		expect(highlight('abcdef', ['bcd', 'cde'])).toEqual([
			{ text: 'a', hit: false },
			{ text: 'bcde', hit: true },
			{ text: 'f', hit: false }
		]);
	});

	it('snippet(text, terms, radius) cuts around the first match with ellipses', () => {
		const text = `${'word '.repeat(40)}needle ${'word '.repeat(40)}`;
		const pieces = snippet(text, ['needle'], 20);
		expect(pieces[0]).toEqual({ text: '…', hit: false });
		expect(pieces.at(-1)).toEqual({ text: '…', hit: false });
		expect(pieces.filter((p) => p.hit).map((p) => p.text)).toEqual(['needle']);
		expect(pieces.map((p) => p.text).join('').length).toBeLessThan(60);
	});
});

describe('searchResults (the search page, on the server and in the static build)', () => {
	const titles = new Map([
		['m', 'Map M'],
		['n', 'Map N']
	]);

	it('groups hits by map, with titles, and says where else the words matched', () => {
		const r = searchResults(index, 'source', '', titles);
		expect(r.total).toBe(1);
		expect(r.groups).toEqual([
			expect.objectContaining({ mapId: 'n', mapTitle: 'Map N', hits: [expect.anything()] })
		]);
		const hit = r.groups[0]!.hits[0]!;
		expect(hit.nodeId).toBe('d');
		expect(hit.other?.field).toBe('editorial');
		expect(hit.other?.pieces.filter((p) => p.hit).map((p) => p.text)).toEqual(['source']);
	});

	it('keeps to one map when asked, and shows at most `limit` hits but counts them all', () => {
		expect(searchResults(index, 'a', 'n', titles).groups.map((g) => g.mapId)).toEqual(['n']);
		const all = searchResults(index, 'a', '', titles, 2);
		expect(all.total).toBeGreaterThan(2);
		expect(all.groups.flatMap((g) => g.hits)).toHaveLength(2);
	});

	it('has no results for an empty query', () => {
		expect(searchResults(index, '  ', '', titles)).toMatchObject({ total: 0, groups: [] });
	});
});

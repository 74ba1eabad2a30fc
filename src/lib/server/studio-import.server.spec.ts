import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { studioScratch } from '../../../tests/fixtures/studio-content';
import { loadContentFromDisk, type ContentPaths } from './content-files';
import { importUpload } from './studio-import.server';

let paths: ContentPaths;
beforeEach(() => {
	paths = studioScratch();
});

const upload = (name: string, content: string | Uint8Array, size?: number) => {
	const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
	return { name, size: size ?? bytes.length, bytes: async () => bytes };
};

const run = (file: ReturnType<typeof upload>, format: string, id = 'imported') =>
	importUpload(paths, loadContentFromDisk(paths).content.sources, file, format, id);

const maps = () => readdirSync(paths.mapsDir).sort();

describe('importUpload', () => {
	it('writes a Kialo export as a new map whose claims need a passage', async () => {
		const answer = await run(
			upload('d.txt', '1. A thesis\n1.1. Pro: A reason\n1.2. Con: An objection\n'),
			'kialo'
		);
		expect(answer).toEqual({ ok: true, mapId: 'imported', nodes: 3, needPassage: 3 });
		const { content, problems } = loadContentFromDisk(paths);
		expect(problems).toEqual([]);
		expect(content.maps.get('imported')!.nodes.map((n) => n.claim)).toEqual([
			'A thesis',
			'A reason',
			'An objection'
		]);
	});

	/** The map written, as the app loads it: [depth, relation, claim, passage or editorial] rows. */
	const written = (id: string) => {
		const { content, problems } = loadContentFromDisk(paths);
		expect(problems).toEqual([]);
		return content.maps
			.get(id)!
			.nodes.map((n) => [n.depth, n.relation, n.claim, n.cites[0]?.quote ?? n.editorial]);
	};

	it('writes an Argdown file as a new map: its tree, its quotes, and "needs a passage" for the rest', async () => {
		const argdown = [
			'===',
			'title: A later school day',
			'question: Should school start later?',
			'===',
			'',
			'[later]: School should start an hour later. {cites: [{source: e2e-school-day, quote: "the school day should start an hour later"}]}',
			'  + [sleep]: Teenagers sleep too little.',
			'    - [attendance]: The studies measured attendance. {cites: [{source: e2e-school-day, quote: "measured attendance, not learning"}]}',
			'  - [buses]: The buses are shared. {editorial: "Our summary of the head teacher."}',
			'  - <Jobs>: Pupils work after school.',
			''
		].join('\n');
		const answer = await run(upload('school.argdown', argdown), 'argdown', 'school-argdown');
		expect(answer).toEqual({ ok: true, mapId: 'school-argdown', nodes: 5, needPassage: 2 });
		const needs = 'Needs a passage: imported from an Argdown file without a source passage.';
		expect(written('school-argdown')).toEqual([
			[
				0,
				'thesis',
				'School should start an hour later.',
				'the school day should start an hour later'
			],
			[1, 'supports', 'Teenagers sleep too little.', needs],
			[2, 'rebuts', 'The studies measured attendance.', 'measured attendance, not learning'],
			[1, 'rebuts', 'The buses are shared.', 'Our summary of the head teacher.'],
			[1, 'rebuts', 'Pupils work after school.', needs]
		]);
		const { content } = loadContentFromDisk(paths);
		expect(content.maps.get('school-argdown')!.title).toBe('A later school day');
	});

	it('writes AIF JSON as a new map: RA supports, CA rebuttals, quotes found by their offsets', async () => {
		const text = readFileSync(join(paths.seedsDir, 'e2e-school-day.txt'), 'utf8');
		const quote = 'buses are shared with the primary school and cannot move';
		const node = (nodeID: string, type: string, text: string) => ({ nodeID, type, text });
		const edge = (edgeID: string, fromID: string, toID: string) => ({ edgeID, fromID, toID });
		const aif = {
			nodes: [
				node('1', 'I', 'The school day should start later.'),
				node('2', 'I', 'Teenagers need more sleep.'),
				node('3', 'RA', 'Default Inference'),
				node('4', 'I', 'The buses cannot move.'),
				node('5', 'CA', 'Default Conflict'),
				node('6', 'L', quote),
				node('7', 'YA', 'Asserting')
			],
			edges: [
				edge('a', '2', '3'),
				edge('b', '3', '1'),
				edge('c', '4', '5'),
				edge('d', '5', '1'),
				edge('e', '6', '7'),
				edge('f', '7', '4')
			],
			locutions: [
				{
					nodeID: '6',
					source: 'e2e-school-day',
					start: text.indexOf(quote),
					end: text.indexOf(quote) + quote.length
				}
			]
		};
		const answer = await run(
			upload('school.json', JSON.stringify({ AIF: aif })),
			'aif',
			'school-aif'
		);
		expect(answer).toEqual({ ok: true, mapId: 'school-aif', nodes: 3, needPassage: 2 });
		const needs = 'Needs a passage: imported from AIF JSON without a source passage.';
		expect(written('school-aif')).toEqual([
			[0, 'thesis', 'The school day should start later.', needs],
			[1, 'supports', 'Teenagers need more sleep.', needs],
			[1, 'rebuts', 'The buses cannot move.', quote]
		]);
		// The file's node ids are valid map ids, so they are kept.
		const { content } = loadContentFromDisk(paths);
		expect(content.maps.get('school-aif')!.nodes.map((n) => n.id)).toEqual(['1', '2', '4']);
	});

	it.each([
		[
			'broken Kialo numbering',
			upload('d.txt', '1. A\n1.1. Pro: B\n1.3.1. Con: C\n'),
			'kialo',
			/^d\.txt, line 3: "1\.3\.1\." has no parent "1\.3\."/
		],
		[
			'an Argdown syntax error',
			upload('m.argdown', '[A]: a\n    + [B]: b\n  - [C]: c\n'),
			'argdown',
			/^m\.argdown, line 3:1: Argdown syntax: /
		],
		[
			'an Argdown quote that is not in its source, naming the node',
			upload(
				'm.argdown',
				'[a]: A\n  + [b]: B {cites: [{source: e2e-school-day, quote: "buses fly"}]}\n'
			),
			'argdown',
			/^m\.argdown, node "b": quote not found in source "e2e-school-day": "buses fly" — copy the passage exactly/
		],
		[
			'AIF with a dangling edge',
			upload(
				'g.json',
				JSON.stringify({
					nodes: [
						{ nodeID: 't', text: 'T', type: 'I' },
						{ nodeID: 'a', text: 'A', type: 'I' },
						{ nodeID: 'ra', text: 'Default Inference', type: 'RA' }
					],
					edges: [
						{ edgeID: '1', fromID: 'a', toID: 'ra' },
						{ edgeID: '2', fromID: 'ra', toID: 'x' }
					],
					locutions: []
				})
			),
			'aif',
			/^g\.json, edges\[1\]\.toID: edge "2" toID "x" names no node/
		],
		[
			'a 10 MB file',
			upload('big.txt', new Uint8Array(0), 10 * 1024 * 1024),
			'kialo',
			/^big\.txt: the file is 10\.0 MB, more than the 2\.0 MB/
		],
		[
			'a binary file',
			upload('x.json', new Uint8Array([0x7b, 0, 1, 2])),
			'aif',
			/^x\.json: a binary file \(a zero byte at offset 1\)/
		]
	])(
		'refuses %s with one message naming where, and writes nothing',
		async (_, file, format, message) => {
			const before = maps();
			const answer = await run(file, format);
			expect(answer).toMatchObject({ ok: false, field: 'upload' });
			expect(!answer.ok && answer.message).toMatch(message);
			expect(maps()).toEqual(before);
			expect(existsSync(join(paths.mapsDir, 'imported.yaml'))).toBe(false);
		}
	);

	it('refuses an id that a map has already, writing nothing', async () => {
		const answer = await run(upload('d.txt', '1. A\n'), 'kialo', 'e2e-school-day');
		expect(answer).toMatchObject({ ok: false, field: 'id', message: /exists already/ });
	});
});

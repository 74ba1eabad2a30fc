import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { scratchRoot } from '../../../../tests/fixtures/content-helpers';
import { SOURCE_TEXT_MAX } from '../../arguments/new-material';
import { loadContentFromDisk, type ContentPaths } from '../content-files';
import { createStore, type ChangeEvent, type NewMap, type Store } from '../store.server';

let paths: ContentPaths;
let store: Store;
let heard: ChangeEvent[];
const meta = {
	id: 'new-essay',
	title: 'A new essay',
	kind: 'essay',
	date: '2026',
	language: 'en',
	description: 'For the test.'
};
const TEXT = 'First line.\nThe second line says something.\n';

beforeEach(() => {
	paths = scratchRoot('atlas-seeds-store');
	store = createStore({ paths, sources: () => loadContentFromDisk(paths).content.sources });
	heard = [];
	store.onChange((e) => void heard.push(e));
});

describe('store.addSource(meta, text, who)', () => {
	it('numbers the text after those listed, appends its entry with the file after the id, and says so', async () => {
		const before = readFileSync(paths.sourcesFile, 'utf8');
		const added = await store.addSource(meta, TEXT, { author: 'Editor' });
		expect(added).toEqual({ ...meta, file: '003_new-essay.txt' });
		const textFile = join(paths.seedsDir, '003_new-essay.txt');
		expect(readFileSync(textFile, 'utf8')).toBe(TEXT);
		const after = readFileSync(paths.sourcesFile, 'utf8');
		expect(
			after.startsWith(
				`${before}\n- id: new-essay\n  file: 003_new-essay.txt\n  title: A new essay\n`
			)
		).toBe(true);
		expect((parse(after) as unknown[]).at(-1)).toEqual(added);
		expect(heard).toEqual([
			{
				file: paths.sourcesFile,
				files: [textFile, paths.sourcesFile],
				kind: 'add-source',
				nodeIds: [],
				author: 'Editor',
				message: 'add source new-essay'
			}
		]);
	});

	it('ends a sources.yaml without a final line break before adding to it', async () => {
		const before = readFileSync(paths.sourcesFile, 'utf8').trimEnd();
		writeFileSync(paths.sourcesFile, before);
		await store.addSource(meta, TEXT);
		expect(
			readFileSync(paths.sourcesFile, 'utf8').startsWith(`${before}\n\n- id: new-essay\n`)
		).toBe(true);
	});

	it('takes a text of exactly the longest length allowed, byte for byte', async () => {
		const longest = `${'x'.repeat(SOURCE_TEXT_MAX - 1)}\n`;
		const added = await store.addSource(meta, longest);
		expect(readFileSync(join(paths.seedsDir, added.file), 'utf8')).toBe(longest);
	});

	it.each([
		['an empty text', meta, ' \n', 'invalid', 'the text is empty'],
		[
			'a text too long',
			meta,
			'x'.repeat(SOURCE_TEXT_MAX + 1),
			'invalid',
			`the text is longer than ${SOURCE_TEXT_MAX} characters`
		],
		[
			'an id in use',
			{ ...meta, id: 'boric-thread' },
			TEXT,
			'exists',
			'a source "boric-thread" exists already'
		]
	])('refuses %s, writing nothing', async (_, input, text, code, message) => {
		const before = readFileSync(paths.sourcesFile, 'utf8');
		await expect(store.addSource(input, text)).rejects.toMatchObject({ code, message });
		expect(readFileSync(paths.sourcesFile, 'utf8')).toBe(before);
		expect(heard).toEqual([]);
	});

	it('refuses metadata the schema refuses, with its words', async () => {
		await expect(store.addSource({ ...meta, id: 'Bad Id' }, TEXT)).rejects.toMatchObject({
			code: 'invalid',
			message: expect.stringMatching(/^an id is lowercase letters/)
		});
	});

	it('refuses to overwrite a text file already in seeds/', async () => {
		writeFileSync(join(paths.seedsDir, '003_new-essay.txt'), 'a stray text\n');
		await expect(store.addSource(meta, TEXT)).rejects.toMatchObject({
			code: 'exists',
			message: 'seeds/003_new-essay.txt exists already'
		});
		expect(readFileSync(join(paths.seedsDir, '003_new-essay.txt'), 'utf8')).toBe('a stray text\n');
	});

	it('refuses while sources.yaml does not validate, sending the editor to check:content', async () => {
		writeFileSync(paths.sourcesFile, '- id: a\n');
		await expect(store.addSource(meta, TEXT)).rejects.toMatchObject({
			code: 'conflict',
			message: 'seeds/sources.yaml does not validate: fix it first (npm run check:content)'
		});
		expect(existsSync(join(paths.seedsDir, '001_new-essay.txt'))).toBe(false);
	});
});

describe('store.addMap(map, who)', () => {
	const map = (thesis: Partial<NewMap['thesis']>): NewMap => ({
		id: 'new-map',
		title: 'New',
		question: 'Q?',
		summary: 'S.',
		thesis: { claim: 'The thread says so.', source: 'boric-thread', ...thesis }
	});
	const written = () => parse(readFileSync(join(paths.mapsDir, 'new-map.yaml'), 'utf8'));

	it('writes a thesis citing its passage, with prefix and suffix when given, and says so', async () => {
		await store.addMap(map({ quote: 'mandate', prefix: 'huge ', suffix: '.' }), {
			author: 'Editor'
		});
		expect(written()).toEqual({
			id: 'new-map',
			title: 'New',
			question: 'Q?',
			summary: 'S.',
			thesis: {
				id: 'thesis',
				claim: 'The thread says so.',
				cites: [{ source: 'boric-thread', quote: 'mandate', prefix: 'huge ', suffix: '.' }]
			}
		});
		expect(loadContentFromDisk(paths).problems).toEqual([]);
		expect(heard).toEqual([
			{
				file: join(paths.mapsDir, 'new-map.yaml'),
				map: 'new-map',
				kind: 'add-map',
				nodeIds: ['thesis'],
				author: 'Editor',
				message: 'new-map: new map'
			}
		]);
	});

	it('marks a thesis without a quote as needing a passage, for the studio', async () => {
		await store.addMap(map({}));
		expect(written().thesis).toEqual({
			id: 'thesis',
			claim: 'The thread says so.',
			editorial: "Needs a passage: select the thesis's passage in the studio."
		});
	});

	it('refuses a map that would not load, naming the problem, and one that exists', async () => {
		await expect(store.addMap(map({ quote: 'words the thread never used' }))).rejects.toMatchObject(
			{
				code: 'invalid',
				message: expect.stringMatching(
					/^the map would not load: content\/arguments\/new-map\.yaml:\d+:\d+: quote not found/
				)
			}
		);
		expect(existsSync(join(paths.mapsDir, 'new-map.yaml'))).toBe(false);
		await expect(store.addMap({ ...map({}), id: 'boric-election-thread' })).rejects.toMatchObject({
			code: 'exists',
			message: 'a map "boric-election-thread" exists already'
		});
	});
});

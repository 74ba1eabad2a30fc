import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../arguments/problems';
import { scratchRoot } from '../../../tests/fixtures/content-helpers';
import { loadContentFromDisk, type ContentPaths } from './content-files';
import { createContentIndex, type ContentIndex } from './content-index';

let paths: ContentPaths;
let index: ContentIndex | undefined;
const mapFile = (id: string) => join(paths.mapsDir, `${id}.yaml`);

beforeEach(() => {
	paths = scratchRoot('atlas-index');
});

afterEach(() => {
	index?.close();
	index = undefined;
	rmSync(paths.root, { recursive: true, force: true });
});

describe('loadContentFromDisk(paths) with odd entries in content/arguments/', () => {
	it('ignores dot files, such as the dangling lock link Emacs leaves', () => {
		symlinkSync('user@host.1234:1700000000', join(paths.mapsDir, '.#technocrats-essay.yaml'));
		const { problems, content } = loadContentFromDisk(paths);
		expect(problems).toEqual([]);
		expect(content.maps.size).toBe(4);
	});

	it.each([
		['a folder', (file: string) => mkdirSync(file), /x\.yaml:1:1: is a folder, not a file/],
		[
			'a dangling link',
			(file: string) => symlinkSync('nowhere.yaml', file),
			/x\.yaml:1:1: cannot be read: it is a link to a file that does not exist/
		],
		[
			'a file that is not UTF-8',
			(file: string) => writeFileSync(file, Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xff, 0x0a])),
			/x\.yaml:1:5: the file is not UTF-8 \(byte 0xFF at offset 4\)/
		]
	])('reports %s named x.yaml once and serves every other map', (_, make, message) => {
		make(join(paths.mapsDir, 'x.yaml'));
		const { problems, content, problemsByMap } = loadContentFromDisk(paths);
		expect(problems.map(formatProblem)).toEqual([expect.stringMatching(message)]);
		expect(content.maps.size).toBe(4);
		expect(problemsByMap.get('x')).toHaveLength(1);
	});
});

describe('createContentIndex(paths)', () => {
	it('reads the files once, however many requests ask', () => {
		index = createContentIndex(paths);
		for (let i = 0; i < 5; i++) expect(index.current().content.maps.size).toBe(4);
		expect(index.reads).toBe(1);
	});

	it('sees a hand edit through its watcher, without a restart and without polling', async () => {
		index = createContentIndex(paths);
		expect(index.current().content.maps.get('technocrats-essay')?.title).not.toBe('Edited by hand');
		const changed = index.changed();
		const text = readFileSync(mapFile('technocrats-essay'), 'utf8');
		writeFileSync(
			mapFile('technocrats-essay'),
			text.replace(/^title: .*$/m, 'title: Edited by hand')
		);
		await changed;
		expect(index.current().content.maps.get('technocrats-essay')?.title).toBe('Edited by hand');
		expect(index.reads).toBe(2);
	});

	it('moves its version once for a write it is told of, not again at the watcher’s events for it', async () => {
		index = createContentIndex(paths);
		index.current();
		const retitle = (id: string, title: string) =>
			writeFileSync(
				mapFile(id),
				readFileSync(mapFile(id), 'utf8').replace(/^title: .*$/m, `title: ${title}`)
			);
		// As the store does: write, then say so.
		retitle('technocrats-essay', 'Written by the store');
		index.invalidate('technocrats-essay.yaml');
		const told = index.version;
		expect(index.current().content.maps.get('technocrats-essay')?.title).toBe(
			'Written by the store'
		);
		// A hand edit after it: the watcher reports it after the events of the write.
		const changed = index.changed();
		retitle('boric-election-thread', 'Edited by hand');
		await changed;
		expect(index.current().content.maps.get('boric-election-thread')?.title).toBe('Edited by hand');
		expect(index.version).toBe(told + 1);
		expect(index.reads).toBe(3);
	});

	it('keeps serving the last good version of a map that breaks, and says what broke', async () => {
		index = createContentIndex(paths);
		const before = index.current().content.maps.get('technocrats-essay');
		const changed = index.changed();
		const text = readFileSync(mapFile('technocrats-essay'), 'utf8');
		writeFileSync(mapFile('technocrats-essay'), text.replace(/^ {2}claim:/m, '  cliam:'));
		await changed;
		const { content } = index.current();
		expect(content.maps.get('technocrats-essay')).toBe(before);
		expect(content.maps.size).toBe(4);
		expect(index.problemsForMap('technocrats-essay').map(formatProblem)).toEqual([
			expect.stringMatching(
				/technocrats-essay\.yaml:\d+:\d+: unknown key `cliam` in thesis — did you mean `claim`\?/
			)
		]);
		expect(index.problemsForMap('boric-election-thread')).toEqual([]);
	});

	it('serves the other maps while one file holds an alias bomb', async () => {
		index = createContentIndex(paths);
		index.current();
		const changed = index.changed();
		writeFileSync(
			mapFile('bomb'),
			'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n'
		);
		await changed;
		expect(index.current().content.maps.size).toBe(4);
		expect(index.problemsForMap('bomb')[0]?.message).toMatch(/aliases expand/);
	});
});

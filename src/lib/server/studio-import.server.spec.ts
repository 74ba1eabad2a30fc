import { existsSync, readdirSync } from 'node:fs';
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

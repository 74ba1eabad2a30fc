import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArgumentMap } from '../src/lib/arguments/model';
import { loadContentFromDisk, type ContentPaths } from '../src/lib/server/content-files';
import {
	ASTRAL_MAP,
	ASTRAL_SOURCE,
	ASTRAL_TEXT,
	ASTRAL_TREE,
	astralRoot
} from '../tests/fixtures/interchange-content';
import { npmRun, STACK } from '../tests/fixtures/run-script';

let paths: ContentPaths;
let files: string;
beforeEach(() => {
	paths = astralRoot();
	files = mkdtempSync(join(tmpdir(), 'atlas-import-files-'));
});
afterEach(() => {
	rmSync(paths.root, { recursive: true, force: true });
	rmSync(files, { recursive: true, force: true });
});

const importFile = (...args: string[]) => npmRun('import', paths.root, args);
const mapFiles = () => readdirSync(paths.mapsDir).sort();

/** A file from another tool, in the spec's scratch folder. */
function file(name: string, content: string | Uint8Array): string {
	const path = join(files, name);
	writeFileSync(path, content);
	return path;
}

/** The map as the app would load it: no problem allowed. */
function loaded(id: string): ArgumentMap {
	const { content, problems } = loadContentFromDisk(paths);
	expect(problems).toEqual([]);
	return content.maps.get(id)!;
}

const rows = (map: ArgumentMap) => map.nodes.map((n) => [n.depth, n.relation, n.claim]);
/** A code point offset in the fixture source, as AIF locutions count them. */
const at = (quote: string, from = 0) =>
	[...ASTRAL_TEXT.slice(0, ASTRAL_TEXT.indexOf(quote, from))].length;

describe('npm run import -- <file> --format <format> --map <id>', () => {
	it('reads a Kialo export into a new map whose claims need a passage', async () => {
		const path = file(
			'debate.txt',
			[
				'Discussion Title: Should the bell ring at nine?',
				'',
				'1. Thesis: The bell should ring at nine.',
				'1.1. Pro: Pupils sleep longer',
				'and learn more.',
				'1.2. Con: The doors open at eight [1].',
				'1.2.1. Con: -> See 1.1.',
				'',
				'Sources:',
				'[1] The caretaker.',
				''
			].join('\n')
		);
		const { code, stdout, stderr } = await importFile(
			path,
			'--format',
			'kialo',
			'--map',
			'bell-kialo'
		);
		expect(stderr).toBe('');
		expect(stdout).toBe(
			`wrote ${join(paths.mapsDir, 'bell-kialo.yaml')}: 4 nodes, 4 needing a passage (the studio lists them)\n`
		);
		expect(code).toBe(0);
		const map = loaded('bell-kialo');
		expect(rows(map)).toEqual([
			[0, 'thesis', 'The bell should ring at nine.'],
			[1, 'supports', 'Pupils sleep longer and learn more.'],
			[1, 'rebuts', 'The doors open at eight.'],
			[2, 'rebuts', 'Pupils sleep longer and learn more.']
		]);
		expect(
			map.nodes.every((n) => n.editorial?.startsWith('Needs a passage: imported from a Kialo'))
		).toBe(true);
		expect(map.question).toBe('Should the bell ring at nine?');
	}, 30_000);

	it('reads an Argdown file, its quotes anchored in the source after the emoji', async () => {
		const path = file(
			'bell.argdown',
			[
				'===',
				'title: Bell',
				'question: Nine or eight?',
				'===',
				'',
				`[nine]: The bell should ring at nine. {cites: [{source: ${ASTRAL_SOURCE}, quote: "the bell should ring at nine", prefix: "agreed that "}]}`,
				'  + [sleep]: Pupils sleep longer.',
				'  - [doors]: The doors open at eight.',
				''
			].join('\n')
		);
		const { code, stdout } = await importFile(path, '--format', 'argdown', '--map', 'bell-argdown');
		expect(stdout).toMatch(/bell-argdown\.yaml: 3 nodes, 2 needing a passage/);
		expect(code).toBe(0);
		const map = loaded('bell-argdown');
		expect(rows(map)).toEqual([
			[0, 'thesis', 'The bell should ring at nine.'],
			[1, 'supports', 'Pupils sleep longer.'],
			[1, 'rebuts', 'The doors open at eight.']
		]);
		const cite = map.nodes[0]!.cites[0]!;
		expect(ASTRAL_TEXT.slice(cite.start, cite.end)).toBe('the bell should ring at nine');
		expect(ASTRAL_TEXT.slice(cite.start - 'agreed that '.length, cite.start)).toBe('agreed that ');
		expect(map.nodes[1]!.editorial).toMatch(/^Needs a passage: imported from an Argdown file/);
	}, 30_000);

	it('reads AIF JSON, finding each quote by its code point offsets', async () => {
		const quote = 'the bell should ring at nine';
		const second = ASTRAL_TEXT.lastIndexOf(quote);
		const path = file(
			'bell.json',
			JSON.stringify({
				nodes: [
					{ nodeID: '1', text: 'The bell should ring at nine.', type: 'I' },
					{ nodeID: '2', text: 'The doors open at eight.', type: 'I' },
					{ nodeID: '3', text: 'Default Conflict', type: 'CA' },
					{ nodeID: '4', text: quote, type: 'L' },
					{ nodeID: '5', text: 'Asserting', type: 'YA' }
				],
				edges: [
					{ edgeID: '1', fromID: '2', toID: '3' },
					{ edgeID: '2', fromID: '3', toID: '1' },
					{ edgeID: '3', fromID: '4', toID: '5' },
					{ edgeID: '4', fromID: '5', toID: '1' }
				],
				locutions: [
					{
						nodeID: '4',
						source: ASTRAL_SOURCE,
						start: at(quote, second),
						end: at(quote, second) + quote.length
					}
				]
			})
		);
		const { code, stdout } = await importFile(path, '--format', 'aif', '--map', 'bell-aif');
		expect(stdout).toMatch(/bell-aif\.yaml: 2 nodes, 1 needing a passage/);
		expect(code).toBe(0);
		const map = loaded('bell-aif');
		expect(rows(map)).toEqual([
			[0, 'thesis', 'The bell should ring at nine.'],
			[1, 'rebuts', 'The doors open at eight.']
		]);
		// The second of the two occurrences, as the offsets say.
		expect(map.nodes[0]!.cites.map((c) => c.start)).toEqual([second]);
	}, 30_000);

	it('has no import of Web Annotations (they hold anchors, not a tree), and says which formats it reads', async () => {
		const path = file('bell.annotations.jsonld', '{}');
		const { code, stderr } = await importFile(path, '--format', 'annotations', '--map', 'x');
		expect(stderr).toMatch(/^--format must be one of kialo, argdown, aif\nusage: npm run import/);
		expect(code).toBe(1);
	}, 30_000);

	it('reads a relative path from where the command was typed', async () => {
		file('d.txt', '1. A\n1.1. Pro: B\n');
		const { code, stdout } = await npmRun(
			'import',
			paths.root,
			['d.txt', '--format', 'kialo', '--map', 'relative'],
			files
		);
		expect(stdout).toMatch(/relative\.yaml: 2 nodes/);
		expect(code).toBe(0);
	}, 30_000);
});

describe('npm run export, then npm run import, gives back the same tree', () => {
	it.each(['aif', 'argdown', 'kialo'])(
		'%s',
		async (format) => {
			const out = join(files, `bell.${format}`);
			const exported = await npmRun('export', paths.root, [
				ASTRAL_MAP,
				'--format',
				format,
				'--out',
				out
			]);
			expect(exported.code).toBe(0);
			const { code, stdout } = await importFile(out, '--format', format, '--map', `back-${format}`);
			expect(stdout).toMatch(/^wrote /);
			expect(code).toBe(0);
			const back = loaded(`back-${format}`);
			expect(rows(back)).toEqual(ASTRAL_TREE);
			if (format !== 'kialo')
				expect(
					back.nodes.map((n) => [n.id, n.note, n.editorial, n.cites.map((c) => [c.start, c.end])])
				).toEqual(
					loaded(ASTRAL_MAP).nodes.map((n) => [
						n.id,
						n.note,
						n.editorial,
						n.cites.map((c) => [c.start, c.end])
					])
				);
		},
		30_000
	);
});

describe('npm run import refuses bad input in a line, exits 1 and writes nothing', () => {
	const aif = JSON.stringify({
		nodes: [
			{ nodeID: 't', text: 'T', type: 'I' },
			{ nodeID: 'a', text: 'A', type: 'I' },
			{ nodeID: 'ra', text: 'Default Inference', type: 'RA' }
		],
		edges: [
			{ edgeID: '1', fromID: 'a', toID: 'ra' },
			{ edgeID: '2', fromID: 'ra', toID: 'x' }
		]
	});
	it.each([
		[
			'an unknown option',
			['<files>/ok.txt', '--format', 'kialo', '--mapp', 'x'],
			/^Unknown option '--mapp'.*\nusage: npm run import -- <file> --format kialo\|argdown\|aif --map <new-map-id>\n$/
		],
		['no --map', ['<files>/ok.txt', '--format', 'kialo'], /^usage: npm run import -- <file>/],
		[
			'a file that does not exist',
			['<files>/missing.txt', '--format', 'kialo', '--map', 'x'],
			/^cannot read .*\/missing\.txt: no such file or folder — check the path\n$/
		],
		[
			'a folder',
			['<files>', '--format', 'kialo', '--map', 'x'],
			/^cannot read .*: it is a folder, not a file — name a file\n$/
		],
		[
			'broken Kialo numbering, naming the line',
			['<files>/broken.txt', '--format', 'kialo', '--map', 'x'],
			/^broken\.txt, line 3: "1\.3\.1\." has no parent "1\.3\." above it — the numbering is broken\n$/
		],
		[
			'an Argdown syntax error, naming line and column',
			['<files>/broken.argdown', '--format', 'argdown', '--map', 'x'],
			/^broken\.argdown, line 3:1: Argdown syntax: /
		],
		[
			'an Argdown quote that occurs twice, naming the node and what would fix it',
			['<files>/twice.argdown', '--format', 'argdown', '--map', 'x'],
			/^twice\.argdown, node "nine": quote occurs 2 times in source "bell-minutes": "the bell should ring at nine" — add a prefix: or suffix:/
		],
		[
			'AIF with a dangling edge, naming the element',
			['<files>/dangling.json', '--format', 'aif', '--map', 'x'],
			/^dangling\.json, edges\[1\]\.toID: edge "2" toID "x" names no node — a dangling edge\n$/
		],
		[
			'a Kialo file read as AIF',
			['<files>/ok.txt', '--format', 'aif', '--map', 'x'],
			/^ok\.txt: not JSON: /
		],
		[
			'a binary file',
			['<files>/map.png', '--format', 'kialo', '--map', 'x'],
			/^map\.png: a binary file \(a zero byte at offset 3\), not text/
		],
		[
			'a map id that is taken',
			['<files>/ok.txt', '--format', 'kialo', '--map', ASTRAL_MAP],
			/^a map "bell-time" exists already: choose another id\n$/
		],
		[
			'a map id that is no id',
			['<files>/ok.txt', '--format', 'kialo', '--map', 'Bell_Time'],
			/^--map: "Bell_Time" is not a map id: use lowercase letters, digits and single hyphens, e\.g\. "school-phones"\n$/
		]
	])(
		'%s',
		async (_, args, message) => {
			file('ok.txt', '1. A\n1.1. Pro: B\n');
			file('broken.txt', '1. A\n1.1. Pro: B\n1.3.1. Con: C\n');
			file('broken.argdown', '[A]: a\n    + [B]: b\n  - [C]: c\n');
			file('dangling.json', aif);
			file(
				'twice.argdown',
				`[nine]: Nine. {cites: [{source: ${ASTRAL_SOURCE}, quote: "the bell should ring at nine"}]}\n`
			);
			file('map.png', new Uint8Array([0x89, 0x50, 0x4e, 0, 1]));
			mkdirSync(join(files, 'sub'));
			const before = mapFiles();
			const { code, stdout, stderr } = await importFile(
				...args.map((a) => a.replace('<files>', files))
			);
			expect(stderr).toMatch(message);
			expect(stderr).not.toMatch(STACK);
			expect(stdout).toBe('');
			expect(code).toBe(1);
			expect(mapFiles()).toEqual(before);
			expect(readFileSync(join(paths.mapsDir, `${ASTRAL_MAP}.yaml`), 'utf8')).toMatch(
				/^id: bell-time\n/
			);
		},
		30_000
	);
});

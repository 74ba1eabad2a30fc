import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AifGraphSchema } from '../src/lib/arguments/interchange/aif-schema';
import type { AnnotationCollection } from '../src/lib/arguments/interchange/annotations';
import type { ContentPaths } from '../src/lib/server/content-files';
import {
	ASTRAL_MAP,
	ASTRAL_MAP_YAML,
	ASTRAL_TEXT,
	astralRoot
} from '../tests/fixtures/interchange-content';
import { npmRun, STACK } from '../tests/fixtures/run-script';

let paths: ContentPaths;
let out: string;
beforeEach(() => {
	paths = astralRoot();
	out = mkdtempSync(join(tmpdir(), 'atlas-export-out-'));
});
afterEach(() => {
	rmSync(paths.root, { recursive: true, force: true });
	rmSync(out, { recursive: true, force: true });
});

const exportMap = (...args: string[]) => npmRun('export', paths.root, args);
/** The text between two code point positions of the fixture source. */
const byCodePoints = (start: number, end: number) => [...ASTRAL_TEXT].slice(start, end).join('');

describe('npm run export -- <map> --format <format> --out <file>', () => {
	it.each([
		[
			'aif',
			(text: string) => {
				const graph = AifGraphSchema.parse(JSON.parse(text));
				expect(graph.nodes.filter((n) => n.type === 'I').map((n) => n.nodeID)).toEqual([
					'nine',
					'head-said',
					'doors',
					'marks'
				]);
				expect(graph.nodes.filter((n) => n.type === 'RA')).toHaveLength(1);
				expect(graph.nodes.filter((n) => n.type === 'CA')).toHaveLength(2);
				// Locution offsets count code points: the emoji before each quote count once.
				const l = new Map(graph.nodes.map((n) => [n.nodeID, n.text]));
				expect(graph.locutions).toHaveLength(3);
				for (const { nodeID, start, end } of graph.locutions)
					expect(byCodePoints(start as number, end as number)).toBe(l.get(nodeID));
			}
		],
		[
			'argdown',
			(text: string) => {
				expect(text).toMatch(/^===\ntitle: When the bell rings\nquestion: Should the school/);
				expect(text.split('\n').filter((line) => /^\s*[+-]? ?\[/.test(line))).toEqual([
					expect.stringMatching(/^\[nine\]: The bell should ring at nine\. \{"cites":/),
					expect.stringMatching(/^ {2}\+ \[head-said\]: The head said so first\. \{"note":/),
					expect.stringMatching(/^ {2}- \[doors\]: The doors open at eight\. \{"cites":/),
					expect.stringMatching(/^ {4}- \[marks\]: 1\. Footnote \\\[1\\\], /)
				]);
			}
		],
		[
			'kialo',
			(text: string) =>
				expect(text).toBe(
					[
						'Discussion Title: Should the school bell ring at nine?',
						'',
						'1. Thesis: The bell should ring at nine.',
						'1.1. Pro: The head said so first.',
						'1.2. Con: The doors open at eight.',
						'1.2.1. Con: \\1. Footnote \\[1\\], a \\[link\\]\\(x\\) and -> See 1.1. kept; a \\\\ backslash, *stars* + - # too',
						''
					].join('\n')
				)
		],
		[
			'annotations',
			(text: string) => {
				const collection = JSON.parse(text) as AnnotationCollection;
				expect(collection.type).toBe('AnnotationCollection');
				expect(collection.total).toBe(3);
				for (const { target } of collection.first.items) {
					const [quote, position] = target.selector;
					expect(target.source).toBe('urn:argument-atlas:source:bell-minutes');
					expect(byCodePoints(position.start, position.end)).toBe(quote.exact);
				}
			}
		]
	])(
		'writes %s to the file and says so',
		async (format, check) => {
			const file = join(out, `bell.${format}`);
			const { code, stdout, stderr } = await exportMap(
				ASTRAL_MAP,
				'--format',
				format,
				'--out',
				file
			);
			expect(stderr).toBe(`wrote ${file}\n`);
			expect(stdout).toBe('');
			expect(code).toBe(0);
			check(readFileSync(file, 'utf8'));
		},
		30_000
	);

	it('prints the export without --out, for a pipe', async () => {
		const { code, stdout } = await exportMap(ASTRAL_MAP, '--format', 'kialo');
		expect(code).toBe(0);
		expect(stdout).toMatch(/^Discussion Title: Should the school bell ring at nine\?\n\n1\. /);
	}, 30_000);

	it('writes a relative --out where the command was typed, not in the project folder', async () => {
		const { code } = await npmRun(
			'export',
			paths.root,
			[ASTRAL_MAP, '--format', 'kialo', '--out', 'bell.kialo.txt'],
			out
		);
		expect(code).toBe(0);
		expect(readFileSync(join(out, 'bell.kialo.txt'), 'utf8')).toMatch(/^Discussion Title: /);
		expect(existsSync(join(process.cwd(), 'bell.kialo.txt'))).toBe(false);
	}, 30_000);
});

describe('npm run export refuses bad input in a line, exits 1 and writes nothing', () => {
	it.each([
		[
			'an unknown option',
			[ASTRAL_MAP, '--fromat', 'aif'],
			/^Unknown option '--fromat'.*\nusage: npm run export -- <map-id> --format aif\|argdown\|kialo\|annotations/
		],
		[
			'an unknown format',
			[ASTRAL_MAP, '--format', 'pdf'],
			/^--format must be one of aif, argdown, kialo, annotations\nusage: /
		],
		['no map id', ['--format', 'aif'], /^usage: npm run export -- <map-id>/],
		[
			'a map that does not exist',
			['no-such-map', '--format', 'aif'],
			/^no map "no-such-map": the maps are bell-time\n$/
		],
		[
			'an --out in a folder that does not exist',
			[ASTRAL_MAP, '--format', 'aif', '--out', '<out>/missing/bell.json'],
			/^cannot write .*\/missing\/bell\.json: no such file or folder — check the path\n$/
		],
		[
			'an --out that is a folder',
			[ASTRAL_MAP, '--format', 'aif', '--out', '<out>'],
			/^cannot write .*: it is a folder, not a file — name a file\n$/
		]
	])(
		'%s',
		async (_, args, message) => {
			const { code, stdout, stderr } = await exportMap(...args.map((a) => a.replace('<out>', out)));
			expect(stderr).toMatch(message);
			expect(stderr).not.toMatch(STACK);
			expect(stdout).toBe('');
			expect(code).toBe(1);
			expect(existsSync(join(out, 'missing'))).toBe(false);
		},
		30_000
	);

	it('content that does not validate, naming file, line and column, and writing no file', async () => {
		writeFileSync(
			join(paths.mapsDir, `${ASTRAL_MAP}.yaml`),
			ASTRAL_MAP_YAML.replace('The head said the bell', 'The head sayd the bell')
		);
		const file = join(out, 'bell.json');
		const { code, stderr } = await exportMap(ASTRAL_MAP, '--format', 'aif', '--out', file);
		expect(stderr).toMatch(/^content\/arguments\/bell-time\.yaml:\d+:\d+: .*quote/);
		expect(stderr).toMatch(/fix the content before exporting\n$/);
		expect(stderr).not.toMatch(STACK);
		expect(code).toBe(1);
		expect(existsSync(file)).toBe(false);
	}, 30_000);
});

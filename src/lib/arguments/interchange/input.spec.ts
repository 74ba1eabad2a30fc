import { describe, expect, it } from 'vitest';
import { realSources } from '../../../../tests/fixtures/content-helpers';
import { exportAnnotations } from './annotations';
import { importMap, importProblem } from './index';
import { IMPORT_MAX_BYTES } from './input';
import { codePointIndex, stringIndex } from './tree';
import { loadFixtureMaps } from '../../../../tests/fixtures/content-helpers';

function problemOf(bytes: Uint8Array, name: string) {
	try {
		importMap('kialo', bytes, 'x');
	} catch (e) {
		return importProblem(e, name);
	}
	return 'no error';
}

describe('importMap(format, bytes) before any parser', () => {
	it('refuses a 10 MB file, saying how big it is and how big it may be', () => {
		const big = new Uint8Array(10 * 1024 * 1024).fill(0x41);
		expect(problemOf(big, 'big.txt')).toBe(
			`big.txt: the file is 10.0 MB, more than the ${(IMPORT_MAX_BYTES / 1024 / 1024).toFixed(1)} MB an import may have — split the discussion, or export a part of it`
		);
	});

	it('refuses a binary file, naming the first zero byte', () => {
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
		expect(problemOf(png, 'map.png')).toMatch(
			/^map\.png: a binary file \(a zero byte at offset 8\)/
		);
	});

	it('refuses text that is not UTF-8', () => {
		expect(problemOf(new Uint8Array([0x31, 0x2e, 0x20, 0xe9, 0x0a]), 'latin1.txt')).toMatch(
			/not UTF-8/
		);
	});

	it('names the file and the line of a problem inside it', () => {
		const text = new TextEncoder().encode('1. A\n1.2.1. Pro: B\n');
		expect(problemOf(text, 'debate.txt')).toBe(
			'debate.txt, line 2: "1.2.1." has no parent "1.2." above it — the numbering is broken'
		);
	});
});

describe('positions in code points', () => {
	it('codePointIndex counts a character outside the BMP once; stringIndex inverts it', () => {
		const text = 'a😀b😀c';
		expect(codePointIndex(text, text.indexOf('c'))).toBe(4);
		expect(stringIndex(text, 4)).toBe(text.indexOf('c'));
		expect(codePointIndex('plain', 3)).toBe(3);
	});

	it('exportAnnotations gives each quote a TextQuoteSelector and a TextPositionSelector', () => {
		const map = loadFixtureMaps('valid').content.maps.get('valid')!;
		const sources = realSources();
		const collection = exportAnnotations(map, sources);
		const text = sources.get('boric-thread')!.text;
		const first = collection.first.items[0]!;
		const [quote, position] = first.target.selector;
		expect(first.body.value).toBe(map.nodes[0]!.claim);
		expect(text.slice(position.start, position.end)).toBe(quote.exact);
		expect(text.slice(0, position.start).endsWith(quote.prefix)).toBe(true);
		expect(text.slice(position.end).startsWith(quote.suffix)).toBe(true);
		expect(collection.total).toBe(collection.first.items.length);
	});
});

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorQuote } from './anchor';
import { realSources } from './test-helpers';

// The texts are editions: byte for byte as published. If one of these fails,
// a source file was edited; restore it instead of updating the hash.
const PINNED: Record<string, string> = {
	'000_1d68c27d99c6f9be.txt': '4655160c602e650f292d7086fbeaef0844ed6aa70d50363df3187db2d4076de1',
	'001_7cb18bdc341b9e85.txt': '3232278f237779c0cafc5ddaeda6763c2e1eda28a2e7550ae4d624f7e0c64364',
	'002_6232c783220797e9.txt': '790587d02112bbce690310e7ef854ac84f7996ced50bc84c13f42fc2f18783ca'
};

describe('seeds/', () => {
	it.each(Object.entries(PINNED))('keeps %s byte for byte', (file, sha256) => {
		const bytes = readFileSync(join(process.cwd(), 'seeds', file));
		expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);
	});

	it('describes every pinned text in sources.yaml, with its hash', () => {
		const sources = [...realSources().values()];
		expect(sources.map((s) => s.file).sort()).toEqual(Object.keys(PINNED).sort());
		for (const s of sources) expect(s.sha256).toBe(PINNED[s.file]);
	});

	it('names the misspellings of the translated report in its caveats', () => {
		const report = realSources().get('kast-election-report');
		const caveats = report?.caveats?.join(' ') ?? '';
		expect(caveats).toMatch(/Janet Jara.*Jeannette Jara/);
		expect(caveats).toMatch(/Michael Stout.*Michael Stott/);
		expect(caveats).toMatch(/Schifter.*Shifter/);
	});
});

describe('positions in the sources (UTF-16 code units)', () => {
	const sources = realSources();
	const text = (id: string) => sources.get(id)!.text;

	it.each([
		['boric-thread', 'Chile´s punitive abortion laws', 2461],
		['kast-election-report', 'Rodrigo Paz Peña won', 661],
		['technocrats-essay', 'capital—all it’s given us', 1100],
		['technocrats-essay', '“make the economy more competitive”', 2792]
	])('anchors %s %j at %i, one unit per character', (id, quote, start) => {
		const r = anchorQuote(text(id), { quote });
		expect(r).toEqual({ ok: true, start, end: start + [...quote].length });
		expect(text(id).slice(start, start + quote.length)).toBe(quote);
	});
});

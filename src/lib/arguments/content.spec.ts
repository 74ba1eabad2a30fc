/**
 * The curated content itself, loaded from disk as the app loads it: it must
 * validate, carry its teaching aids, and keep the coverage it has reached.
 * Raise the pinned figures when the maps cite more; never lower them to make
 * an edit pass.
 */
import { describe, expect, it } from 'vitest';
import { contentPaths, loadContentFromDisk } from '../server/content-files';
import { sourceCoverage } from './coverage';

const { content, problems } = loadContentFromDisk(contentPaths(process.cwd()));
const maps = [...content.maps.values()];

function coverageOf(sourceId: string) {
	const source = content.sources.get(sourceId);
	if (!source) throw new Error(`no source "${sourceId}"`);
	return sourceCoverage(source, content.citations.get(sourceId) ?? []);
}

describe('the curated content', () => {
	it('loadContentFromDisk() reports no problems', () => {
		expect(problems).toEqual([]);
	});

	it('has a map for each source and a cross-source debate', () => {
		expect([...content.maps.keys()].sort()).toEqual(
			expect.arrayContaining([
				'boric-election-thread',
				'chile-constitution-debate',
				'kast-election-report',
				'technocrats-essay'
			])
		);
		expect(content.maps.get('chile-constitution-debate')?.sourceIds.sort()).toEqual([
			'boric-thread',
			'kast-election-report',
			'technocrats-essay'
		]);
	});

	it.each(maps.map((map) => [map.id, map] as const))(
		'map %s has a summary and two or three discussion questions',
		(_, map) => {
			expect(map.summary.length).toBeGreaterThan(100);
			expect(map.discussion.length).toBeGreaterThanOrEqual(2);
			expect(map.discussion.length).toBeLessThanOrEqual(3);
		}
	);

	it.each(maps.map((map) => [map.id, map] as const))(
		'map %s uses editorial nodes sparingly',
		(_, map) => {
			const editorial = map.nodes.filter((node) => node.editorial !== undefined);
			expect(editorial.length).toBeLessThanOrEqual(Math.max(1, Math.floor(map.nodes.length / 8)));
		}
	);

	it('boric-election-thread has at least 12 nodes, both relations and depth 3', () => {
		const map = content.maps.get('boric-election-thread');
		expect(map?.rootId).toBe('great-result');
		const nodes = map?.nodes ?? [];
		expect(nodes.length).toBeGreaterThanOrEqual(12);
		expect(new Set(nodes.map((n) => n.relation))).toEqual(
			new Set(['thesis', 'supports', 'rebuts'])
		);
		expect(Math.max(...nodes.map((n) => n.depth))).toBeGreaterThanOrEqual(3);
	});
});

/**
 * Pinned coverage per source, from `npm run coverage:content`, and the only
 * sentences allowed to stay uncited: framing, not argument.
 */
const pinned = [
	{ source: 'boric-thread', sentences: 24, chars: 2463, framing: [] },
	{
		source: 'kast-election-report',
		sentences: 22,
		chars: 3087,
		framing: [
			/^Reference News Network, December 17 report:/,
			/^The author is Michael Stout\.$/,
			/^The following is a translated summary:$/,
			/^\(Translated by Wang Diqing\)$/,
			/^Original source:/,
			/^Statement:/
		]
	},
	{ source: 'technocrats-essay', sentences: 15, chars: 2856, framing: [] }
];

describe('coverage of the sources', () => {
	it.each(pinned)('$source keeps at least $sentences cited sentences', (pin) => {
		expect(coverageOf(pin.source).sentencesCited).toBeGreaterThanOrEqual(pin.sentences);
	});

	it.each(pinned)('$source keeps at least $chars cited characters', (pin) => {
		expect(coverageOf(pin.source).charsCited).toBeGreaterThanOrEqual(pin.chars);
	});

	it.each(pinned)('$source leaves only framing uncited', (pin) => {
		const argued = coverageOf(pin.source).uncited.filter(
			(s) => !pin.framing.some((pattern) => pattern.test(s.text))
		);
		expect(argued.map((s) => s.text)).toEqual([]);
	});
});

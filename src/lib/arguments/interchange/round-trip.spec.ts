import { describe, expect, it } from 'vitest';
import { contentPaths, loadContentFromDisk } from '../../server/content-files';
import { loadMap, sourceIndexOf } from '../load';
import type { ArgumentMap } from '../model';
import { loadFixtureMaps, realSources } from '../../../../tests/fixtures/content-helpers';
import { astralContent, ASTRAL_TREE } from '../../../../tests/fixtures/interchange-content';
import { AifGraphSchema } from './aif-schema';
import { exportMap, importMap, mapYaml, type ExportFormat } from './index';
import { exportedNodes } from './tree';

const curated = [...loadContentFromDisk(contentPaths(process.cwd())).content.maps.values()];
const fixture = loadFixtureMaps('valid').content.maps.get('valid')!;
const maps = [fixture, ...curated];

/** The tree as a reader sees it; `full` adds what only AIF and Argdown carry. */
function shape(map: ArgumentMap, full: boolean) {
	return exportedNodes(map).map((n) => ({
		depth: n.depth,
		relation: n.relation,
		claim: n.claim,
		...(full
			? {
					id: n.id,
					note: n.note,
					editorial: n.editorial,
					cites: n.cites.map((c) => [c.source, c.start, c.end])
				}
			: {})
	}));
}

function roundTrip(
	format: ExportFormat & ('aif' | 'argdown' | 'kialo'),
	map: ArgumentMap,
	sources = realSources()
) {
	const file = exportMap(format, map, sources, new Date('2026-11-28T00:00:00Z'));
	const input = importMap(format, new TextEncoder().encode(file.text), map.id, sources);
	const { map: back, problems } = loadMap(
		`content/arguments/${map.id}.yaml`,
		mapYaml(input),
		sourceIndexOf(sources)
	);
	expect(problems).toEqual([]);
	return { back: back!, input, file };
}

describe.each(maps.map((m) => [m.id, m] as const))('export then import of %s', (_, map) => {
	it('AIF gives back the same tree, ids, notes, quotes and map text', () => {
		const { back } = roundTrip('aif', map);
		expect(shape(back, true)).toEqual(shape(map, true));
		expect([back.title, back.question, back.summary, back.discussion]).toEqual([
			map.title,
			map.question,
			map.summary,
			map.discussion
		]);
	});

	it('Argdown gives back the same tree, ids, notes, quotes and map text', () => {
		const { back } = roundTrip('argdown', map);
		expect(shape(back, true)).toEqual(shape(map, true));
		expect([back.title, back.question, back.summary]).toEqual([
			map.title,
			map.question,
			map.summary
		]);
	});

	it('Kialo gives back the same claims and relations; quotes arrive as "needs a passage"', () => {
		const { back } = roundTrip('kialo', map);
		expect(shape(back, false)).toEqual(shape(map, false));
		expect(back.nodes.every((n) => n.editorial?.startsWith('Needs a passage'))).toBe(true);
		expect(back.question).toBe(map.question);
	});

	it('the exported AIF passes the AIF schema check', () => {
		const file = exportMap('aif', map, realSources());
		const parsed = AifGraphSchema.safeParse(JSON.parse(file.text));
		expect(parsed.error?.issues ?? []).toEqual([]);
		const graph = parsed.data!;
		const cites = exportedNodes(map).flatMap((n) => n.cites);
		expect(graph.nodes.filter((n) => n.type === 'L').map((n) => n.text)).toEqual(
			cites.map((c) => c.quote)
		);
		expect(graph.nodes.filter((n) => n.type === 'RA' || n.type === 'CA')).toHaveLength(
			exportedNodes(map).length - 1
		);
	});
});

describe('export then import of a map whose source has emoji and whose claims carry markup', () => {
	const { content, map } = astralContent();
	const rows = (m: ArgumentMap) => shape(m, false).map((n) => [n.depth, n.relation, n.claim]);

	it.each(['aif', 'argdown', 'kialo'] as const)('%s gives back the same tree', (format) => {
		expect(rows(map)).toEqual(ASTRAL_TREE);
		const { back } = roundTrip(format, map, content.sources);
		expect(rows(back)).toEqual(ASTRAL_TREE);
	});

	it.each(['aif', 'argdown'] as const)(
		'%s gives back the quotes after the emoji, the repeated one at the same place',
		(format) => {
			const { back } = roundTrip(format, map, content.sources);
			expect(shape(back, true)).toEqual(shape(map, true));
		}
	);

	it('Argdown keeps the prefix that tells the repeated quote apart', () => {
		const { input } = roundTrip('argdown', map, content.sources);
		expect(input.thesis.cites).toEqual([
			{ source: 'bell-minutes', quote: 'the bell should ring at nine', prefix: 'agreed that ' }
		]);
	});
});

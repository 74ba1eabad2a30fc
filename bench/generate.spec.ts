import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/lib/arguments/load';
import { realSources } from '../tests/fixtures/content-helpers';
import { generateMap, quotableSentences, random } from './generate';

const sources = realSources();
const quotes = quotableSentences([...sources.values()].map((s) => ({ id: s.id, text: s.text })));

describe('generateMap', () => {
	it('quotableSentences(sources) finds sentences that occur once in their source', () => {
		expect(quotes.length).toBeGreaterThan(20);
		for (const q of quotes) {
			const text = sources.get(q.source)!.text;
			expect(text.indexOf(q.quote)).toBe(text.lastIndexOf(q.quote));
		}
	});

	it('generateMap(size, quotes) writes a map file that validates against the real sources', () => {
		const map = generateMap(300, quotes, { seed: 7 });
		const sourceTexts = new Map([...sources.values()].map((s) => [s.file, s.text]));
		const { content, problems } = loadContent({
			sourcesFile: { path: 'seeds/sources.yaml', text: sourcesYaml() },
			sourceTexts,
			maps: [{ path: `content/arguments/${map.id}.yaml`, text: map.yaml }]
		});
		expect(problems).toEqual([]);
		const loaded = content.maps.get(map.id)!;
		expect(loaded.nodes).toHaveLength(300);
		const deepest = loaded.nodeById.get(map.deepestId)!;
		expect(deepest.depth).toBe(map.maxDepth);
		expect(Math.max(...loaded.nodes.map((n) => n.depth))).toBe(map.maxDepth);
		expect(loaded.nodes.some((n) => n.relation === 'rebuts')).toBe(true);
	});

	it('generateMap(size, quotes, { seed }) is deterministic', () => {
		expect(generateMap(50, quotes, { seed: 3 }).yaml).toBe(
			generateMap(50, quotes, { seed: 3 }).yaml
		);
		expect(random(1)()).toBe(random(1)());
	});
});

function sourcesYaml(): string {
	// The real metadata file, as the loader reads it.
	return readFileSync(join(process.cwd(), 'seeds', 'sources.yaml'), 'utf8');
}

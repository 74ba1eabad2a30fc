/** Loading fixture maps against the real sources in seeds/, for specs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentPaths, loadContentFromDisk } from '../server/content-files';
import { loadContent, type LoadResult } from './load';
import { formatProblem } from './problems';

const paths = contentPaths(process.cwd());
export const FIXTURES = join(paths.root, 'tests', 'fixtures', 'maps');

/** The bundled sources (and no bundled maps), ready to check fixture maps against. */
export function realSources() {
	return loadContentFromDisk(paths).content.sources;
}

export function loadFixtureMaps(...names: string[]): LoadResult & { lines: string[] } {
	const sourceTexts = new Map<string, string>();
	for (const s of realSources().values()) sourceTexts.set(s.file, s.text);
	const result = loadContent({
		sourcesFile: { path: 'seeds/sources.yaml', text: readFileSync(paths.sourcesFile, 'utf8') },
		sourceTexts,
		maps: names.map((name) => ({
			path: `tests/fixtures/maps/${name}.yaml`,
			text: readFileSync(join(FIXTURES, `${name}.yaml`), 'utf8')
		}))
	});
	return { ...result, lines: result.problems.map(formatProblem) };
}

/**
 * Writes a map that came from another tool (or a new text) as a new file:
 * checked with the loader's checks first, under the store's cross-process
 * lock, atomically, and never over an existing map.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { mapYaml } from '../arguments/interchange/draft';
import { loadMap, sourceIndexOf } from '../arguments/load';
import type { Source } from '../arguments/model';
import { formatProblem } from '../arguments/problems';
import { IdSchema, type MapInput } from '../arguments/schema';
import type { ContentPaths } from './content-files';
import { lockFile, StoreError, writeFileAtomic } from './store.server';

export async function writeNewMap(
	paths: ContentPaths,
	sources: Map<string, Source>,
	map: MapInput
): Promise<{ file: string; text: string }> {
	if (!IdSchema.safeParse(map.id).success)
		throw new StoreError(
			'invalid',
			`"${map.id}" is not a map id: use lowercase letters, digits and single hyphens`
		);
	const file = join(paths.mapsDir, `${map.id}.yaml`);
	const text = mapYaml(map);
	const { problems } = loadMap(relative(paths.root, file), text, sourceIndexOf(sources));
	if (problems.length)
		throw new StoreError(
			'invalid',
			`the imported map would not validate: ${formatProblem(problems[0]!)}`
		);
	const held = await lockFile(file);
	try {
		if (existsSync(file))
			throw new StoreError('exists', `a map "${map.id}" exists already: choose another id`);
		if (held.compromised)
			throw new StoreError('conflict', 'the write took too long and lost its lock: try again');
		await writeFileAtomic(file, text);
	} finally {
		if (!held.compromised) await held.release().catch(() => {});
	}
	return { file, text };
}

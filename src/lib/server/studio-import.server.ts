/**
 * A map imported from another tool through the app (/new's import form): the
 * file checked and read (importMap: size, text, then the format's own parser,
 * each problem naming the line or element), written as a new map with the
 * loader's checks, or one message saying why not, with nothing written.
 *
 * Relative imports only, so the unit specs run it without SvelteKit.
 */
import { walkInput } from '../arguments/interchange/draft';
import {
	IMPORT_MAX_BYTES,
	importMap,
	importProblem,
	isImportFormat,
	needsPassage,
	type ImportFormat
} from '../arguments/interchange/index';
import { tooBigToImport } from '../arguments/interchange/input';
import type { Source } from '../arguments/model';
import { IdSchema } from '../arguments/schema';
import type { ContentPaths } from './content-files';
import { writeNewMap } from './imported-map.server';
import { StoreError } from './store.server';

export type ImportAnswer =
	| { ok: true; mapId: string; nodes: number; needPassage: number }
	| { ok: false; field: 'upload' | 'format' | 'id' | 'form'; message: string };

/** The file (name and bytes, or only its size when it is too big to read), as a new map `mapId`. */
export async function importUpload(
	paths: ContentPaths,
	sources: Map<string, Source>,
	file: { name: string; size: number; bytes: () => Promise<Uint8Array> } | undefined,
	format: string,
	mapId: string
): Promise<ImportAnswer> {
	if (!file || file.size === 0)
		return { ok: false, field: 'upload', message: 'Choose the file to import.' };
	if (!isImportFormat(format))
		return {
			ok: false,
			field: 'format',
			message: 'Choose the format: a Kialo export, an Argdown file or AIF JSON.'
		};
	if (!IdSchema.safeParse(mapId).success)
		return {
			ok: false,
			field: 'id',
			message: 'The map id is lowercase letters, digits and single hyphens, e.g. "school-phones".'
		};
	// Refused before it is read: the size is all a 10 MB file needs to say.
	if (file.size > IMPORT_MAX_BYTES)
		return {
			ok: false,
			field: 'upload',
			message: `${file.name}: ${tooBigToImport(file.size)}`
		};
	let map;
	try {
		map = importMap(format as ImportFormat, await file.bytes(), mapId, sources);
	} catch (e) {
		const message = importProblem(e, file.name);
		if (message === undefined) throw e;
		return { ok: false, field: 'upload', message };
	}
	try {
		await writeNewMap(paths, sources, map);
	} catch (e) {
		if (!(e instanceof StoreError)) throw e;
		return { ok: false, field: e.code === 'exists' ? 'id' : 'form', message: e.message };
	}
	const nodes = [...walkInput(map.thesis)].map((v) => v.node);
	return { ok: true, mapId, nodes: nodes.length, needPassage: nodes.filter(needsPassage).length };
}

/** Maps in and out of other tools: one entry point per direction, for the CLI and the app. */
import type { ArgumentMap, Source } from '../model';
import type { MapInput } from '../schema';
import { exportAif, importAif } from './aif';
import { exportAnnotations } from './annotations';
import { exportArgdown, importArgdown } from './argdown';
import { draftToMap, ImportError } from './draft';
import { exportFileName, type ExportFormat, type ImportFormat } from './formats';
import { importText } from './input';
import { exportKialo, importKialo } from './kialo';

export { ImportError, NEEDS_PASSAGE, needsPassage, mapYaml } from './draft';

export * from './formats';

export interface ExportFile {
	text: string;
	/** e.g. `boric-election-thread.aif.json` */
	fileName: string;
	contentType: string;
}

export function exportMap(
	format: ExportFormat,
	map: ArgumentMap,
	sources: Map<string, Source>,
	now = new Date()
): ExportFile {
	switch (format) {
		case 'aif':
			return json(exportAif(map, sources, now), exportFileName(map.id, format), 'application/json');
		case 'annotations':
			return json(
				exportAnnotations(map, sources, now),
				exportFileName(map.id, format),
				'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'
			);
		case 'argdown':
			return {
				text: exportArgdown(map),
				fileName: exportFileName(map.id, format),
				contentType: 'text/plain; charset=utf-8'
			};
		case 'kialo':
			return {
				text: exportKialo(map),
				fileName: exportFileName(map.id, format),
				contentType: 'text/plain; charset=utf-8'
			};
	}
}

function json(value: unknown, fileName: string, contentType: string): ExportFile {
	return {
		text: `${JSON.stringify(value, null, '\t')}\n`,
		fileName,
		contentType: `${contentType}`
	};
}

/**
 * A file from another tool as a map with the given id. Throws ImportError,
 * naming the line or element, for anything it cannot read; writes nothing.
 */
export function importMap(
	format: ImportFormat,
	bytes: Uint8Array,
	mapId: string,
	sources: Map<string, Source> = new Map()
): MapInput {
	const text = importText(bytes);
	const draft =
		format === 'kialo'
			? importKialo(text)
			: format === 'argdown'
				? importArgdown(text)
				: importAif(text, sources);
	return draftToMap(draft, mapId, format);
}

/** A message for a person: the file, where in it, and what is wrong. */
export function importProblem(error: unknown, fileName: string): string | undefined {
	if (!(error instanceof ImportError)) return undefined;
	return `${fileName}${error.where ? `, ${error.where}` : ''}: ${error.problem}`;
}

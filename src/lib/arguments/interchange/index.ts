/** Maps in and out of other tools: one entry point per direction, for the CLI and the app. */
import { LineCounter, parseDocument, visit } from 'yaml';
import { loadMap, sourceIndexOf } from '../load';
import type { ArgumentMap, Source } from '../model';
import type { MapInput } from '../schema';
import { exportAif, importAif } from './aif';
import { exportAnnotations } from './annotations';
import { exportArgdown, importArgdown } from './argdown';
import { draftToMap, ImportError, mapYaml } from './draft';
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
	const map = draftToMap(draft, mapId, format);
	checkImported(map, sources);
	return map;
}

/**
 * The loader's checks (quotes found in their sources, lengths, ids), run
 * before anything is written: the first problem becomes an ImportError
 * naming the node of the imported file, since the line of a YAML file that
 * was never written would help nobody.
 */
function checkImported(map: MapInput, sources: Map<string, Source>) {
	const text = mapYaml(map);
	const problem = loadMap(`content/arguments/${map.id}.yaml`, text, sourceIndexOf(sources))
		.problems[0];
	if (!problem) return;
	const id = nodeIdAt(text, problem.line, problem.col);
	throw new ImportError(
		id === undefined ? '' : `node "${id}"`,
		`${problem.message}${problem.hint ? ` — ${problem.hint}` : ''}`
	);
}

/** The id of the innermost node (a mapping with an id, below the thesis) around a line and column. */
function nodeIdAt(text: string, line: number, col: number): string | undefined {
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, { lineCounter });
	const offset = (lineCounter.lineStarts[line - 1] ?? 0) + col - 1;
	let id: string | undefined;
	visit(doc, {
		Map(_, node, path) {
			const [start, , end] = node.range ?? [0, 0, 0];
			if (offset < start || offset > end) return visit.SKIP;
			// The map itself (the document's own mapping) has an id too: the map's, not a node's.
			if (path.length === 1) return;
			const value = node.get('id');
			if (typeof value === 'string') id = value;
		}
	});
	return id;
}

/** A message for a person: the file, where in it, and what is wrong. */
export function importProblem(error: unknown, fileName: string): string | undefined {
	if (!(error instanceof ImportError)) return undefined;
	return `${fileName}${error.where ? `, ${error.where}` : ''}: ${error.problem}`;
}

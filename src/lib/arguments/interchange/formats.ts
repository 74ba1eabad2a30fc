/** The formats, by name, and their file names: light enough for a page's script. */
export const EXPORT_FORMATS = ['aif', 'argdown', 'kialo', 'annotations'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const IMPORT_FORMATS = ['kialo', 'argdown', 'aif'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const SUFFIXES: Record<ExportFormat, string> = {
	aif: '.aif.json',
	argdown: '.argdown',
	kialo: '.kialo.txt',
	annotations: '.annotations.jsonld'
};

/** `boric-election-thread.aif.json`: the download's name, and the last part of its URL. */
export function exportFileName(mapId: string, format: ExportFormat): string {
	return `${mapId}${SUFFIXES[format]}`;
}

export function isExportFormat(value: string): value is ExportFormat {
	return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export function isImportFormat(value: string): value is ImportFormat {
	return (IMPORT_FORMATS as readonly string[]).includes(value);
}

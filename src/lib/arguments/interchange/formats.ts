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

/** Far above any real discussion (the largest Kialo exports run to a few hundred kB). */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;

/** Why a file of `size` bytes is refused, in the words the form, the page and the CLI all use. */
export function tooBigToImport(size: number): string {
	const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
	return `the file is ${mb(size)}, more than the ${mb(IMPORT_MAX_BYTES)} an import may have — split the discussion, or export a part of it`;
}

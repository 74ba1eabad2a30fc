import { error } from '@sveltejs/kit';
import { EXPORT_FORMATS, exportFileName, exportMap } from '$lib/arguments/interchange/index';
import { getContent, mapOr404 } from '$lib/server/content.server';
import { mapEntries } from '$lib/server/entries.server';
import { STATIC_SITE } from '$lib/app/static-site';

/**
 * A map in another tool's format, as a download: `/export/<map>/<map>.aif.json`,
 * `.argdown`, `.kialo.txt` or `.annotations.jsonld`. The URL ends in the file
 * name so that a static host serves it with the right type.
 */
export const prerender = STATIC_SITE;

export const entries = () =>
	mapEntries().flatMap(({ map }) =>
		EXPORT_FORMATS.map((format) => ({ map, file: exportFileName(map, format) }))
	);

export function GET({ params }) {
	const content = getContent();
	const map = mapOr404(content, params.map);
	const format = EXPORT_FORMATS.find((f) => params.file === exportFileName(map.id, f));
	if (!format) error(404, `No export "${params.file}": try ${exportFileName(map.id, 'aif')}`);
	const file = exportMap(format, map, content.sources);
	return new Response(file.text, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.fileName}"`
		}
	});
}

import { buildSearchIndex, mapSearchDocs, searchResults } from '$lib/arguments/search';
import type { SearchIndex } from '$lib/arguments/search';
import type { Content } from '$lib/arguments/model';
import { getContent } from '$lib/server/content.server';
import { STATIC_SITE } from '$lib/app/static-site';

// One index per loaded content: rebuilt only when the content changes.
const indexes = new WeakMap<Content, SearchIndex>();

export function load({ url }) {
	const content = getContent();
	const maps = [...content.maps.values()].map((m) => ({ id: m.id, title: m.title }));
	// A prerendered page has no query string: the static build searches in the browser.
	if (STATIC_SITE) return { maps, results: undefined };
	let index = indexes.get(content);
	if (!index) {
		index = buildSearchIndex([...content.maps.values()].flatMap(mapSearchDocs));
		indexes.set(content, index);
	}
	const query = url.searchParams.get('q')?.slice(0, 200) ?? '';
	const mapId = url.searchParams.get('map') ?? '';
	return {
		maps,
		results: searchResults(index, query, mapId, new Map(maps.map((m) => [m.id, m.title])))
	};
}

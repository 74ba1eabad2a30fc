import {
	buildSearchIndex,
	mapSearchDocs,
	queryTerms,
	search,
	snippet
} from '$lib/arguments/search';
import type { SearchIndex } from '$lib/arguments/search';
import type { Content } from '$lib/arguments/model';
import { getContent } from '$lib/server/content.server';

const LIMIT = 200;
// One index per loaded content: rebuilt only when the content changes.
const indexes = new WeakMap<Content, SearchIndex>();

export function load({ url }) {
	const content = getContent();
	let index = indexes.get(content);
	if (!index) {
		index = buildSearchIndex([...content.maps.values()].flatMap(mapSearchDocs));
		indexes.set(content, index);
	}
	const query = url.searchParams.get('q')?.slice(0, 200) ?? '';
	const mapId = url.searchParams.get('map') ?? '';
	const terms = queryTerms(query);
	const hits = search(index, query).filter((h) => !mapId || h.doc.mapId === mapId);
	const groups = new Map<string, { mapId: string; mapTitle: string; hits: unknown[] }>();
	const results = hits.slice(0, LIMIT).map((hit) => {
		const { doc, fields } = hit;
		const other = fields.find((f) => f !== 'claim');
		const otherText =
			other === 'quote'
				? (doc.quotes.find((q) => snippet(q, terms).some((p) => p.hit)) ?? '')
				: other === 'note'
					? (doc.note ?? '')
					: other === 'editorial'
						? (doc.editorial ?? '')
						: '';
		return {
			mapId: doc.mapId,
			nodeId: doc.nodeId,
			claim: snippet(doc.claim, terms, 300),
			fields,
			other:
				other && fields[0] !== 'claim'
					? { field: other, pieces: snippet(otherText, terms, 60) }
					: undefined
		};
	});
	for (const r of results) {
		let group = groups.get(r.mapId);
		if (!group) {
			group = { mapId: r.mapId, mapTitle: content.maps.get(r.mapId)?.title ?? r.mapId, hits: [] };
			groups.set(r.mapId, group);
		}
		group.hits.push(r);
	}
	return {
		query,
		mapId,
		maps: [...content.maps.values()].map((m) => ({ id: m.id, title: m.title })),
		total: hits.length,
		limit: LIMIT,
		groups: [...groups.values()] as { mapId: string; mapTitle: string; hits: typeof results }[]
	};
}

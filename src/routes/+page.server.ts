import { listMaps } from '$lib/arguments/view';
import { getContent } from '$lib/server/content.server';

export function load() {
	const content = getContent();
	return {
		maps: listMaps(content),
		sources: [...content.sources.values()].map((s) => ({
			id: s.id,
			title: s.title,
			kind: s.kind,
			date: s.date
		}))
	};
}

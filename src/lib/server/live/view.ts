/** What the live pages show of a session's map: its slides, looked up by id. */
import { citationsOf } from '../../arguments/view';
import type { Content } from '../../arguments/model';
import type { SessionRecord } from './store';

export interface LiveSlideView {
	id: string;
	parentId: string | null;
	claim: string;
	editorial?: string;
	cites: { sourceId: string; sourceTitle: string; sourceDate: string; quote: string }[];
}

/**
 * The session's slides as they read now. A node removed from the map since
 * the session started says so instead of vanishing, so the steps stay put.
 * Relations are not here: the class learns them from the session's state.
 */
export function slideViews(content: Content, record: SessionRecord): LiveSlideView[] {
	const map = content.maps.get(record.mapId);
	return record.slides.map((s) => {
		const node = map?.nodeById.get(s.id);
		if (!node)
			return {
				id: s.id,
				parentId: null,
				claim: '(This claim is no longer in the map.)',
				cites: []
			};
		return {
			id: s.id,
			parentId: node.parentId,
			claim: node.claim,
			editorial: node.editorial,
			cites: citationsOf(content, node).map((c) => ({
				sourceId: c.sourceId,
				sourceTitle: c.sourceTitle,
				sourceDate: c.sourceDate,
				quote: c.quote
			}))
		};
	});
}

/** The map's title and question, or placeholders if the map is gone. */
export function mapOf(content: Content, record: SessionRecord) {
	const map = content.maps.get(record.mapId);
	return {
		id: record.mapId,
		title: map?.title ?? record.mapId,
		question: map?.question ?? ''
	};
}

/** The texts of the sources the map cites, for picking a passage on a phone. */
export function sourceTexts(content: Content, record: SessionRecord) {
	const map = content.maps.get(record.mapId);
	return (map?.sourceIds ?? []).flatMap((id) => {
		const s = content.sources.get(id);
		return s ? [{ id: s.id, title: s.title, text: s.text }] : [];
	});
}

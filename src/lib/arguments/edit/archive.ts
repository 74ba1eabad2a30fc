/**
 * The archive of what left a map: rejected proposals and nodes deleted in the
 * studio, in content/archive/<map>.yaml, a YAML list, newest last. Append only:
 * a deleted node put back stays listed (the studio offers only those not in
 * the map).
 */
import { parse, stringify } from 'yaml';
import type { NodeInput, Relation } from '../schema';

export interface ArchiveEntry {
	map: string;
	parent: string;
	relation: Relation;
	/** Its place in the parent's list when it was removed. */
	index?: number;
	/** When a proposal was rejected (review), or a node deleted (studio). */
	rejected?: string;
	deleted?: string;
	reason?: string;
	/** Who rejected it, when known. */
	editor?: string;
	/** The map's presentation order and lesson path before, when they named it or a node under it. */
	reveal_order?: string[];
	lesson_path?: string[];
	node: NodeInput;
}

const HEADER = '# Rejected proposals and deleted nodes, newest last. Not read as a map.\n';

/** The archive file's text with one more entry at its end; what is there stays byte for byte. */
export function appendArchiveEntry(archiveText: string, entry: ArchiveEntry): string {
	const head = !archiveText.trim()
		? HEADER
		: archiveText.endsWith('\n')
			? archiveText
			: `${archiveText}\n`;
	return head + stringify([entry], { lineWidth: 0 });
}

export function archiveEntries(archiveText: string): ArchiveEntry[] {
	const data: unknown = parse(archiveText);
	return Array.isArray(data) ? (data as ArchiveEntry[]) : [];
}

/** The archive of rejected proposals: content/archive/<map>.yaml, a YAML list, newest last. */
import { parse, stringify } from 'yaml';
import type { NodeInput, Relation } from '../schema';

export interface ArchiveEntry {
	map: string;
	parent: string;
	relation: Relation;
	rejected: string;
	reason?: string;
	/** Who rejected it, when known. */
	editor?: string;
	node: NodeInput;
}

const HEADER = '# Rejected proposals, newest last. Not read as a map.\n';

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

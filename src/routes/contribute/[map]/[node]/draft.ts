/**
 * A proposal being written, kept in the tab's sessionStorage under its map and
 * node, so that going to the source reader to cite a passage, a reload or a
 * failed submission loses nothing. Only known string fields are read back.
 */
export interface Draft {
	claim?: string;
	note?: string;
	contributor?: string;
	source?: string;
	quote?: string;
	prefix?: string;
	suffix?: string;
}

const FIELDS = ['claim', 'note', 'contributor', 'source', 'quote', 'prefix', 'suffix'] as const;
const key = (node: string) => `atlas:proposal:${node}`;

/** The draft for `node` (`map/node`), or undefined when there is none or it cannot be read. */
export function readDraft(storage: Storage, node: string): Draft | undefined {
	try {
		const raw: unknown = JSON.parse(storage.getItem(key(node)) ?? 'null');
		if (!raw || typeof raw !== 'object') return undefined;
		const draft: Draft = {};
		for (const field of FIELDS) {
			const value = (raw as Record<string, unknown>)[field];
			if (typeof value === 'string') draft[field] = value;
		}
		return draft;
	} catch {
		return undefined;
	}
}

/** Keep the draft, or drop it once every field is empty. Storage that is full or off is not an error. */
export function saveDraft(storage: Storage, node: string, draft: Draft) {
	try {
		if (FIELDS.every((f) => !draft[f])) storage.removeItem(key(node));
		else storage.setItem(key(node), JSON.stringify(draft));
	} catch {
		// A private window with storage off: the form still works, it just cannot keep a draft.
	}
}

export function clearDraft(storage: Storage, node: string) {
	try {
		storage.removeItem(key(node));
	} catch {
		// As above.
	}
}

/**
 * What changed between versions of a map, in words: computed from the parsed
 * versions themselves (node by node, by id), never from a line diff, so that
 * re-indenting a file or moving a block is told as what it means.
 *
 * Pure: versions in, changes out. The server reads the versions from git.
 */

/** A node as one version of its map file has it. */
export interface NodeSnapshot {
	id: string;
	claim: string;
	/** The quoted passages, `source: quote`, in file order. */
	quotes: string[];
	editorial?: string;
	note?: string;
	parentId: string | null;
	relation: 'thesis' | 'supports' | 'rebuts';
	status: 'accepted' | 'proposed';
	contributor?: string;
}

export type MapSnapshot = Map<string, NodeSnapshot>;

export type NodeChange =
	| { kind: 'added'; id: string; node: NodeSnapshot }
	| { kind: 'removed'; id: string; node: NodeSnapshot }
	| { kind: 'accepted'; id: string; node: NodeSnapshot }
	| { kind: 'moved'; id: string; from: string | null; to: string | null; node: NodeSnapshot }
	| { kind: 're-related'; id: string; from: string; to: string; node: NodeSnapshot }
	| { kind: 'reworded'; id: string; from: string; to: string; node: NodeSnapshot }
	| { kind: 're-quoted'; id: string; from: string[]; to: string[]; node: NodeSnapshot }
	| { kind: 'noted'; id: string; node: NodeSnapshot };

/** A raw node as YAML gives it; anything that is not one is skipped, not trusted. */
type Raw = Record<string, unknown>;

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * The nodes of one parsed version of a map file, by id. A walk with its own
 * stack (a tree may be thousands of levels deep), that visits each object
 * once: a file full of YAML aliases cannot make it loop or explode.
 */
export function snapshotMap(parsed: unknown, limit = 100_000): MapSnapshot {
	const nodes: MapSnapshot = new Map();
	if (!isObject(parsed) || !isObject(parsed.thesis)) return nodes;
	const seen = new Set<object>();
	const stack: [Raw, string | null, NodeSnapshot['relation']][] = [[parsed.thesis, null, 'thesis']];
	while (stack.length && nodes.size < limit) {
		const [raw, parentId, relation] = stack.pop()!;
		const id = str(raw.id);
		if (seen.has(raw) || !id || nodes.has(id)) continue;
		seen.add(raw);
		const cites = Array.isArray(raw.cites) ? raw.cites.filter(isObject) : [];
		nodes.set(id, {
			id,
			claim: str(raw.claim)?.trim() ?? '',
			quotes: cites.map((c) => `${str(c.source) ?? '?'}: ${str(c.quote) ?? ''}`),
			editorial: str(raw.editorial),
			note: str(raw.note),
			parentId,
			relation,
			status: raw.status === 'proposed' ? 'proposed' : 'accepted',
			contributor: str(raw.contributor)
		});
		for (const rel of ['rebuts', 'supports'] as const) {
			const children = raw[rel];
			if (!Array.isArray(children)) continue;
			for (let i = children.length - 1; i >= 0; i--) {
				if (isObject(children[i])) stack.push([children[i], id, rel]);
			}
		}
	}
	return nodes;
}

const sameList = (a: string[], b: string[]) =>
	a.length === b.length && a.every((x, i) => x === b[i]);

/** Every change from `before` to `after`, in the order of `after`'s nodes, removals last. */
export function mapChanges(before: MapSnapshot, after: MapSnapshot): NodeChange[] {
	const changes: NodeChange[] = [];
	for (const [id, node] of after) {
		const old = before.get(id);
		if (!old) {
			changes.push({ kind: 'added', id, node });
			continue;
		}
		if (old.status === 'proposed' && node.status === 'accepted') {
			changes.push({ kind: 'accepted', id, node });
		}
		if (old.parentId !== node.parentId) {
			changes.push({ kind: 'moved', id, from: old.parentId, to: node.parentId, node });
		} else if (old.relation !== node.relation) {
			changes.push({ kind: 're-related', id, from: old.relation, to: node.relation, node });
		}
		if (old.claim !== node.claim) {
			changes.push({ kind: 'reworded', id, from: old.claim, to: node.claim, node });
		}
		if (!sameList(old.quotes, node.quotes)) {
			changes.push({ kind: 're-quoted', id, from: old.quotes, to: node.quotes, node });
		}
		if (old.note !== node.note || old.editorial !== node.editorial) {
			changes.push({ kind: 'noted', id, node });
		}
	}
	for (const [id, node] of before) {
		if (!after.has(id)) changes.push({ kind: 'removed', id, node });
	}
	return changes;
}

const cut = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const named = (snapshot: MapSnapshot, id: string | null) =>
	id === null ? 'the top of the map' : `“${cut(snapshot.get(id)?.claim ?? id, 60)}”`;
const relationWord = (r: string) =>
	r === 'supports' ? 'a support' : r === 'rebuts' ? 'a rebuttal' : 'the thesis';

/** One change as a sentence a teacher can read. `after` names new parents, `before` old ones. */
export function describeChange(
	change: NodeChange,
	before: MapSnapshot,
	after: MapSnapshot
): string {
	const claim = `“${cut(change.node.claim)}”`;
	switch (change.kind) {
		case 'added':
			return `Added ${claim} as ${relationWord(change.node.relation)}${
				change.node.parentId ? ` of ${named(after, change.node.parentId)}` : ''
			}${change.node.status === 'proposed' ? ' (proposed, awaiting review)' : ''}.`;
		case 'removed':
			return `Removed ${claim}.`;
		case 'accepted':
			return `Accepted ${claim}.`;
		case 'moved':
			return `Moved ${claim} from under ${named(before, change.from)} to under ${named(after, change.to)}, as ${relationWord(change.node.relation)}.`;
		case 're-related':
			return `${claim} now counts as ${relationWord(change.to)}, no longer as ${relationWord(change.from)}, of ${named(after, change.node.parentId)}.`;
		case 'reworded':
			return `Reworded “${cut(change.from)}” as ${claim}.`;
		case 're-quoted':
			return change.to.length
				? `Changed the passage ${claim} quotes.`
				: `${claim} no longer quotes a passage.`;
		case 'noted':
			return `Changed the note or editorial reason of ${claim}.`;
	}
}

/** One version of a map, as the server reads it from git. */
export interface Version {
	commit: string;
	date: string;
	author: string;
	committer: string;
	message: string;
	nodes: MapSnapshot;
}

export interface HistoryEvent {
	commit: string;
	date: string;
	/** Who wrote the change (git's author). */
	author: string;
	/** Who put it in the map (git's committer), e.g. the editor who accepted it. */
	committer: string;
	change: NodeChange;
	words: string;
}

/**
 * Per node, every change since it first appeared, oldest first, from
 * versions ordered oldest first. The first version's nodes count as added.
 */
export function nodeHistories(versions: Version[]): Map<string, HistoryEvent[]> {
	const histories = new Map<string, HistoryEvent[]>();
	let previous: MapSnapshot = new Map();
	for (const version of versions) {
		for (const change of mapChanges(previous, version.nodes)) {
			const events = histories.get(change.id) ?? [];
			events.push({
				commit: version.commit,
				date: version.date,
				author: version.author,
				committer: version.committer,
				change,
				words: describeChange(change, previous, version.nodes)
			});
			histories.set(change.id, events);
		}
		previous = version.nodes;
	}
	return histories;
}

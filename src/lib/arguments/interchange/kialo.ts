/**
 * Kialo's discussion export: a numbered outline, one claim per entry.
 *
 *     Discussion Title: Can Boric replace the constitution?
 *
 *     1. Thesis: Boric's win gives him a mandate.
 *     1.1. Pro: Replacing the constitution is a huge task.
 *     1.2. Con: The process no longer depends on him.
 *     1.2.1. Con: -> See 1.1.
 *
 * Variants found in the wild, all read here: the root with or without
 * "Thesis:"; a question at 1. with a single "Thesis:" under it; claims that
 * run on over several lines; `-> See 1.1.` entries pointing at a claim
 * elsewhere in the tree; markdown links and footnote marks (`[1]`) in claims;
 * and a trailing "Sources:" block of footnotes.
 */
import type { ArgumentMap, ArgumentNode } from '../model';
import { draftNode, ImportError, type DraftMap, type DraftNode } from './draft';
import { childrenOf, exportedNodes } from './tree';

export function exportKialo(map: ArgumentMap): string {
	const nodes = exportedNodes(map);
	const children = childrenOf(nodes);
	const lines = [`Discussion Title: ${oneLine(map.question)}`, ''];
	const visit = (node: ArgumentNode, number: string, stance: string) => {
		lines.push(`${number} ${stance}${escapeClaim(node.claim)}`);
		children
			.get(node.id)!
			.forEach((child, i) =>
				visit(child, `${number}${i + 1}.`, child.relation === 'supports' ? 'Pro: ' : 'Con: ')
			);
	};
	visit(map.nodeById.get(map.rootId)!, '1.', 'Thesis: ');
	return `${lines.join('\n')}\n`;
}

function oneLine(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/**
 * Escaped as Kialo escapes its markdown, so that cleanClaim, on import,
 * gives the claim back: brackets and parentheses (else `[1]` reads as a
 * footnote mark and `[a](b)` as a link), backslashes, and a start that would
 * read as a numbered entry or a `-> See` link.
 */
function escapeClaim(claim: string): string {
	return oneLine(claim)
		.replace(/[\\[\]()]/g, '\\$&')
		.replace(/^(\d+\.|->)/, '\\$1');
}

const ENTRY = /^((?:\d+\.)+)[ \t]+(?:(Pro|Con|Thesis|Question):[ \t]*)?(.*)$/i;
const SEE = /^->\s*See\s+((?:\d+\.)+)\s*$/i;

interface Entry {
	number: string;
	line: number;
	stance?: string;
	text: string;
}

export function importKialo(text: string): DraftMap {
	const lines = text.split(/\r\n|\r|\n/);
	let title: string | undefined;
	const entries: Entry[] = [];
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		const lineNo = i + 1;
		if (/^\s*Sources:\s*$/i.test(line)) break;
		const heading = /^\s*Discussion Title:\s*(.*)$/i.exec(line);
		if (heading && !entries.length) {
			title = heading[1]!.trim();
			continue;
		}
		const entry = ENTRY.exec(line.trim());
		if (entry && (entries.length || entry[1] === '1.')) {
			entries.push({
				number: entry[1]!,
				line: lineNo,
				stance: entry[2]?.toLowerCase(),
				text: entry[3]!
			});
			continue;
		}
		if (!line.trim()) continue;
		const last = entries.at(-1);
		if (!last)
			throw new ImportError(
				`line ${lineNo}`,
				`expected "Discussion Title:" or the first claim numbered "1.", found "${clip(line)}"`
			);
		// A claim that runs on: the line belongs to the entry above.
		last.text = `${last.text}\n${line.trim()}`;
	}
	if (!entries.length)
		throw new ImportError(
			'line 1',
			'no claims found: a Kialo export numbers its claims 1., 1.1., ...'
		);
	return { title, question: title, thesis: buildTree(entries) };
}

function buildTree(entries: Entry[]): DraftNode {
	const byNumber = new Map<string, { entry: Entry; node: DraftNode }>();
	const links: { entry: Entry; node: DraftNode; target: string }[] = [];
	let root: { entry: Entry; node: DraftNode } | undefined;
	// Theses under a question at 1.
	const theses: DraftNode[] = [];
	for (const entry of entries) {
		const first = byNumber.get(entry.number);
		if (first)
			throw new ImportError(
				`line ${entry.line}`,
				`"${entry.number}" is numbered twice (first on line ${first.entry.line}) — renumber one of them`
			);
		const see = SEE.exec(entry.text.trim());
		const node = draftNode(cleanClaim(entry.text));
		const item = { entry, node };
		if (entry.number === '1.') {
			root = item;
			byNumber.set(entry.number, item);
			continue;
		}
		const parentNumber = entry.number.replace(/\d+\.$/, '');
		const parent = byNumber.get(parentNumber);
		if (!parent)
			throw new ImportError(
				`line ${entry.line}`,
				`"${entry.number}" has no parent "${parentNumber}" above it — the numbering is broken`
			);
		byNumber.set(entry.number, item);
		if (see) links.push({ entry, node, target: see[1]! });
		if (entry.stance === 'thesis' && parent === root) {
			theses.push(node);
			continue;
		}
		if (entry.stance !== 'pro' && entry.stance !== 'con')
			throw new ImportError(
				`line ${entry.line}`,
				`"${entry.number}" says neither "Pro:" nor "Con:" — every claim under the thesis supports or rebuts it`
			);
		(entry.stance === 'pro' ? parent.node.supports : parent.node.rebuts).push(node);
	}
	for (const { entry, node, target } of links) {
		const linked = byNumber.get(target);
		if (!linked)
			throw new ImportError(
				`line ${entry.line}`,
				`"-> See ${target}" names no claim in the discussion`
			);
		// A map is a tree: the linked claim is repeated here, and the note says where it stands.
		node.claim = linked.node.claim;
		node.note = `In the Kialo discussion this entry pointed to ${target}, where the same claim stands.`;
	}
	return thesisOf(root!, theses);
}

/** A question at 1. with a single thesis under it becomes that thesis. */
function thesisOf(root: { entry: Entry; node: DraftNode }, theses: DraftNode[]): DraftNode {
	if (!theses.length) return root.node;
	if (theses.length > 1 || root.node.supports.length || root.node.rebuts.length)
		throw new ImportError(
			`line ${root.entry.line}`,
			`the discussion has ${theses.length} theses; a map answers with one — export each thesis's branch as its own map`
		);
	return theses[0]!;
}

/** The claim as a reader sees it in Kialo (escapeClaim's inverse): link text without its address, no escapes, no footnote marks. */
function cleanClaim(text: string): string {
	return text
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\s*\[\d+\]/g, '')
		.replace(/\\([\\[\]()*_#.>\d-])/g, '$1')
		.replace(/\s+/g, ' ')
		.trim();
}

function clip(text: string, max = 60): string {
	const t = text.trim();
	return t.length > max ? `${t.slice(0, max)}…` : t;
}

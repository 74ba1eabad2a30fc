/**
 * Synthetic argument maps for benchmarks: real map files in the real format,
 * whose every quote is a real sentence of a real source (one that occurs only
 * once in it), so they validate like curated content. Deterministic: the same
 * size and seed give the same file.
 */
import { stringify } from 'yaml';
import { occurrencesOf } from '../src/lib/arguments/anchor';
import type { MapInput, NodeInput } from '../src/lib/arguments/schema';

export interface QuoteSource {
	id: string;
	text: string;
}

export interface Quote {
	source: string;
	quote: string;
}

/** Sentences of each source that occur exactly once in it and fit a quote. */
export function quotableSentences(sources: QuoteSource[]): Quote[] {
	const quotes: Quote[] = [];
	for (const { id, text } of sources) {
		for (const m of text.matchAll(/[^.!?\n]+[.!?]/g)) {
			const quote = m[0].trim();
			if (quote.length < 20 || quote.length > 300) continue;
			if (occurrencesOf(text, quote).length !== 1) continue;
			quotes.push({ source: id, quote });
		}
	}
	return quotes;
}

/** A small, seeded pseudo-random generator (mulberry32). */
export function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const WORDS = (
	'the government constitution reform economy inequality pension health education ' +
	'referendum assembly mandate president congress voters market mining copper peso ' +
	'investors security migration crime region democracy rights court budget tax ' +
	'argues claims notes warns doubts agrees replies because therefore however although ' +
	'critics supporters commenter report essay says that would could should might'
).split(' ');

function sentence(next: () => number, minChars: number, maxChars: number): string {
	const target = minChars + Math.floor(next() * (maxChars - minChars));
	const words: string[] = [];
	let length = 0;
	while (length < target) {
		const word = WORDS[Math.floor(next() * WORDS.length)]!;
		words.push(word);
		length += word.length + 1;
	}
	const text = words.join(' ');
	return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

export interface GeneratedMap {
	id: string;
	yaml: string;
	nodeCount: number;
	/** The id of a node at the greatest depth, for "select a deep node". */
	deepestId: string;
	maxDepth: number;
}

/**
 * A map of `size` nodes. Each node has up to `branching` children (supports
 * about two times in three, rebuttals otherwise), filled level by level, so a
 * map of 20,000 nodes is about eight levels deep.
 */
export function generateMap(
	size: number,
	quotes: Quote[],
	{ seed = 1, branching = 4, id = `bench-${size}` } = {}
): GeneratedMap {
	if (!quotes.length) throw new Error('generateMap: no quotable sentences in the sources');
	const next = random(seed);
	const nodes: NodeInput[] = [];
	const depth: number[] = [];
	for (let i = 0; i < size; i++) {
		const node: NodeInput = { id: i === 0 ? 'thesis' : `n${i}`, claim: sentence(next, 40, 260) };
		if (next() < 0.05 && i > 0) {
			node.editorial = 'No source says this; added as a counterpoint for the benchmark.';
		} else {
			const cites = 1 + (next() < 0.15 ? 1 : 0);
			node.cites = [];
			for (let c = 0; c < cites; c++) {
				const q = quotes[Math.floor(next() * quotes.length)]!;
				node.cites.push({ source: q.source, quote: q.quote });
			}
		}
		if (next() < 0.1) node.note = `${sentence(next, 80, 300)}\n\nSee **the source** for more.`;
		nodes.push(node);
		if (i === 0) {
			depth.push(0);
			continue;
		}
		const parentIndex = Math.floor((i - 1) / branching);
		const parent = nodes[parentIndex]!;
		depth.push(depth[parentIndex]! + 1);
		const relation = next() < 0.67 ? 'supports' : 'rebuts';
		(parent[relation] ??= []).push(node);
	}
	let deepest = 0;
	depth.forEach((d, i) => {
		if (d > depth[deepest]!) deepest = i;
	});
	const map: MapInput = {
		id,
		title: `Benchmark map of ${size.toLocaleString('en')} nodes`,
		question: 'How fast is the explorer on a big map?',
		summary: 'A synthetic map for benchmarks: generated claims citing real passages.',
		thesis: nodes[0]!
	};
	return {
		id,
		yaml: stringify(map, { lineWidth: 0 }),
		nodeCount: size,
		deepestId: nodes[deepest]!.id,
		maxDepth: depth[deepest]!
	};
}
